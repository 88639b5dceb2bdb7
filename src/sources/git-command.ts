// Running git for a source, with failures turned into one-line SourceErrors.
import { spawnSync } from 'node:child_process';
import { SourceError } from '../errors.js';

export type GitAnswer = { ok: true; stdout: Buffer } | { ok: false; reason: string };

/** What git printed, or its first line of complaint when it exits non-zero (for callers to whom that is an answer too). */
export function askGit(cwd: string, args: string[], input?: Buffer): GitAnswer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (result.error) throw new SourceError(`cannot run git: ${result.error.message}`);
  return result.status === 0 ? { ok: true, stdout: result.stdout } : { ok: false, reason: result.stderr.toString().trim().split('\n')[0] ?? '' };
}

export function runGit(cwd: string, args: string[], input?: Buffer): Buffer {
  const answer = askGit(cwd, args, input);
  if (!answer.ok) throw new SourceError(`git ${args[0]} failed in ${cwd}: ${answer.reason}`);
  return answer.stdout;
}

/** The work tree's top level, or a SourceError saying the path is not in a git repository. */
export function gitTopLevel(cwd: string): string {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd });
  if (result.status !== 0) throw new SourceError(`${cwd} is not inside a git work tree`);
  return result.stdout.toString().trim();
}
