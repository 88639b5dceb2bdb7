// Blob detection spread over worker threads, or run inline for small scans (a worker costs a
// module load and an engine compile) and when running from TypeScript sources (no worker file).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SourceError } from '../errors.js';
import type { Rule, ScanConfig } from '../types.js';
import type { Engine } from '../detect/engine.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';

export interface DetectWorkerData {
  config: ScanConfig;
  extraRules: Rule[];
}

/** A batch of blobs in one transferable buffer: blob i is bytes [ends[i-1] ?? 0, ends[i]). */
export interface DetectTask {
  id: number;
  buffer: ArrayBuffer;
  ends: number[];
}

export interface Detector {
  /** How many batches may be in flight at once to keep every thread busy. */
  readonly parallelism: number;
  detect(contents: readonly Uint8Array[]): Promise<BlobVerdict[]>;
  close(): Promise<void>;
}

export function inlineDetector(engine: Engine): Detector {
  return {
    parallelism: 1,
    detect: async (contents) => contents.map((content) => detectBlob(content, engine)),
    close: async () => undefined,
  };
}

const WORKER_FILE = new URL('./detect-worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return fs.existsSync(fileURLToPath(WORKER_FILE));
}

interface Waiting {
  resolve: (verdicts: BlobVerdict[]) => void;
  reject: (error: Error) => void;
}

class WorkerDetector implements Detector {
  readonly #workers: Worker[];
  readonly #idle: Worker[];
  readonly #queue: DetectTask[] = [];
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(count: number, data: DetectWorkerData) {
    this.#workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: data }));
    this.#idle = [...this.#workers];
    for (const worker of this.#workers) {
      worker.on('message', (reply: { id: number; verdicts: BlobVerdict[] }) => {
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
    if (this.#failure) return Promise.reject(this.#failure);
    // A fresh buffer per batch: transferring it must not detach memory anyone else shares.
    const total = contents.reduce((sum, content) => sum + content.byteLength, 0);
    const bytes = new Uint8Array(new ArrayBuffer(total));
    const ends: number[] = [];
    let offset = 0;
    for (const content of contents) {
      bytes.set(content, offset);
      offset += content.byteLength;
      ends.push(offset);
    }
    const task: DetectTask = { id: this.#nextId++, buffer: bytes.buffer, ends };
    const verdicts = new Promise<BlobVerdict[]>((resolve, reject) => this.#waiting.set(task.id, { resolve, reject }));
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
    worker.postMessage(task, [task.buffer]);
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
