// Detection of blobs and files spread over worker threads, or run inline for small scans (a
// worker costs a module load and an engine compile) and when running from TypeScript sources
// (no worker file).
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SourceError } from '../errors.js';
import type { Rule, ScanConfig } from '../types.js';
import type { Engine } from '../detect/engine.js';
import type { EnginePlan } from '../detect/plan-engine.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';
import { detectFile, type FileVerdict } from './detect-file.js';
import { FileLineages } from './file-lineages.js';

/**
 * Two cores or fewer. There a worker pays for its own engine load, JIT warm-up and garbage
 * collection (about 0.4 s of CPU each) out of the cores the scan shares, so the main thread
 * detects beside one worker rather than handing all to two (mainThreadAndWorkers, detect-files.ts).
 * Measured on 2 cores, directory scans, one thread / beside one worker: node_modules (567 MB)
 * 2.07 / 1.93 s, express's blob versions as files (175 MB) 1.89 / 1.27 s.
 */
export function fewCores(): boolean {
  return os.availableParallelism() <= 2;
}

export interface DetectWorkerData {
  config: ScanConfig;
  extraRules: Rule[];
  /** The engine plan the caller has already: each worker then only assembles the engine. */
  plan?: EnginePlan;
}

/**
 * A batch of blobs in one transferable buffer (blob i is bytes [ends[i-1] ?? 0, ends[i]); the rest is unused), or
 * of files the worker reads itself.
 */
export type DetectTask =
  | { id: number; buffer: ArrayBuffer; ends: number[]; paths?: (string | undefined)[] }
  | { id: number; files: string[] };

/** Blobs that are versions of files: each one's path, so the next version of a file is detected where it differs (file-lineages.ts). */
export interface Versions {
  paths: readonly (string | undefined)[];
  /** The thread that detects these files' versions (0 ≤ thread < Detector.threads): it keeps their last versions. */
  thread: number;
}

export interface Detector {
  /** How many batches may be in flight at once to keep every thread busy. */
  readonly parallelism: number;
  /** Detection threads. */
  readonly threads: number;
  /** How much of the work each thread should take, relative to the others; none: the same. */
  readonly shares?: readonly number[];
  /** Whether every thread has its engine: a task given sooner waits for it to load. */
  readonly ready: boolean;
  detect(contents: readonly Uint8Array[], versions?: Versions): Promise<BlobVerdict[]>;
  /** Reads and detects files by absolute path. */
  detectFiles(files: readonly string[]): Promise<FileVerdict[]>;
  close(): Promise<void>;
}

/** Detecting inline, the main thread lets its I/O run (git's output read ahead, workers answered) after about this many bytes. */
const INLINE_BYTES_BETWEEN_YIELDS = 64 << 10;

export function inlineDetector(engine: Engine): Detector {
  const lineages = new FileLineages();
  return {
    parallelism: 1,
    threads: 1,
    ready: true,
    detect: (contents, versions) => mapYielding(contents,
      (content, i) => lineages.detect(versions?.paths[i], (lineage) => detectBlob(content, engine, lineage)), (content) => content.byteLength),
    detectFiles: (files) => mapYielding(files, (file) => detectFile(file, engine),
      (_file, verdict) => (verdict.kind === 'large' || verdict.kind === 'unreadable' ? 0 : verdict.size)),
    close: async () => undefined,
  };
}

/** `run` over the items in order, yielding to I/O after about INLINE_BYTES_BETWEEN_YIELDS of their bytes. */
async function mapYielding<Item, Verdict>(items: readonly Item[], run: (item: Item, index: number) => Verdict,
  bytesOf: (item: Item, verdict: Verdict) => number): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  let sinceYield = 0;
  for (const [i, item] of items.entries()) {
    const verdict = run(item, i);
    verdicts.push(verdict);
    sinceYield += bytesOf(item, verdict);
    if (sinceYield < INLINE_BYTES_BETWEEN_YIELDS) continue;
    sinceYield = 0;
    await new Promise(setImmediate);
  }
  return verdicts;
}

/** The main thread's share of the detection beside a worker's. */
const MAIN_THREAD_SHARE = 0.7;

/**
 * The main thread detecting beside worker threads: it is thread 0, the workers' threads follow.
 * On two cores a history scan's main thread mostly waits on git; detecting there instead of in a
 * second worker saves that worker's engine load and memory.
 */
export function mainThreadAndWorkers(engine: Engine, workers: Detector): Detector {
  const inline = inlineDetector(engine);
  const threads = workers.threads + 1;
  let turn = 0;
  return {
    parallelism: workers.parallelism + 1,
    threads,
    // The main thread also reads git's output and hands the batches on.
    shares: [MAIN_THREAD_SHARE, ...new Array<number>(workers.threads).fill(1)],
    get ready() {
      return workers.ready;
    },
    detect(contents, versions) {
      // Batches that are not a file's versions take turns.
      const thread = versions ? versions.thread : turn++ % threads;
      return thread === 0 ? inline.detect(contents, versions) : workers.detect(contents, versions && { ...versions, thread: thread - 1 });
    },
    detectFiles: (files) => workers.detectFiles(files),
    close: () => workers.close(),
  };
}

const WORKER_FILE = new URL('./detect-worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return fs.existsSync(fileURLToPath(WORKER_FILE));
}

