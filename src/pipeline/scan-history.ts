// The history scan: walks the selected commits once to index every (blob, path) with the commit that introduced it, reads each unique blob once through one
// `git cat-file --batch`, detects in worker threads, and attributes matches to the oldest
// introducing commit. Clean blobs are cached by (blob SHA, rule set) between scans. Each
// commit's message, and its tags' messages and notes, go the same way (see commit-texts.ts):
// read in the same stream, cached by object id, reported at `commit:<sha>`.
import os from 'node:os';
import { assembleEngine } from '../detect/compile-engine.js';
import type { Engine } from '../detect/engine.js';
import { planEngine, type EnginePlan } from '../detect/plan-engine.js';
import type { FingerprintKey } from '../detect/fingerprint-key.js';
import type { Finding, Rule, ScanConfig, ScanResult, ScanStats } from '../types.js';
import { attributeFindings, type BlobMatches } from './history/attribute-findings.js';
import { toCachedMatches, type CachedMatch } from './history/cached-matches.js';
import type { BlobIndex } from '../sources/history/blob-index.js';
import { readCommitInfo } from '../sources/history/commit-info.js';
import { wrapMatches } from './detect-blob.js';
import { fewCores, inlineDetector, mainThreadAndWorkers, workerDetector, workersAvailable, type Detector } from './detect-pool.js';
import { addCommitTexts, shownPlace } from '../sources/history/commit-texts.js';
import { displayPath } from '../sources/history/display-path.js';
import { startProgress } from './history/history-progress.js';
import { walkHistory } from '../sources/history/history-walk.js';
import { walkKey } from '../sources/history/walk-key.js';
import { scanBlobs, type BlobOutcome } from './history/scan-blobs.js';
import { defaultCacheDir, ScanCache } from './history/scan-cache.js';
import { openRepository, selectRevs, type RevNarrowing } from '../sources/history/select-revs.js';
import { emptyStats } from '../sources/scan-stats.js';

export interface HistoryScanOptions extends RevNarrowing {
  /** A work tree (or any directory inside one) or a bare repository. */
  repoPath: string;
  /** Shown as each finding's `repo`, e.g. `owner/name`. */
  repo?: string;
  config: ScanConfig;
  /** Rules beyond the config's, e.g. the registry's key shapes. */
  extraRules?: Rule[];
  /** The engine plan of config + extraRules when the caller has it (prepareScan's): neither this thread nor a worker then plans again. */
  plan?: EnginePlan;
  /** The engine assembled from that plan with `fingerprintKey` (prepareScan's), used as it is. */
  engine?: Engine;
  /** Keys the findings' fingerprints and the cache's checks; default: a random key, good for this process only. */
  fingerprintKey?: FingerprintKey;
  /** Use the scan cache (`--no-cache` turns it off). */
  cache: boolean;
  /** Default `${XDG_CACHE_HOME:-~/.cache}/leakstop`. */
  cacheDir?: string;
  /** A progress bar on stderr (shown only when stderr is a terminal). */
  progress: boolean;
  /** Detection threads; default: all cores for large scans, the main thread for small ones. */
  concurrency?: number;
  /** Stops the scan (its git processes killed, its workers closed) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Detect every blob whole (`--full-blobs`), the reference: by default a version of a file is
   * passed over only where it differs from the last version detected, with the same findings.
   */
  fullBlobs?: boolean;
}

/** Below this many blobs to read (or commits to diff), starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 256;
/** The same on two cores or fewer (fewCores): express's 11,785 blobs ran faster on one thread, lodash's 43,962 on two. */
const FEW_CORES_WORKER_THRESHOLD = 20_000;

/**
 * Worker threads when `expected` blobs are worth them and more than one thread may run; undefined
 * otherwise. On two cores or fewer the main thread is one of the threads (mainThreadAndWorkers):
 * on lodash's history, the best of three runs as fast as two workers' (the spread wider), with 25-50 MB less peak RSS.
 */
