// `leakstop hook install --pre-receive DIR`: the server-side hook in a bare repository, and the
// config that lets pushers send `-o leakstop.allow=…` (git refuses push options a server does not advertise).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceError, UsageError } from '../errors.js';
import { runGit } from '../sources/git-command.js';
import { shellQuote } from './hook.js';

const MARKER = '# leakstop pre-receive hook';

function hookScript(): string {
  const cli = fileURLToPath(new URL('./main.js', import.meta.url));
  return `#!/bin/sh
${MARKER} (written by \`leakstop hook install --pre-receive\`; a pusher may override with \`git push -o leakstop.allow="why"\`)
if [ -f ${shellQuote(cli)} ]; then
  exec ${shellQuote(process.execPath)} ${shellQuote(cli)} scan --pre-receive
fi
exec leakstop scan --pre-receive
`;
}

export function installPreReceiveHook(repoDir: string, force: boolean): string {
  let bare: string;
  try {
    bare = runGit(repoDir, ['rev-parse', '--is-bare-repository']).toString().trim();
  } catch {
    throw new SourceError(`${repoDir} is not a git repository; give the path of the server's bare repository`);
  }
  if (bare !== 'true') throw new UsageError(`${repoDir} is not a bare repository: a pre-receive hook belongs on the server (for a work tree, use \`leakstop hook install\`)`);
  const hooksDir = path.resolve(repoDir, runGit(repoDir, ['rev-parse', '--git-path', 'hooks']).toString().trim());
  const hook = path.join(hooksDir, 'pre-receive');
  if (fs.existsSync(hook) && !force && !fs.readFileSync(hook, 'utf8').includes(MARKER)) {
    throw new UsageError(`${hook} exists and is not Leakstop's: re-run with --force to replace it`);
  }
  fs.mkdirSync(hooksDir, { recursive: true });
  fs.writeFileSync(hook, hookScript(), { mode: 0o755 });
  fs.chmodSync(hook, 0o755);
  runGit(repoDir, ['config', 'receive.advertisePushOptions', 'true']);
  return hook;
}
