// The two job-queue backends as test fixtures: the embedded queue in a SQLite registry file in
// a temp dir, and pg-boss in a PostgreSQL schema of its own (dropped afterwards).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JobQueue, QueueTuning } from '../../src/queue/job-queue.js';
import { openJobQueue } from '../../src/queue/open-job-queue.js';
import { tempDir } from './git-repo.js';
import { dropSchema, POSTGRES_URL } from './registry-backends.js';
import { createRegistry } from './registry-keys.js';

export interface TestQueue {
  /** What the app and workers are given: LEAKSTOP_REGISTRY, and LEAKSTOP_QUEUE for PostgreSQL. */
  env: { LEAKSTOP_REGISTRY: string; LEAKSTOP_QUEUE?: string };
  open(tuning: QueueTuning): Promise<JobQueue>;
  remove(): Promise<void>;
}

export interface QueueBackend {
  name: 'embedded' | 'postgres';
  create(): Promise<TestQueue>;
}

export const EMBEDDED_QUEUE: QueueBackend = {
  name: 'embedded',
  async create() {
    const dir = tempDir('leakstop-queue-');
    const registry = path.join(dir, 'registry.db');
    await createRegistry(registry);
    return {
      env: { LEAKSTOP_REGISTRY: registry },
      open: (tuning) => openJobQueue({ registry }, tuning),
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const POSTGRES_QUEUE: QueueBackend = {
  name: 'postgres',
  async create() {
    const dir = tempDir('leakstop-queue-');
    const registry = path.join(dir, 'registry.db');
    await createRegistry(registry);
    const schema = `leakstop_test_q_${randomBytes(6).toString('hex')}`;
    const queue = `${POSTGRES_URL}?schema=${schema}`;
    return {
      env: { LEAKSTOP_REGISTRY: registry, LEAKSTOP_QUEUE: queue },
      open: (tuning) => openJobQueue({ queue, registry }, tuning),
      remove: async () => {
        await dropSchema(schema);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const QUEUE_BACKENDS: readonly QueueBackend[] = [EMBEDDED_QUEUE, POSTGRES_QUEUE];
