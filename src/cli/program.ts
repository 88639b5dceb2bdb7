// The `leakstop` program: the subcommands it is given, each registering itself from its own file,
// and one-line errors for a user.
import { Command, CommanderError } from 'commander';
import { LeakstopError } from '../errors.js';
import { addHelpFooters } from './help-footer.js';

/** Each subcommand's registration, loaded only when it is the one run (or for help listing them all). */
export type Subcommands = Record<string, () => Promise<(program: Command) => void>>;

export function runProgram(subcommands: Subcommands): void {
  const program = new Command('leakstop')
    .description('Find leaked API keys in git, prove which are live keys of ours, and close the incident.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      // Commander's own errors ("error: unknown option …", and "(Did you mean …?)" on a line of its
      // own) as one line like every other error; subcommands inherit this.
      outputError: (text, write) => write(`leakstop: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });
  registerSubcommands(program, subcommands).then(() => program.parseAsync(process.argv)).catch(fail);
}

async function registerSubcommands(program: Command, subcommands: Subcommands): Promise<void> {
  const invoked = process.argv[2] ?? '';
  // `--version` lists no subcommand: it need not load the app's modules (0.43 s, against 0.14 s).
  const names = Object.hasOwn(subcommands, invoked) ? [invoked] : ['--version', '-V'].includes(invoked) ? [] : Object.keys(subcommands);
  for (const name of names) (await subcommands[name]!())(program);
  addHelpFooters(program);
}

function fail(error: unknown): never {
  if (error instanceof CommanderError) {
    // --help and --version are not failures; anything else commander rejects is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  if (error instanceof LeakstopError) {
    process.stderr.write(`leakstop: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`leakstop: unexpected error: ${message.split('\n')[0]}\n`);
    if (process.env.LEAKSTOP_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  }
  process.exit(2);
}
