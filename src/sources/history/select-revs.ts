// Which history a scan walks: all refs by default, narrowed by --since, --range, --branch or an
// explicit revision list (push ranges). Revisions travel to git on stdin, never as options.
import fs from 'node:fs';
import path from 'node:path';
import { SourceError, UsageError } from '../../errors.js';
import { askGit } from '../git-command.js';

export interface Repository {
  /** Absolute path git runs in. */
  dir: string;
  /** Absolute path of the repository's common git directory (a linked work tree's main one). */
  commonDir: string;
  shallow: boolean;
}

export interface RevNarrowing {
  /** Only commits not reachable from REV. */
  since?: string;
  /** `A..B`: commits reachable from B and not from A. */
  range?: string;
  /** One branch (local, or remote-tracking like `origin/x`) instead of all refs. */
  branch?: string;
  /** Explicit revisions (`sha`, `^sha`), as a push range gives them. */
  revs?: string[];
}

export interface RevSelection {
  /** Arguments to `git log` (only `--all` and its exclusion of notes refs, never user text). */
  args: string[];
  /** Revisions for `git log --stdin`, one per line. */
  stdin: string[];
}

/**
 * Opens a work tree or a bare repository, or says in one line why it cannot. One rev-parse, git
 * spawned directly as everywhere else in a scan: simple-git took 22-34 ms to load, and two more processes.
 */
export function openRepository(repoPath: string): Repository {
  const dir = path.resolve(repoPath);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SourceError(`${repoPath} is not a directory; give the path of a git work tree or bare repository`);
  }
  const answer = askGit(dir, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree', '--is-shallow-repository', '--git-common-dir']);
  // Any failure but this one (an unsafe owner, a corrupt repository) is git's to explain.
  if (!answer.ok && !/not a git repository/i.test(answer.reason)) throw new SourceError(`${repoPath}: ${answer.reason}`);
  const [bare, inWorkTree, shallow, commonDir = ''] = answer.ok ? answer.stdout.toString().split('\n') : [];
  // Inside a work tree's .git directory git answers, but there is neither a work tree nor a bare repository.
  if (bare !== 'true' && inWorkTree !== 'true') {
    throw new SourceError(`${repoPath} is not a git repository; give the path of a work tree or bare repository`);
  }
  return { dir, commonDir: path.resolve(dir, commonDir), shallow: shallow === 'true' };
}

const ALL_BUT_NOTES = ['--exclude=refs/notes/*', '--all'] as const;

/** Whether the selection walks every ref (no --range, --branch or revision list). */
export function walksAllRefs(selection: RevSelection): boolean {
  return selection.args.includes(ALL_BUT_NOTES[1]);
}

function checkedRev(rev: string, what: string): string {
  // A revision is never an option: git would read `--output=…` as one.
  if (rev === '' || rev.startsWith('-') || /[\s\0]/.test(rev)) throw new UsageError(`${what} "${rev}" is not a revision`);
  return rev;
}

/** The commit a name resolves to, or undefined (`--quiet` makes git fail without a message). */
function commitOf(repo: Repository, name: string): string | undefined {
  const answer = askGit(repo.dir, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
  return (answer.ok && answer.stdout.toString().trim()) || undefined;
}

function resolveCommit(repo: Repository, rev: string, what: string): string {
  const commit = commitOf(repo, checkedRev(rev, what));
  if (commit) return commit;
  throw new SourceError(`${what} "${rev}" is not a commit in ${repo.dir}; check the name with git log`);
}

function branchCommit(repo: Repository, branch: string): string {
  checkedRev(branch, '--branch');
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/${branch}`]) {
    const commit = commitOf(repo, ref);
    if (commit) return commit;
  }
  throw new SourceError(`--branch "${branch}" is not a branch of ${repo.dir}; see git branch -a`);
}

/** Older stash entries live only in the stash reflog, which `--all` does not walk. */
function stashCommits(repo: Repository): string[] {
  const listing = askGit(repo.dir, ['reflog', 'show', '--format=%H', 'refs/stash', '--']);
  // No answer: no stash.
  return listing.ok ? listing.stdout.toString().split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line)) : [];
}

export function selectRevs(repo: Repository, narrowing: RevNarrowing): RevSelection {
  const exclusive = [narrowing.range && '--range', narrowing.branch && '--branch', narrowing.revs && 'a revision list'].filter(Boolean);
  if (exclusive.length > 1) throw new UsageError(`choose one of ${exclusive.join(' and ')}`);
  if (narrowing.range && narrowing.since) throw new UsageError('--range already has a start; drop --since');

  if (narrowing.revs) {
    for (const rev of narrowing.revs) checkedRev(rev.startsWith('^') ? rev.slice(1) : rev, 'revision');
    return { args: [], stdin: narrowing.revs };
  }

  const excluded = narrowing.since ? [`^${resolveCommit(repo, narrowing.since, '--since')}`] : [];
  if (narrowing.range) {
    const parts = narrowing.range.split('..');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`--range must be A..B, not "${narrowing.range}"`);
    const [from, to] = [resolveCommit(repo, parts[0], '--range start'), resolveCommit(repo, parts[1], '--range end')];
    return { args: [], stdin: [to, `^${from}`] };
  }
  if (narrowing.branch) return { args: [], stdin: [branchCommit(repo, narrowing.branch), ...excluded] };
  // A notes ref's commits are no history of the project: each note is scanned as a fragment of the
  // commit it annotates (see commit-texts.ts), not once more as a file of the notes ref.
  return { args: [...ALL_BUT_NOTES], stdin: [...stashCommits(repo), ...excluded] };
}
