// Running git for a source, with failures turned into one-line SourceErrors.
import { spawnSync } from 'node:child_process';
import { SourceError } from '../errors.js';

export function runGit(cwd: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (result.error) throw new SourceError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    const reason = result.stderr.toString().trim().split('\n')[0] ?? '';
    throw new SourceError(`git ${args[0]} failed in ${cwd}: ${reason}`);
  }
  return result.stdout;
}

/** The work tree's top level, or a SourceError saying the path is not in a git repository. */
export function gitTopLevel(cwd: string): string {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd });
  if (result.status !== 0) throw new SourceError(`${cwd} is not inside a git work tree`);
  return result.stdout.toString().trim();
}
