// What a push introduced, as revisions for a history scan over the repository the push landed
// in (e.g. the app's bare cache after fetching): `before..after` for an ordinary push; for a
// new branch or a force push, the commits of `after` not reachable from any other ref; nothing
// for a deleted ref. Never the payload's `commits[]` (capped) nor the compare API (truncated).
import { UsageError } from '../../errors.js';
import { runGit } from '../git-command.js';

export interface PushedRef {
  /** Full ref name, e.g. `refs/heads/main`: excluded from "other refs". */
  ref: string;
  before: string;
  after: string;
}

export type PushRange =
  | { kind: 'deleted' }
  | { kind: 'fast-forward' | 'new-ref' | 'force-push'; revs: string[] };

const OBJECT_ID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
export const isNull = (sha: string): boolean => /^0+$/.test(sha);

export function checkedId(sha: string, field: string): string {
  if (!OBJECT_ID.test(sha)) throw new UsageError(`push ${field} "${sha.slice(0, 80)}" is not a commit id`);
  return sha;
}

/** Commits the other refs point to (tags peeled); refs to trees or blobs exclude nothing. `pushed`: the refs that are not "other". */
export function otherRefCommits(repoDir: string, ...pushed: string[]): string[] {
  const listing = runGit(repoDir, [
    'for-each-ref', '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)',
  ]).toString('utf8');
  const commits = new Set<string>();
  for (const line of listing.split('\n')) {
    const [name, type, id, peeledType, peeledId] = line.split('\0');
    if (!name || pushed.includes(name)) continue;
    if (type === 'commit') commits.add(id!);
    else if (peeledType === 'commit') commits.add(peeledId!);
  }
  return [...commits];
}

/** By exit status: git prints nothing either way. */
function isAncestor(repoDir: string, older: string, newer: string): boolean {
  try {
    runGit(repoDir, ['cat-file', '-e', `${older}^{commit}`]);
    runGit(repoDir, ['merge-base', '--is-ancestor', older, newer]);
    return true;
  } catch {
    return false; // not an ancestor, or `before` never reached this repository: treat as rewritten
  }
}

/** `sameRefs`: refs of this repository that are the pushed ref too (a CI checkout's local branch and its remote-tracking ref). */
export async function pushRange(repoDir: string, push: PushedRef, sameRefs: string[] = []): Promise<PushRange> {
  if (isNull(checkedId(push.after, 'after'))) return { kind: 'deleted' };
  const before = checkedId(push.before, 'before');
  if (!isNull(before) && isAncestor(repoDir, before, push.after)) {
    return { kind: 'fast-forward', revs: [push.after, `^${before}`] };
  }
  const others = otherRefCommits(repoDir, push.ref, ...sameRefs);
  return { kind: isNull(before) ? 'new-ref' : 'force-push', revs: [push.after, ...others.map((sha) => `^${sha}`)] };
}