/**
 * A worker's texts live for one batch, or until the next version of their file: a small young
 * generation collects them there, and an old generation bounded well above what one text can hold
 * (the text, its decoded copies, a file's lineage) has V8 collect large strings sooner rather than
 * grow the heap. A lodash history scan peaked about 100 MB lower with both.
 */
function workerLimits(maxFileSize: number) {
  return { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: Math.max(160, Math.ceil((12 * maxFileSize) / 2 ** 20)) };
}

/** A batch buffer at least this large (a history scan's batches are about 1 MB). */
const REUSED_BUFFER_BYTES = 2 << 20;

/** A worker's own tasks posted to it at once. */
const OWN_TASKS_POSTED = 2;

interface Waiting {
  resolve: (verdicts: unknown[]) => void;
  reject: (error: Error) => void;
}

class WorkerDetector implements Detector {
  readonly #workers: Worker[];
  /** Tasks posted to each worker and not yet answered. */
  readonly #posted: number[];
  readonly #queue: DetectTask[] = [];
  /** Tasks for one worker only (the versions of files it keeps), by worker. */
  readonly #queueOf: DetectTask[][];
  readonly #waiting = new Map<number, Waiting>();
  /** Batch buffers the workers gave back, to be filled again. */
  readonly #spare: ArrayBuffer[] = [];
  #nextId = 0;
  #failure: Error | undefined;
  /** Workers that have said their engine is assembled. */
  #readyWorkers = 0;

  constructor(count: number, data: DetectWorkerData) {
    this.#workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: data, resourceLimits: workerLimits(data.config.maxFileSize) }));
    this.#posted = this.#workers.map(() => 0);
    this.#queueOf = this.#workers.map(() => []);
    this.#workers.forEach((worker, index) => {
      worker.on('message', (reply: { id: number; verdicts: unknown[]; buffer?: ArrayBuffer } | { ready: true }) => {
        if ('ready' in reply) {
          this.#readyWorkers++;
          return;
        }
        if (reply.buffer) this.#spare.push(reply.buffer);
        this.#waiting.get(reply.id)?.resolve(reply.verdicts);
        this.#waiting.delete(reply.id);
        this.#posted[index]!--;
        this.#post();
      });
      worker.on('error', (error) => this.#fail(error));
    });
  }

  get parallelism(): number {
    return this.#workers.length * 2;
  }

  get threads(): number {
    return this.#workers.length;
  }

  get ready(): boolean {
    return this.#readyWorkers === this.#workers.length;
  }

  detect(contents: readonly Uint8Array[], versions?: Versions): Promise<BlobVerdict[]> {
    // A buffer of this pool's own (a spare one given back, or a new one): transferring it must
    // not detach memory anyone else shares. New ones have room for a usual batch, so they are reused.
    const total = contents.reduce((sum, content) => sum + content.byteLength, 0);
    const spare = this.#spare.findIndex((buffer) => buffer.byteLength >= total);
    const buffer = spare >= 0 ? this.#spare.splice(spare, 1)[0]! : new ArrayBuffer(Math.max(total, REUSED_BUFFER_BYTES));
    const bytes = new Uint8Array(buffer);
    const ends: number[] = [];
    let offset = 0;
    for (const content of contents) {
      bytes.set(content, offset);
      offset += content.byteLength;
      ends.push(offset);
    }
    const task: DetectTask = { id: this.#nextId++, buffer: bytes.buffer, ends };
    if (!versions) return this.#submit(task);
    return this.#submit({ ...task, paths: [...versions.paths] }, this.#workers[versions.thread]);
  }

  detectFiles(files: readonly string[]): Promise<FileVerdict[]> {
    return this.#submit({ id: this.#nextId++, files: [...files] });
  }

  /** `worker`: the one worker that must run the task. */
  #submit<Verdict>(task: DetectTask, worker?: Worker): Promise<Verdict[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const verdicts = new Promise<Verdict[]>((resolve, reject) => this.#waiting.set(task.id, { resolve: (found) => resolve(found as Verdict[]), reject }));
    if (worker) this.#queueOf[this.#workers.indexOf(worker)]!.push(task);
    else this.#queue.push(task);
    this.#post();
    return verdicts;
  }

  /**
   * Hands each worker what it may take: its own tasks (the versions of files it keeps) up to
   * OWN_TASKS_POSTED at once, so its next one waits in its message queue, not on a main thread
   * busy detecting (mainThreadAndWorkers); any task when it has none.
   */
  #post(): void {
    this.#workers.forEach((worker, index) => {
      for (;;) {
        const own = this.#queueOf[index]!;
        const posted = this.#posted[index]!;
        const task = own.length > 0 && posted < OWN_TASKS_POSTED ? own.shift() : posted === 0 ? this.#queue.shift() : undefined;
        if (!task) return;
        this.#posted[index]!++;
        worker.postMessage(task, 'buffer' in task ? [task.buffer] : []);
      }
    });
  }

  #fail(error: Error): void {
    this.#failure = new SourceError(`a detection worker failed: ${error.message.split('\n')[0]}`);
    for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
    this.#waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

export function workerDetector(count: number, data: DetectWorkerData): Detector {
  return new WorkerDetector(count, data);
}
