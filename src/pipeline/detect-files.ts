// Detection over many files: the first few megabytes on this thread (a pre-commit scan never
// pays for starting workers), the rest in batches of paths that worker threads read and
// detect, results placed in the files' order. On two cores this thread goes on detecting
// beside one worker, taking the batches the worker has no room for.
import os from 'node:os';
import { placeMatches } from '../detect/place-matches.js';
import type { SourceEntry } from '../sources/working-tree.js';
import type { Finding, ScanResult, ScanStats } from '../types.js';
import { wrapMatches } from './detect-blob.js';
import { detectFile, detectStream, type FileVerdict } from './detect-file.js';
import { fewCores, inlineDetector, workerDetector, workersAvailable, type Detector } from './detect-pool.js';
import type { PreparedScan } from './run-scan.js';

/** Below this much text, starting workers costs more than it saves. */
const INLINE_BYTES = 8 * 1024 * 1024;
const BATCH_FILES = 64;
/** After this many files, the workers start while this thread goes on with the inline share. */
const MANY_FILES = 200;

export async function detectFiles(
  files: Iterable<SourceEntry>,
  prepared: PreparedScan,
  stats: ScanStats,
  concurrency?: number,
): Promise<ScanResult> {
  const started = performance.now();
  const { engine } = prepared;
  const findings: Finding[] = [];
  const place = (file: SourceEntry, verdict: FileVerdict): void => {
    switch (verdict.kind) {
      case 'large':
        stats.skippedLarge.push({ path: file.path, size: verdict.size });
        return;
      case 'unreadable':
        stats.unreadable.push({ path: file.path, reason: verdict.reason });
        return;
      case 'binary':
        stats.skippedBinary.push(file.path);
        return;
    }
    stats.files++;
    stats.bytes += verdict.size;
    for (const { ruleId, reason } of verdict.stopped ?? []) (stats.rulesStopped ??= []).push({ path: file.path, ruleId, reason });
    if (verdict.kind !== 'matches') return;
    for (const finding of placeMatches(wrapMatches(verdict.matches), { path: file.path }, engine)) findings.push(finding);
  };

  const threads = concurrency ?? os.availableParallelism();
  const parallel = threads > 1 && workersAvailable();
  // Two cores: two workers would each pay for an engine load and a JIT warm-up out of them (about
  // 0.4 s of CPU each), while this thread, warm already, waited.
  const beside = parallel && concurrency === undefined && fewCores();
  const startWorkers = () => workerDetector(beside ? 1 : threads, { config: prepared.config, extraRules: prepared.registryRules, plan: prepared.plan });
  // Yielding as it goes, so that the worker's answers come in and it is handed its next batch.
  const inline = inlineDetector(engine);

  /** Started once the listing is long; files go to them once this thread has scanned its share. */
  let workers: Detector | undefined;
  let handedOver = false;
  /** Batches sent to the workers and not yet answered. */
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  let batch: SourceEntry[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const files = batch;
    batch = [];
    // Not to a worker still loading: the scan may be over before it could start.
    const here = beside && (sent >= workers!.parallelism || !workers!.ready);
    const verdicts = (here ? inline : workers!).detectFiles(files.map((file) => file.absolute));
    if (!here) {
      sent++;
      verdicts.finally(() => sent--).catch(() => undefined);
    }
    // Placing waits for every earlier batch, so findings keep the files' order.
    const previous = inFlight.at(-1);
    const placed = verdicts.then(async (result) => {
      await previous;
      result.forEach((verdict, i) => place(files[i]!, verdict));
    });
    // A failed worker's error is thrown where the batches are awaited, not as an unhandled rejection before.
    placed.catch(() => undefined);
    inFlight.push(placed);
    // Beside a worker this thread never waits for it: it detects the batches the worker has no room for.
    if (here) await verdicts;
    else if (!beside && inFlight.length >= workers!.parallelism) await inFlight.shift();
  };

  try {
    let inlineBytes = 0;
    let inlineFiles = 0;
    for (const file of files) {
      if (file.stream) {
        // Placed in its turn: once every file before it is placed.
        await flush();
        await Promise.all(inFlight.splice(0));
        place(file, await detectStream(file.absolute, engine));
        continue;
      }
      if (!handedOver) {
        const verdict = detectFile(file.absolute, engine);
        place(file, verdict);
        if (verdict.kind !== 'large' && verdict.kind !== 'unreadable') inlineBytes += verdict.size;
        // Many files: the workers start early, so that they are ready when this thread hands over;
        // beside one, this thread hands it batches from then on.
        if (parallel && ++inlineFiles === MANY_FILES) {
          workers = startWorkers();
          handedOver = beside;
        }
        if (parallel && inlineBytes >= INLINE_BYTES) {
          workers ??= startWorkers();
          handedOver = true;
        }
        continue;
      }
      batch.push(file);
      if (batch.length >= BATCH_FILES) await flush();
    }
    await flush();
    await Promise.all(inFlight);
  } finally {
    await workers?.close();
  }
  stats.durationMs += performance.now() - started;
  return { findings, stats };
}
