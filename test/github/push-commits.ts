// The commits a push introduced, described as GitHub's push event lists them, read from the
// emulated repository's git data.
import { runGit } from './git-store.js';

export const ZERO_SHA = '0000000000000000000000000000000000000000';

export interface PushCommit {
  id: string;
  tree_id: string;
  distinct: boolean;
  message: string;
  timestamp: string;
  url: string;
  author: { name: string; email: string };
  committer: { name: string; email: string };
  added: string[];
  removed: string[];
  modified: string[];
}

/** The SHAs `after` brings to `ref`, oldest first: what is new to the branch, or to the repository for a new branch. */
export async function pushedShas(gitDir: string, ref: string, before: string, after: string): Promise<string[]> {
  if (after === ZERO_SHA) return [];
  let range = [`${before}..${after}`];
  if (before === ZERO_SHA) {
    const refs = (await runGit(gitDir, ['for-each-ref', '--format=%(refname)'])).split('\n');
    range = [after, '--not', ...refs.filter((other) => other && other !== ref)];
  }
  const out = await runGit(gitDir, ['rev-list', '--reverse', ...range]);
  return out.split('\n').filter(Boolean);
}

/** Whether moving `ref` from `before` to `after` rewrote history. */
export async function isForced(gitDir: string, before: string, after: string): Promise<boolean> {
  if (before === ZERO_SHA || after === ZERO_SHA) return false;
  try {
    await runGit(gitDir, ['merge-base', '--is-ancestor', before, after]);
    return false;
  } catch {
    return true;
  }
}

export async function describeCommit(gitDir: string, sha: string, commitUrl: string): Promise<PushCommit> {
  const format = ['%H', '%T', '%an', '%ae', '%aI', '%cn', '%ce', '%B'].join('%x00');
  const [id = '', tree = '', authorName = '', authorEmail = '', date = '', committerName = '', committerEmail = '', message = ''] = (
    await runGit(gitDir, ['show', '--no-patch', `--format=${format}`, sha])
  ).split('\0');
  const changes = (await runGit(gitDir, ['diff-tree', '-r', '--root', '--no-commit-id', '--name-status', '-z', sha])).split('\0');
  const files: Record<'A' | 'D' | 'M', string[]> = { A: [], D: [], M: [] };
  for (let i = 0; i + 1 < changes.length; i += 2) {
    const kind = changes[i]!.charAt(0) as 'A' | 'D' | 'M';
    (files[kind] ?? files.M).push(changes[i + 1]!);
  }
  return {
    id,
    tree_id: tree,
    distinct: true,
    message: message.replace(/\n+$/, ''),
    timestamp: date,
    url: commitUrl,
    author: { name: authorName, email: authorEmail },
    committer: { name: committerName, email: committerEmail },
    added: files.A,
    removed: files.D,
    modified: files.M,
  };
}
