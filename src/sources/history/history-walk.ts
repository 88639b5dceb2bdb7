// Walks the selected history to build the blob→introduction index without ever holding the
// history: `git rev-list --date-order` numbers the commits, then each commit's introduced blobs
// come from the commit cache or from one streamed `git log --raw` over the commits not cached.
// A commit's introductions never change, so a repeated scan diffs only commits it has not seen.
// With no commit cached (a fresh cache, or none), one `git log --date-order --raw` numbers and
// diffs the commits in the same pass and order, and the listing is spared; so is it when the
// cache holds the walk of the same key (walk-key.ts): the same tips reach the same commits.
import { SourceError } from '../../errors.js';
import { BlobIndex, type CommitList } from './blob-index.js';
import { startGit, writeLines, type GitStream } from './git-stream.js';
import type { RevSelection } from './select-revs.js';

export interface HistoryWalk {
  index: BlobIndex;
  /** Commits walked, including those that introduced no blob (merges, empty commits). */
  commits: number;
  /** Raw paths of submodules (gitlinks) anywhere in the history: reported, not followed. */
  submodules: string[];
}

/** What a commit introduced, encoded for the cache: `f<sha> <path>\0` (file) or `g…` (gitlink). */
export interface CommitEntriesCache {
  /** The commits of the walk made before under this key, if the cache holds it. */
  walkOf(key: string): CommitList | undefined;
  recordWalk(key: string, walk: CommitList): void;
  /** Whether the cache knows any commit at all. */
  readonly holdsCommits: boolean;
  /** Hands on the entries of each of `count` commits (SHAs by `shaOf`) the cache knows, by position. */
  entriesOf(count: number, shaOf: (position: number) => string, onKnown: (position: number, entries: Buffer) => void): void;
  recordEntries(commit: string, entries: Buffer): void;
}

const COMMIT_MARK = '\x01';
const GITLINK = '160000';
const NEWLINE = 0x0a;
const COLON = 0x3a;
const NUL = 0;
const SPACE = 0x20;
const FILE_KIND = 0x66; // 'f'
const COMMIT_BYTE = COMMIT_MARK.charCodeAt(0);

/** git run over the selection: its arguments, and its revisions on stdin. */
function startOnSelection(repoDir: string, args: string[], selection: RevSelection, signal?: AbortSignal): GitStream {
  const git = startGit(repoDir, [...args, ...selection.args, ...(selection.stdin.length > 0 ? ['--stdin'] : [])], signal);
  git.child.stdin.end(selection.stdin.map((rev) => `${rev}\n`).join(''));
  return git;
}

/** Splits a stream of bytes on a separator, handing each record on as (buffer, start, end). */
class RecordSplitter {
  #rest = Buffer.alloc(0);
  constructor(private readonly separator: number, private readonly onRecord: (data: Buffer, start: number, end: number) => void) {}

  push(chunk: Buffer): void {
    const data = this.#rest.length > 0 ? Buffer.concat([this.#rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(this.separator, start); end >= 0; end = data.indexOf(this.separator, start)) {
      this.onRecord(data, start, end);
      start = end + 1;
    }
    // A copy: a slice would keep the whole chunk alive.
    this.#rest = Buffer.from(data.subarray(start));
  }

  end(): void {
    if (this.#rest.length > 0) this.onRecord(this.#rest, 0, this.#rest.length);
    this.#rest = Buffer.alloc(0);
  }
}

async function readAll(git: ReturnType<typeof startGit>, splitter: RecordSplitter): Promise<void> {
  try {
    for await (const chunk of git.child.stdout) splitter.push(chunk as Buffer);
  } catch (error) {
    await git.stop();
    throw error;
  }
  // Stopped by the caller: the last record may be cut short, so it is not parsed.
  git.throwIfAborted();
  splitter.end();
  await git.finished;
}

/** Numbers every selected commit, newest first: a parent always after its children. */
async function listCommits(repoDir: string, selection: RevSelection, index: BlobIndex, signal?: AbortSignal): Promise<void> {
  const git = startOnSelection(repoDir, ['rev-list', '--date-order'], selection, signal);
  await readAll(git, new RecordSplitter(NEWLINE, (data, start, end) => {
    if (end > start) index.addCommit(data.toString('latin1', start, end));
  }));
}

/** Adds a commit's encoded entries to the index; strings are made per entry, never as slices. */
function applyEntries(index: BlobIndex, submodules: Set<string>, commit: number, entries: Buffer): void {
  let start = 0;
  for (let end = entries.indexOf(NUL, start); end >= 0; end = entries.indexOf(NUL, start)) {
    const space = entries.indexOf(SPACE, start);
    const path = entries.toString('latin1', space + 1, end);
    if (entries[start] === FILE_KIND) index.addPlace(entries.toString('latin1', start + 1, space), path, commit);
    else submodules.add(path);
    start = end + 1;
  }
}

/**
 * `-c` lists, for a merge, only paths whose result differs from every parent: exactly the blobs
 * the merge itself introduced. `--no-renames`: a renamed blob is new at its new path, so it is
 * attributed to the commit that renamed it.
 */
const LOG_RAW = [
  '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '-c', 'diff.ignoreSubmodules=none',
  'log', '--no-renames', '--raw', '-c', '--root', '-z', '--no-abbrev', '--no-color',
  '--no-ext-diff', '--no-textconv', `--format=${COMMIT_MARK}%H`,
];
/** The given commits (on stdin), in the order given. */
const DIFF_ARGS = [...LOG_RAW, '--no-walk=unsorted', '--stdin'];

