// What a push being received brings, as a `pre-receive` hook is told it: `<old> <new> <ref>`
// lines on stdin, the new objects still in git's quarantine (visible to every git the hook runs,
// through the GIT_OBJECT_DIRECTORY / GIT_ALTERNATE_OBJECT_DIRECTORIES git sets). The refs are not
// updated yet, so the commits the push introduces are those of its new tips that no ref reaches:
// `git rev-list <new>… --not --all`. A new branch, a force push and a tag all come out right.
import { UsageError } from '../../errors.js';
import { runGit } from '../git-command.js';
import { checkedId, isNull, otherRefCommits, type PushedRef } from './push-range.js';

export function parseReceivedUpdates(text: string): PushedRef[] {
  const updates: PushedRef[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [before = '', after = '', ref = '', ...rest] = line.trim().split(' ');
    if (!ref || rest.length > 0) throw new UsageError(`a pre-receive line is "<old> <new> <ref>", not "${line.slice(0, 120)}"`);
    updates.push({ ref, before: checkedId(before, 'old'), after: checkedId(after, 'new') });
  }
  return updates;
}

/**
 * The new tips that are (or peel to) commits — kept as pushed, so an annotated tag's object is
 * among the revisions and its message is scanned: a deleted ref has none, a tag of a tree or blob brings no history.
 */
function commitTips(repoDir: string, updates: PushedRef[]): string[] {
  const tips = [...new Set(updates.filter((update) => !isNull(update.after)).map((update) => update.after))];
  if (tips.length === 0) return [];
  const checked = runGit(repoDir, ['cat-file', '--batch-check=%(objecttype)'], Buffer.from(tips.map((tip) => `${tip}^{commit}\n`).join('')));
  const types = checked.toString('utf8').split('\n');
  return tips.filter((_, i) => types[i] === 'commit');
}

/** Revisions for a history scan of exactly the pushed commits; empty when the push brings none (deletions only). */
export function receivedRevs(repoDir: string, updates: PushedRef[]): string[] {
  const tips = commitTips(repoDir, updates);
  if (tips.length === 0) return [];
  // Every ref counts as already on the server.
  return [...tips, ...otherRefCommits(repoDir).map((commit) => `^${commit}`)];
}
