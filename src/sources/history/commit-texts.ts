// The texts git keeps about a commit besides its files: its message, the messages of the
// annotated tags that point at it, and its notes (refs/notes/*). Each is added to the walk's
// index as an object to read, placed at its commit under a raw path no file can have (NUL
// first), so it is read, cached and attributed as a blob is, and reported at `commit:<sha>`.
import { runGit } from '../git-command.js';
import type { BlobIndex, Place } from './blob-index.js';
import { displayPath } from './display-path.js';
import { walksAllRefs, type RevSelection } from './select-revs.js';

/** Git paths never hold a NUL: a raw path starting with one names a commit text. */
const TEXT_MARK = '\0';

interface AttachedText {
  /** The object to read: a tag object, or a note's blob. */
  object: string;
  /** Which text of the commit it is, e.g. `tag v1.0`. */
  within: string;
  commit: string;
  /** Read even when its commit is not among the walked ones. */
  always: boolean;
}

interface RefLine {
  name: string;
  type: string;
  id: string;
  peeledType: string;
  peeled: string;
}

function readRefs(repoDir: string): RefLine[] {
  const listing = runGit(repoDir, ['for-each-ref', '--format=%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)']);
  return listing.toString('latin1').split('\n').filter(Boolean).map((line) => {
    const [name = '', type = '', id = '', peeledType = '', peeled = ''] = line.split('\0');
    return { name, type, id, peeledType, peeled };
  });
}

/** `<note blob> <annotated object>` per note of one notes ref. */
function listNotes(repoDir: string, ref: string): { blob: string; annotated: string }[] {
  const listing = runGit(repoDir, ['notes', `--ref=${ref}`, 'list']).toString('latin1');
  return listing.split('\n').filter(Boolean).map((line) => {
    const [blob = '', annotated = ''] = line.split(' ');
    return { blob, annotated };
  });
}

/**
 * Annotated tags among the revisions that no ref names yet — a tag a pre-receive hook is being
 * pushed, still in git's quarantine: named by the tag object's own `tag` header.
 */
function unlistedTags(repoDir: string, revs: string[]): AttachedText[] {
  if (revs.length === 0) return [];
  const types = runGit(repoDir, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], Buffer.from(`${revs.join('\n')}\n`)).toString('latin1');
  const tags: AttachedText[] = [];
  for (const line of types.split('\n')) {
    const [id = '', type] = line.split(' ');
    if (type !== 'tag') continue;
    const header = runGit(repoDir, ['cat-file', 'tag', id]).toString('latin1').split('\n\n')[0]!;
    const field = (name: string): string | undefined => header.split('\n').find((row) => row.startsWith(`${name} `))?.slice(name.length + 1);
    const commit = field('object');
    if (field('type') === 'commit' && commit) tags.push({ object: id, within: `tag ${field('tag') ?? id.slice(0, 12)}`, commit, always: true });
  }
  return tags;
}

function attachedTexts(repoDir: string, selection: RevSelection): AttachedText[] {
  // A pushed tag selects no commit when its commit is on a branch already; its message is new all the same.
  const pushed = new Set(selection.stdin.filter((rev) => !rev.startsWith('^')));
  const everyRef = walksAllRefs(selection);
  const texts: AttachedText[] = [];
  for (const ref of readRefs(repoDir)) {
    if (ref.name.startsWith('refs/notes/')) {
      if (ref.type !== 'commit') continue;
      // Under every ref, a note of a commit no ref reaches any more (history rewritten) is still there to leak.
      for (const note of listNotes(repoDir, ref.name)) texts.push({ object: note.blob, within: `note ${ref.name}`, commit: note.annotated, always: everyRef });
    } else if (ref.type === 'tag' && ref.peeledType === 'commit') {
      texts.push({ object: ref.id, within: `tag ${ref.name.replace(/^refs\/tags\//, '')}`, commit: ref.peeled, always: pushed.has(ref.id) });
    }
  }
  const attached = new Set(texts.map((text) => text.object));
  texts.push(...unlistedTags(repoDir, [...pushed].filter((id) => !attached.has(id))));
  return texts;
}

/** Commit numbers of the wanted SHAs among the walked commits: one pass, no map of every commit. */
function commitNumbers(index: BlobIndex, wanted: ReadonlySet<string>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (let commit = 0; commit < index.commitCount && numbers.size < wanted.size; commit++) {
    const sha = index.commitSha(commit);
    if (wanted.has(sha)) numbers.set(sha, commit);
  }
  return numbers;
}

/**
 * Adds, for every walked commit, its message (the commit object: see object-text.ts) and the
 * tags and notes attached to it. Call once the walk is complete.
 */
export function addCommitTexts(repoDir: string, index: BlobIndex, selection: RevSelection): void {
  const walked = index.commitCount;
  for (let commit = 0; commit < walked; commit++) index.addPlace(index.commitSha(commit), `${TEXT_MARK}message`, commit);
  const texts = attachedTexts(repoDir, selection);
  if (texts.length === 0) return;
  const numbers = commitNumbers(index, new Set(texts.map((text) => text.commit)));
  for (const text of texts) {
    let commit = numbers.get(text.commit);
    if (commit === undefined) {
      if (!text.always) continue;
      commit = index.addCommit(text.commit);
      numbers.set(text.commit, commit);
    }
    index.addPlace(text.object, `${TEXT_MARK}${text.within}`, commit);
  }
}

/** A place as reports show it: a file's path, or `commit:<sha>` and which text of the commit. */
export function shownPlace(index: BlobIndex, place: Place): { path: string; within?: string } {
  if (!place.path.startsWith(TEXT_MARK)) return { path: displayPath(place.path) };
  return { path: `commit:${index.commitSha(place.commit)}`, within: displayPath(place.path.slice(TEXT_MARK.length)) };
}