/**
 * Parses `git log --raw -z` output — NUL-separated tokens: `\x01<sha>` per commit, then per
 * entry `:old new oldsha newsha S` (n colons and n+1 modes and SHAs for a merge of n parents)
 * followed by the path — into each commit's encoded entries.
 */
class RawDiffParser {
  #commit: string | undefined;
  #entries: string[] = [];
  /** Result mode and SHA of the entry whose path is the next token. */
  #pending: { mode: string; sha: string } | undefined;

  constructor(private readonly onCommit: (sha: string, entries: Buffer) => void) {}

  token(data: Buffer, start: number, end: number): void {
    const entry = this.#pending;
    if (entry) {
      this.#pending = undefined;
      // Regular files and gitlinks only: deletions (000000) leave nothing, symlinks hold a path, not content.
      const kind = entry.mode === GITLINK ? 'g' : entry.mode.startsWith('100') ? 'f' : undefined;
      if (kind) this.#entries.push(`${kind}${entry.sha} ${data.toString('latin1', start, end)}\0`);
      return;
    }
    // Between a commit line and its raw entries git puts a newline (or nothing, for a merge).
    if (data[start] === NEWLINE) start++;
    if (data[start] === COMMIT_BYTE) {
      this.end();
      this.#commit = data.toString('latin1', start + 1, end).trim();
    } else if (data[start] === COLON) {
      const line = data.toString('latin1', start, end);
      let parents = 0;
      while (line[parents] === ':') parents++;
      const fields = line.slice(parents).split(' ');
      this.#pending = { mode: fields[parents]!, sha: fields[2 * parents + 1]! };
    }
  }

  end(): void {
    if (this.#commit !== undefined) this.onCommit(this.#commit, Buffer.from(this.#entries.join(''), 'latin1'));
    this.#commit = undefined;
    this.#entries = [];
  }
}

/** Reads git's `log --raw -z` output through the parser, to its last commit. */
async function readRawDiff(git: GitStream, parser: RawDiffParser): Promise<void> {
  await readAll(git, new RecordSplitter(NUL, (data, start, end) => parser.token(data, start, end)));
  parser.end();
}

/** Diffs the given commits (numbers into the index) against their parents, in the order given. */
async function diffCommits(
  repoDir: string,
  index: BlobIndex,
  commits: readonly number[],
  onCommit: (commit: number, entries: Buffer) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (commits.length === 0) return;
  const git = startGit(repoDir, DIFF_ARGS, signal);
  // `--no-walk=unsorted` answers in input order, so the k-th commit out is commits[k].
  let next = 0;
  const parser = new RawDiffParser((sha, entries) => {
    const commit = commits[next++]!;
    if (index.commitSha(commit) !== sha) throw new SourceError(`git log answered ${sha} for ${index.commitSha(commit)}; is the repository being rewritten?`);
    onCommit(commit, entries);
  });
  const writing = writeLines(git.child.stdin, commits.length, (i) => index.commitSha(commits[i]!));
  await readRawDiff(git, parser);
  await writing;
}

/** Lists and diffs the selected commits in one pass, numbering them as `rev-list --date-order` would; `onCommits` told the count so far as it doubles. */
async function walkAndDiff(repoDir: string, selection: RevSelection, index: BlobIndex, onCommit: (commit: number, entries: Buffer) => void,
  onCommits?: (count: number) => void, signal?: AbortSignal): Promise<void> {
  const git = startOnSelection(repoDir, [...LOG_RAW, '--date-order'], selection, signal);
  let told = 1;
  const parser = new RawDiffParser((sha, entries) => {
    onCommit(index.addCommit(sha), entries);
    if (index.commitCount < 2 * told) return;
    told = index.commitCount;
    onCommits?.(told);
  });
  await readRawDiff(git, parser);
}

/**
 * `signal` stops the walk, and its git processes, with the signal's reason. `onDiffing` is told
 * how many commits the cache did not know, before they are diffed (the longest part of a walk);
 * in a one-pass walk, how many it has met so far, each time that doubles. `key`: the selection's
 * walk key (none: the commits are listed).
 */
export async function walkHistory(repoDir: string, selection: RevSelection, cache?: CommitEntriesCache, signal?: AbortSignal,
  onDiffing?: (uncached: number) => void, key?: string): Promise<HistoryWalk> {
  const index = new BlobIndex();
  const submodules = new Set<string>();
  const record = (commit: number, entries: Buffer) => {
    applyEntries(index, submodules, commit, entries);
    cache?.recordEntries(index.commitSha(commit), entries);
  };
  const walked = key === undefined ? undefined : cache?.walkOf(key);
  if (cache && (walked || cache.holdsCommits)) {
    if (walked) index.addCommitList(walked);
    else await listCommits(repoDir, selection, index, signal);
    const known = new Uint8Array(index.commitCount);
    cache.entriesOf(index.commitCount, (commit) => index.commitSha(commit), (commit, entries) => {
      applyEntries(index, submodules, commit, entries);
      known[commit] = 1;
    });
    const uncached: number[] = [];
    for (let commit = 0; commit < index.commitCount; commit++) if (!known[commit]) uncached.push(commit);
    onDiffing?.(uncached.length);
    await diffCommits(repoDir, index, uncached, record, signal);
  } else {
    // Nothing the cache could spare: the commits are listed and diffed in one pass.
    await walkAndDiff(repoDir, selection, index, record, onDiffing, signal);
  }
  if (!walked && key !== undefined) cache?.recordWalk(key, index.commitList());
  return { index, commits: index.commitCount, submodules: [...submodules].sort() };
}
