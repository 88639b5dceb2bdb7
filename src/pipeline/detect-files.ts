// Detection over many files: the first few megabytes on this thread (a pre-commit scan never
// pays for starting workers), the rest in batches spread over worker threads, results in order.
import os from 'node:os';
import { placeMatches } from '../detect/place-matches.js';
import type { SourceFile } from '../sources/working-tree.js';
import type { Finding, ScanResult, ScanStats } from '../types.js';
import { detectBlob, wrapMatches, type BlobVerdict } from './detect-blob.js';
import { workerDetector, workersAvailable, type Detector } from './detect-pool.js';
import type { PreparedScan } from './run-scan.js';

/** Below this much text, starting workers costs more than it saves. */
const INLINE_BYTES = 8 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 256;

export async function detectFiles(
  files: Iterable<SourceFile>,
  prepared: PreparedScan,
  stats: ScanStats,
  concurrency = os.availableParallelism(),
): Promise<ScanResult> {
  const started = performance.now();
  const { engine } = prepared;
  const findings: Finding[] = [];
  const place = (batch: SourceFile[], verdicts: BlobVerdict[]): void => {
    verdicts.forEach((verdict, i) => {
      if (verdict.kind === 'matches') findings.push(...placeMatches(wrapMatches(verdict.matches), { path: batch[i]!.path }, engine));
    });
  };

  let detector: Detector | undefined;
  const inFlight: Promise<void>[] = [];
  let batch: SourceFile[] = [];
  let batchBytes = 0;
  let inlineBytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    batchBytes = 0;
    const verdicts = detector!.detect(sent.map((file) => file.bytes));
    // Placing waits for every earlier batch, so findings keep the files' order.
    const previous = inFlight.at(-1);
    inFlight.push(verdicts.then(async (result) => {
      await previous;
      place(sent, result);
    }));
    if (inFlight.length >= detector!.parallelism) await inFlight.shift();
  };

  try {
    for (const file of files) {
      if (!detector && inlineBytes < INLINE_BYTES) {
        inlineBytes += file.bytes.byteLength;
        place([file], [detectBlob(file.bytes, engine)]);
        if (inlineBytes >= INLINE_BYTES && concurrency > 1 && workersAvailable()) {
          detector = workerDetector(concurrency, { config: prepared.config, extraRules: prepared.registryRules });
        }
        continue;
      }
      if (!detector) {
        place([file], [detectBlob(file.bytes, engine)]);
        continue;
      }
      batch.push(file);
      batchBytes += file.bytes.byteLength;
      if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) await flush();
    }
    if (detector) await flush();
    await Promise.all(inFlight);
  } finally {
    await detector?.close();
  }
  stats.durationMs += performance.now() - started;
  return { findings, stats };
}