function startWorkers(options: HistoryScanOptions, engine: Engine, plan: EnginePlan, expected: number): Detector | undefined {
  const threads = options.concurrency ?? (expected >= (fewCores() ? FEW_CORES_WORKER_THRESHOLD : WORKER_THRESHOLD) ? os.availableParallelism() : 1);
  if (threads <= 1 || !workersAvailable()) return undefined;
  const data = { config: options.config, extraRules: options.extraRules ?? [], plan };
  return fewCores() ? mainThreadAndWorkers(engine, workerDetector(threads - 1, data)) : workerDetector(threads, data);
}

function openCache(options: HistoryScanOptions, engine: Engine, stats: ScanStats): ScanCache | undefined {
  if (!options.cache) return undefined;
  // The engine's version covers the rules, the config, the engine and any extra rules.
  const opened = ScanCache.open(options.cacheDir ?? defaultCacheDir(), engine.version);
  if (opened.ok) return opened.cache;
  stats.unreadable.push({ path: opened.file, reason: `scan cache unavailable, scanning without it (${opened.error})` });
  return undefined;
}

/** Where a skipped blob was first seen, for the summary's list. */
function firstPlace(index: BlobIndex, blob: number): string {
  const place = index.placesOf(blob)[0];
  if (!place) return index.blobSha(blob);
  const { path, within } = shownPlace(index, place);
  return within === undefined ? `${path}@${index.commitSha(place.commit).slice(0, 12)}` : `${path} (${within})`;
}

function fillCommitInfo(repoDir: string, findings: Finding[]): void {
  const info = readCommitInfo(repoDir, [...new Set(findings.map((finding) => finding.commit!))]);
  for (const finding of findings) {
    const commit = info.get(finding.commit!);
    if (!commit) continue;
    finding.author = commit.author;
    finding.email = commit.email;
    finding.date = commit.date;
    finding.message = commit.message;
  }
}

export async function scanHistory(options: HistoryScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const repo = openRepository(options.repoPath);
  const selection = selectRevs(repo, options);
  const stats: ScanStats = { ...emptyStats(), shallow: repo.shallow, commits: 0, blobs: 0, blobsFromCache: 0, submodules: [] };
  // An explicit empty revision list (a push that added no commit) selects nothing; git would read HEAD.
  if (selection.args.length === 0 && selection.stdin.length === 0) {
    stats.durationMs = performance.now() - started;
    return { findings: [], stats };
  }

  const extraRules = options.extraRules ?? [];
  const plan = options.plan ?? planEngine([...options.config.rules, ...extraRules]);
  const engine = options.engine ?? assembleEngine(options.config, extraRules, plan, options.fingerprintKey);
  const cache = openCache(options, engine, stats);
  const found: BlobMatches[] = [];
  let index: BlobIndex;
  // Started while git diffs the commits when many are new (each new commit brings blobs to read):
  // the workers load and assemble their engines meanwhile, instead of after the walk.
  let workers: Detector | undefined;
  try {
    const key = cache && walkKey(repo, selection);
    const walk = await walkHistory(repo.dir, selection, cache, signal, (uncached) => (workers ??= startWorkers(options, engine, plan, uncached)), key);
    index = walk.index;
    stats.commits = walk.commits;
    stats.blobs = index.blobCount;
    stats.submodules = walk.submodules.map(displayPath);
    // Numbered after every file blob: a number from stats.blobs on is a commit's text.
    addCommitTexts(repo.dir, index, selection);
    await scanIndex(repo.dir, index, options, engine, cache, stats, found, (toRead) => (workers ??= startWorkers(options, engine, plan, toRead)) ?? inlineDetector(engine));
  } finally {
    cache?.close();
    await workers?.close();
  }
  signal?.throwIfAborted();

  const findings = attributeFindings(found, index, engine, options.repo).map(({ finding }) => finding);
  fillCommitInfo(repo.dir, findings);
  // Cache answers come in the cache's order: sort, so every scan lists the same way.
  stats.skippedLarge.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  stats.skippedBinary.sort();
  stats.durationMs = performance.now() - started;
  return { findings, stats };
}

