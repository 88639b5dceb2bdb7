// `leakstop hook install`: a git pre-commit hook that scans the staged changes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { gitTopLevel, runGit } from '../sources/git-command.js';

const MARKER = '# leakstop pre-commit hook';

/** Single-quotes a value for sh. */
export const shellQuote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/** The hook calls this very installation of Leakstop, falling back to one on PATH if it moves. */
function hookScript(): string {
  const cli = fileURLToPath(new URL('./main.js', import.meta.url));
  return `#!/bin/sh
${MARKER} (written by \`leakstop hook install\`; bypass once with \`git commit --no-verify\`)
if [ -f ${shellQuote(cli)} ]; then
  exec ${shellQuote(process.execPath)} ${shellQuote(cli)} scan --staged
fi
exec leakstop scan --staged
`;
}

export function installHook(cwd: string, force: boolean): string {
  const top = gitTopLevel(cwd);
  const hooksDir = path.resolve(top, runGit(top, ['rev-parse', '--git-path', 'hooks']).toString().trim());
  const hook = path.join(hooksDir, 'pre-commit');
  if (fs.existsSync(hook) && !force && !fs.readFileSync(hook, 'utf8').includes(MARKER)) {
    throw new UsageError(`${hook} exists and is not Leakstop's: re-run with --force to replace it`);
  }
  fs.mkdirSync(hooksDir, { recursive: true });
  fs.writeFileSync(hook, hookScript(), { mode: 0o755 });
  fs.chmodSync(hook, 0o755);
  return hook;
}

export function registerHook(program: Command): void {
  const hook = program.command('hook').description('git hooks');
  hook
    .command('install')
    .description('install a pre-commit hook that runs `leakstop scan --staged`')
    .option('--force', 'replace an existing pre-commit hook that is not Leakstop\'s')
    .option('--pre-receive <dir>', 'instead: install the server-side pre-receive hook into the bare repository DIR')
    .action(async (flags: { force?: boolean; preReceive?: string }) => {
      if (flags.preReceive !== undefined) {
        const installed = (await import('./pre-receive-hook.js')).installPreReceiveHook(flags.preReceive, Boolean(flags.force));
        process.stdout.write(`Installed the Leakstop pre-receive hook at ${installed} (receive.advertisePushOptions is on, for -o leakstop.allow)\n`);
        return;
      }
      const written = installHook(process.cwd(), Boolean(flags.force));
      process.stdout.write(`Installed the Leakstop pre-commit hook at ${written}\n`);
    });
}
