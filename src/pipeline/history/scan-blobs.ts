// Streams the blobs to read from git and through detection, a batch at a time. At most
// `detector.parallelism` batches are in flight; awaiting the oldest pauses the git stream,
// so memory stays bounded however long the history.
import { SourceError } from '../../errors.js';
import type { BlobIndex } from '../../sources/history/blob-index.js';
import type { FingerprintKey } from '../../detect/fingerprint-key.js';
import { rebuildMatches, type CachedMatch } from './cached-matches.js';
import type { BlobVerdict } from '../detect-blob.js';
import type { Detector } from '../detect-pool.js';
import { streamBlobs } from '../../sources/history/git-object-stream.js';
import { objectText } from '../../sources/history/object-text.js';

export type BlobOutcome = { blob: number } & (
  | (BlobVerdict & { size: number; rebuilt?: boolean })
  | { kind: 'large'; size: number }
  | { kind: 'missing' }
  | { kind: 'corrupt'; reason: string }
);

const BATCH_BYTES = 1 << 20;
const BATCH_BLOBS = 128;

export async function scanBlobs(
  repoDir: string,
  index: BlobIndex,
  toRead: readonly number[],
  maxFileSize: number,
  detector: Detector,
  /** Blobs whose matches the cache knows: rebuilt from their content instead of detected. */
  knownMatches: ReadonlyMap<number, readonly CachedMatch[]>,
  /** The key the cached matches' fingerprints were made with. */
  fingerprintKey: FingerprintKey,
  onOutcome: (outcome: BlobOutcome) => void,
  /** Stops reading (and git) with the signal's reason. */
  signal?: AbortSignal,
  /** The path a blob is a version of, to detect each version where it differs from the last (none: every blob whole). */
  versionOf?: (blob: number) => string | undefined,
): Promise<void> {
  // A file's versions read one after another: each is detected where it differs from the one before,
  // which then need not be kept long (git's deltas are mostly between them too).
  const paths = versionOf && byFile(toRead, versionOf);
  if (paths) toRead = [...paths.keys()];
  const shas = toRead.map((blob) => index.blobSha(blob));
  const threads = versionOf ? detector.threads : 1;
  const batches = Array.from({ length: threads }, () => newBatch());
  const threadOf = versionOf && threadChooser(threads, detector.shares);
  const inFlight: Promise<void>[] = [];

  const dispatch = async (thread: number): Promise<void> => {
    const { blobs, contents, paths } = batches[thread]!;
    if (blobs.length === 0) return;
    batches[thread] = newBatch();
    const done = detector.detect(contents, versionOf && { paths, thread }).then((verdicts) => {
      verdicts.forEach((verdict, i) => onOutcome({ blob: blobs[i]!, size: contents[i]!.byteLength, ...verdict }));
    });
    done.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    inFlight.push(done);
    while (inFlight.length >= detector.parallelism) await inFlight.shift();
  };

  let next = 0;
  for await (const item of streamBlobs(repoDir, shas, maxFileSize, signal)) {
    const blob = toRead[next]!;
    if (item.sha !== shas[next]) throw new SourceError(`git cat-file answered ${item.sha} for ${shas[next]}; is the repository being rewritten?`);
    next++;
    if (item.kind !== 'content') {
      onOutcome({ blob, ...item });
      continue;
    }
    // A commit or tag is read for its message: detected, cached and rebuilt from that text alone.
    const content = objectText(item.type, item.content);
    const known = knownMatches.get(blob);
    const rebuilt = known && rebuildMatches(content, known, fingerprintKey);
    if (rebuilt) {
      onOutcome({ blob, kind: 'matches', size: content.byteLength, matches: rebuilt, rebuilt: true });
      continue;
    }
    const path = paths?.get(blob);
    const thread = threadOf && path !== undefined ? threadOf(path, content.byteLength) : 0;
    const batch = batches[thread]!;
    batch.blobs.push(blob);
    batch.contents.push(content);
    batch.paths.push(path);
    batch.bytes += content.byteLength;
    if (batch.bytes >= BATCH_BYTES || batch.blobs.length >= BATCH_BLOBS) await dispatch(thread);
  }
  for (let thread = 0; thread < threads; thread++) await dispatch(thread);
  await Promise.all(inFlight);
}

/** Each blob's path, in reading order: grouped by the file they are versions of (in their order within a file), texts of commits last. */
function byFile(blobs: readonly number[], versionOf: (blob: number) => string | undefined): Map<number, string | undefined> {
  const groups = new Map<string | undefined, number[]>();
  for (const blob of blobs) {
    const path = versionOf(blob);
    const group = groups.get(path);
    if (group) group.push(blob);
    else groups.set(path, [blob]);
  }
  const texts = groups.get(undefined) ?? [];
  groups.delete(undefined);
  const paths = new Map<number, string | undefined>();
  for (const [path, group] of groups) for (const blob of group) paths.set(blob, path);
  for (const blob of texts) paths.set(blob, undefined);
  return paths;
}

function newBatch() {
  return { blobs: [] as number[], contents: [] as Uint8Array[], paths: [] as (string | undefined)[], bytes: 0 };
}

/**
 * Past this many bytes of one file's versions on a thread, its next versions go to the thread given
 * the fewest bytes: a file edited in most commits (lodash.js) keeps every thread busy. A thread
 * then detects its next version against the last one it had, a few versions older.
 */
const FILE_SHARE_BYTES = 1 << 20;

/** The thread of each file version, read in file order: the file's thread, until its share is used up. */
function threadChooser(threads: number, shares: readonly number[] | undefined): (path: string, bytes: number) => number {
  // Bytes given to each thread, against its share: the next file goes where that is least.
  const load = new Array<number>(threads).fill(0);
  let current: { path: string; thread: number; bytes: number } | undefined;
  return (path, bytes) => {
    if (current?.path !== path || current.bytes >= FILE_SHARE_BYTES) {
      current = { path, thread: load.indexOf(Math.min(...load)), bytes: 0 };
    }
    current.bytes += bytes;
    load[current.thread]! += bytes / (shares?.[current.thread] ?? 1);
    return current.thread;
  };
}