/** Answers what it can from the cache, reads and detects the rest, and counts it all in `stats`. */
async function scanIndex(
  repoDir: string,
  index: BlobIndex,
  options: HistoryScanOptions,
  engine: Engine,
  cache: ScanCache | undefined,
  stats: ScanStats,
  found: BlobMatches[],
  /** The detector for this many blobs to detect. */
  detectorFor: (toRead: number) => Detector,
): Promise<void> {
  const { maxFileSize } = options.config;
  const fileBlobs = stats.blobs!;
  // The summary counts files: a commit's texts are read, not counted (a note that is also a file's blob is).
  const counted = (blob: number): boolean => blob < fileBlobs;
  const account = (outcome: BlobOutcome, cached: boolean): void => {
    const sha = index.blobSha(outcome.blob);
    switch (outcome.kind) {
      case 'clean':
      case 'matches':
        if (counted(outcome.blob)) {
          stats.files++;
          stats.bytes += outcome.size;
        }
        for (const { ruleId, reason } of outcome.stopped ?? []) {
          (stats.rulesStopped ??= []).push({ path: firstPlace(index, outcome.blob), ruleId, reason });
        }
        if (outcome.kind === 'clean') {
          if (!cached && !outcome.stopped) cache?.record(sha, { kind: 'clean', size: outcome.size });
          break;
        }
        found.push({ blob: outcome.blob, matches: wrapMatches(outcome.matches) });
        if (!outcome.rebuilt && !outcome.stopped) {
          const matches = cache && toCachedMatches(outcome.matches, engine.fingerprintKey);
          if (matches) cache?.record(sha, { kind: 'matches', size: outcome.size, matches });
        }
        break;
      case 'binary':
        if (counted(outcome.blob)) stats.skippedBinary.push(firstPlace(index, outcome.blob));
        if (!cached) cache?.record(sha, { kind: 'binary', size: outcome.size });
        break;
      case 'large':
        stats.skippedLarge.push({ path: firstPlace(index, outcome.blob), size: outcome.size });
        if (!cached) cache?.record(sha, { kind: 'large', size: outcome.size });
        break;
      case 'missing':
        stats.unreadable.push({ path: firstPlace(index, outcome.blob), reason: `blob ${sha} is missing from the object database`, blob: 'missing' });
        break;
      case 'corrupt':
        stats.unreadable.push({ path: firstPlace(index, outcome.blob), reason: `blob ${sha} is corrupt (${outcome.reason})`, blob: 'corrupt' });
        break;
    }
  };

  // Blobs the cache answers are accounted at once; the rest are read, in index order.
  const answered = new Uint8Array(index.blobCount);
  const knownMatches = new Map<number, CachedMatch[]>();
  let fromCache = 0;
  cache?.lookup(index, (blob, cached) => {
    // Secrets are never cached: a blob with matches is read again (but not detected again).
    if (cached.kind === 'matches') knownMatches.set(blob, cached.matches);
    // A blob once too large must be read after all if the limit has been raised.
    else if (cached.kind !== 'large' || cached.size > maxFileSize) {
      answered[blob] = 1;
      if (counted(blob)) fromCache++;
      account({ blob, ...cached }, true);
    }
  });
  stats.blobsFromCache = fromCache;
  const toRead: number[] = [];
  for (let blob = 0; blob < index.blobCount; blob++) if (!answered[blob]) toRead.push(blob);

  const progress = await startProgress(options.progress, fileBlobs, fromCache);
  const detector = detectorFor(toRead.length - knownMatches.size);
  try {
    await scanBlobs(
      repoDir,
      index,
      toRead,
      maxFileSize,
      detector,
      knownMatches,
      engine.fingerprintKey,
      (outcome) => {
        account(outcome, false);
        if (counted(outcome.blob)) progress.advance(1, 'size' in outcome ? outcome.size : 0);
      },
      options.signal,
      options.fullBlobs ? undefined : (blob) => (counted(blob) ? index.placesOf(blob)[0]?.path : undefined),
    );
  } finally {
    progress.stop();
  }
}
