// Detection of blobs and files spread over worker threads, or run inline for small scans (a
// worker costs a module load and an engine compile) and when running from TypeScript sources
// (no worker file).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SourceError } from '../errors.js';
import type { Rule, ScanConfig } from '../types.js';
import type { Engine } from '../detect/engine.js';
import type { EnginePlan } from '../detect/plan-engine.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';
import { detectFile, type FileVerdict } from './detect-file.js';

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
  | { id: number; buffer: ArrayBuffer; ends: number[] }
  | { id: number; files: string[] };

export interface Detector {
  /** How many batches may be in flight at once to keep every thread busy. */
  readonly parallelism: number;
  detect(contents: readonly Uint8Array[]): Promise<BlobVerdict[]>;
  /** Reads and detects files by absolute path. */
  detectFiles(files: readonly string[]): Promise<FileVerdict[]>;
  close(): Promise<void>;
}

export function inlineDetector(engine: Engine): Detector {
  return {
    parallelism: 1,
    detect: async (contents) => contents.map((content) => detectBlob(content, engine)),
    detectFiles: async (files) => files.map((file) => detectFile(file, engine)),
    close: async () => undefined,
  };
}

const WORKER_FILE = new URL('./detect-worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return fs.existsSync(fileURLToPath(WORKER_FILE));
}

/** A batch buffer at least this large (a history scan's batches are about 1 MB). */
const REUSED_BUFFER_BYTES = 2 << 20;

interface Waiting {
  resolve: (verdicts: unknown[]) => void;
  reject: (error: Error) => void;
}

class WorkerDetector implements Detector {
  readonly #workers: Worker[];
  readonly #idle: Worker[];
  readonly #queue: DetectTask[] = [];
  readonly #waiting = new Map<number, Waiting>();
  /** Batch buffers the workers gave back, to be filled again. */
  readonly #spare: ArrayBuffer[] = [];
  #nextId = 0;
  #failure: Error | undefined;

  constructor(count: number, data: DetectWorkerData) {
    this.#workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: data }));
    this.#idle = [...this.#workers];
    for (const worker of this.#workers) {
      worker.on('message', (reply: { id: number; verdicts: unknown[]; buffer?: ArrayBuffer }) => {
        if (reply.buffer) this.#spare.push(reply.buffer);
        this.#waiting.get(reply.id)?.resolve(reply.verdicts);
        this.#waiting.delete(reply.id);
        this.#run(worker);
      });
      worker.on('error', (error) => this.#fail(error));
    }
  }

  get parallelism(): number {
    return this.#workers.length * 2;
  }

  detect(contents: readonly Uint8Array[]): Promise<BlobVerdict[]> {
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
    return this.#submit({ id: this.#nextId++, buffer: bytes.buffer, ends });
  }

  detectFiles(files: readonly string[]): Promise<FileVerdict[]> {
    return this.#submit({ id: this.#nextId++, files: [...files] });
  }

  #submit<Verdict>(task: DetectTask): Promise<Verdict[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const verdicts = new Promise<Verdict[]>((resolve, reject) => this.#waiting.set(task.id, { resolve: (found) => resolve(found as Verdict[]), reject }));
    this.#queue.push(task);
    const idle = this.#idle.pop();
    if (idle) this.#run(idle);
    return verdicts;
  }

  #run(worker: Worker): void {
    const task = this.#queue.shift();
    if (!task) {
      this.#idle.push(worker);
      return;
    }
    worker.postMessage(task, 'buffer' in task ? [task.buffer] : []);
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
