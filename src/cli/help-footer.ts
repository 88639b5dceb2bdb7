// What every command's --help ends with: what its exit codes mean and which options it cannot
// run without, so a script can handle each outcome without reading the README.
import type { Command } from 'commander';

const ERROR = '2 usage or runtime error (one line on stderr)';

/** Commands whose exit codes say more than done or error, by their path under `leakstop`. */
const EXIT_CODES: Record<string, string> = {
  '': `0 nothing found; 1 findings (scan) or a registered key (check); ${ERROR}`,
  scan: `0 no findings (or a baseline was written); 1 findings; ${ERROR}, or a --respond left incomplete (finish it with \`leakstop respond --resume\`)`,
  check: `0 no line holds a registered key; 1 some line holds a registered key; ${ERROR}`,
  respond: `0 every response complete; ${ERROR}, or a response still incomplete (fix what it says and run it again)`,
  app: `0 stopped by SIGINT or SIGTERM; 1 could not stop cleanly; ${ERROR}: a setting, the registry, the queue or the port at start-up`,
  worker: `0 stopped by SIGINT or SIGTERM (running jobs finished or handed back); 1 could not stop cleanly; ${ERROR}: a setting, the registry or the queue at start-up`,
};

const DONE_OR_ERROR = `0 done; ${ERROR}`;

/** Adds the footer to `command` and every subcommand under it. */
export function addHelpFooters(command: Command, names: string[] = []): void {
  const lines = [`Exit codes: ${EXIT_CODES[names.join(' ')] ?? DONE_OR_ERROR}`];
  const required = command.options.filter((option) => option.mandatory).map((option) => option.flags);
  if (required.length > 0) lines.push(`Required options: ${required.join(', ')}`);
  command.addHelpText('after', `\n${lines.join('\n')}`);
  for (const subcommand of command.commands) addHelpFooters(subcommand, [...names, subcommand.name()]);
}
