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
): Promise<void> {
  const shas = toRead.map((blob) => index.blobSha(blob));
  let batch = { blobs: [] as number[], contents: [] as Uint8Array[], bytes: 0 };
  const inFlight: Promise<void>[] = [];

  const dispatch = async (): Promise<void> => {
    if (batch.blobs.length === 0) return;
    const { blobs, contents } = batch;
    batch = { blobs: [], contents: [], bytes: 0 };
    const done = detector.detect(contents).then((verdicts) => {
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
    batch.blobs.push(blob);
    batch.contents.push(content);
    batch.bytes += content.byteLength;
    if (batch.bytes >= BATCH_BYTES || batch.blobs.length >= BATCH_BLOBS) await dispatch();
  }
  await dispatch();
  await Promise.all(inFlight);
}
