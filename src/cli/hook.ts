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
function hookScript(scanArgs: string[]): string {
  const cli = fileURLToPath(new URL('./main.js', import.meta.url));
  const args = scanArgs.map(shellQuote).join(' ');
  return `#!/bin/sh
${MARKER} (written by \`leakstop hook install\`; bypass once with \`git commit --no-verify\`)
if [ -f ${shellQuote(cli)} ]; then
  exec ${shellQuote(process.execPath)} ${shellQuote(cli)} ${args}
fi
exec leakstop ${args}
`;
}

/** git runs a pre-commit hook at the top of the work tree, so a baseline path is kept relative to it. */
function baselineForHook(cwd: string, top: string, baseline: string): string {
  const file = path.resolve(cwd, baseline);
  if (!fs.existsSync(file)) throw new UsageError(`--baseline: no such file: ${baseline}`);
  const relative = path.relative(top, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The first free `pre-commit.leakstop-replaced[.N]` beside the hook: an earlier copy is never overwritten. */
function keptHookPath(hook: string): string {
  const base = `${hook}.leakstop-replaced`;
  let candidate = base;
  for (let n = 1; fs.existsSync(candidate); n++) candidate = `${base}.${n}`;
  return candidate;
}

export interface InstalledHook {
  hook: string;
  /** Where a replaced hook that was not Leakstop's now is. */
  kept?: string;
}

export function installHook(cwd: string, options: { force: boolean; baseline?: string }): InstalledHook {
  const top = gitTopLevel(cwd);
  const hooksDir = path.resolve(top, runGit(top, ['rev-parse', '--git-path', 'hooks']).toString().trim());
  const hook = path.join(hooksDir, 'pre-commit');
  const scanArgs = ['scan', '--staged'];
  if (options.baseline !== undefined) scanArgs.push('--baseline', baselineForHook(cwd, top, options.baseline));
  const foreign = fs.existsSync(hook) && !fs.readFileSync(hook, 'utf8').includes(MARKER);
  if (foreign && !options.force) {
    throw new UsageError(`${hook} exists and is not Leakstop's: re-run with --force to replace it (it is kept as ${path.basename(keptHookPath(hook))})`);
  }
  fs.mkdirSync(hooksDir, { recursive: true });
  const kept = foreign ? keptHookPath(hook) : undefined;
  if (kept) fs.renameSync(hook, kept);
  fs.writeFileSync(hook, hookScript(scanArgs), { mode: 0o755 });
  fs.chmodSync(hook, 0o755);
  return { hook, kept };
}

export function registerHook(program: Command): void {
  const hook = program.command('hook').description('git hooks');
  hook
    .command('install')
    .description('install a pre-commit hook that runs `leakstop scan --staged`')
    .option('--force', 'replace an existing hook that is not Leakstop\'s (a pre-commit hook is kept as pre-commit.leakstop-replaced)')
    .option('--baseline <file>', 'the hook ignores the findings recorded in this baseline')
    .option('--pre-receive <dir>', 'instead: install the server-side pre-receive hook into the bare repository DIR')
    .action(async (flags: { force?: boolean; baseline?: string; preReceive?: string }) => {
      if (flags.preReceive !== undefined) {
        const installed = (await import('./pre-receive-hook.js')).installPreReceiveHook(flags.preReceive, Boolean(flags.force));
        process.stdout.write(`Installed the Leakstop pre-receive hook at ${installed} (receive.advertisePushOptions is on, for -o leakstop.allow)\n`);
        return;
      }
      const installed = installHook(process.cwd(), { force: Boolean(flags.force), baseline: flags.baseline });
      process.stdout.write(`Installed the Leakstop pre-commit hook at ${installed.hook}\n`);
      if (installed.kept) process.stdout.write(`The hook it replaced is kept at ${installed.kept}\n`);
    });
}
