// A checkout made by actions/checkout is shallow (one commit) unless told otherwise: the commits
// an event brought, and the branches a new branch is compared with, are fetched before the scan,
// and each fetch is said in the log — a scan must not pass having silently seen one commit.
import { runGit } from '../sources/git-command.js';
import type { EventScope } from './event-scope.js';

const REMOTE = 'origin';
const BRANCHES = '+refs/heads/*:refs/remotes/origin/*';
const TAGS = '+refs/tags/*:refs/tags/*';

const hasCommit = (repoDir: string, sha: string): boolean => {
  try {
    runGit(repoDir, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
};

function neededCommits(scope: EventScope): string[] {
  if (scope.kind === 'pull-request') return [scope.base, scope.head];
  if (scope.kind === 'push') return [scope.push.after, scope.push.before].filter((sha) => !/^0+$/.test(sha));
  return [];
}

/** Fetches what the scan needs; returns what was fetched, in words, for the log and the summary. */
export function fetchHistory(repoDir: string, scope: EventScope): string[] {
  if (scope.kind === 'nothing') return [];
  const shallow = runGit(repoDir, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
  // A push is compared with the other branches (a new branch: its commits no other branch has),
  // which a shallow checkout lacks too.
  const refspecs = scope.kind === 'full' ? [BRANCHES, TAGS] : scope.kind === 'push' ? [BRANCHES] : [];
  const missing = neededCommits(scope).filter((sha) => !hasCommit(repoDir, sha));
  if (shallow) {
    runGit(repoDir, ['fetch', '--quiet', '--no-tags', '--unshallow', REMOTE, ...refspecs, ...neededCommits(scope)]);
    return [`The checkout was shallow: fetched the history it lacked (git fetch --unshallow ${REMOTE}) to scan ${scope.what}.`];
  }
  // A full checkout (fetch-depth: 0) has every branch already.
  if (missing.length === 0) return [];
  runGit(repoDir, ['fetch', '--quiet', '--no-tags', REMOTE, ...refspecs, ...missing]);
  return [`Fetched ${missing.length} commit${missing.length === 1 ? '' : 's'} the checkout lacked (${missing.map((sha) => sha.slice(0, 7)).join(', ')}).`];
}
