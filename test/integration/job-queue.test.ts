// The job queue's one suite, run on both backends: the embedded queue in the SQLite registry and
// pg-boss on PostgreSQL. Everything the app's workers rely on must behave the same on both.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue, JobSpec, LeasedJob, QueueTuning } from '../../src/queue/job-queue.js';
import { JobWorker, MAX_CONCURRENCY, type JobOutcome } from '../../src/queue/job-worker.js';
import { QUEUE_BACKENDS, type TestQueue } from '../helpers/queue-backends.js';

const TUNING: QueueTuning = { leaseMs: 2_000, maxAttempts: 2, retryDelayMs: 1_000 };

/** What every job's data names. */
const ORIGIN = { delivery: '72d3162e-cc78-11e3-81ab-4c9367dc0958', repository: { fullName: 'acme/api' } };

function push(key: string, overrides: Partial<JobSpec> = {}): JobSpec {
  return { kind: 'push-scan', key, group: 'repo:1', installationId: 7, priority: 10, data: { ...ORIGIN, ref: key }, ...overrides };
}

/** Polls `check` until it gives a value: leases and retry delays pass in real time. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(QUEUE_BACKENDS)('the job queue on $name', (backend) => {
  let store: TestQueue;
  let opened: JobQueue[];
  const open = async (tuning = TUNING) => {
    const queue = await store.open(tuning);
    opened.push(queue);
    return queue;
  };

  beforeEach(async () => {
    store = await backend.create();
    opened = [];
  });

  afterEach(async () => {
    for (const queue of opened) await queue.close().catch(() => undefined);
    await store.remove();
  });

  it('enqueues a key once, and keeps it across a reopen', async () => {
    const queue = await open();
    const first = await queue.enqueue(push('a'));
    expect(first.created).toBe(true);
    expect(await queue.enqueue(push('a'))).toEqual({ id: first.id, created: false });
    await queue.close();
    opened = [];
    const reopened = await open();
    expect(await reopened.enqueue(push('a'))).toEqual({ id: first.id, created: false });
    const job = await reopened.fetch('push-scan');
    expect(job).toMatchObject({ id: first.id, kind: 'push-scan', group: 'repo:1', installationId: 7, data: { ref: 'a' }, attempt: 1, maxAttempts: 2 });
    expect(await reopened.fetch('push-scan')).toBeUndefined();
  });

  it('enqueues many at once with the same dedupe: a redelivery adds nothing, a new key is added', async () => {
    const queue = await open();
    const history = (index: number) => push(`repo-${index}`, { kind: 'history-scan', group: `repo:${index}`, priority: 0, data: { ...ORIGIN, index } });
    const specs = Array.from({ length: 1_000 }, (_, index) => history(index));
    expect(await queue.enqueueAll([])).toBe(0);
    expect(await queue.enqueueAll(specs)).toBe(1_000);
    expect(await queue.enqueueAll(specs)).toBe(0);
    expect(await queue.enqueue(history(7))).toMatchObject({ created: false });
    expect(await queue.enqueueAll([history(3), history(1_000), history(1_000)])).toBe(1);
    expect((await queue.stats())['history-scan'].queued).toBe(1_001);
    // Stored as if one by one, each with its group, installation and data (one batch shares its
    // enqueue time: PostgreSQL hands its jobs out in no particular order among themselves).
    const first = (await queue.fetch('history-scan'))!;
    expect(first).toMatchObject({ kind: 'history-scan', installationId: 7, attempt: 1, maxAttempts: 2 });
    expect(first.group).toBe(`repo:${first.data.index}`);
    expect(await queue.hasEarlier(first)).toBe(false);
  });

  it('counts a job as new once when two processes enqueue it at the same moment', async () => {
    const one = await open();
    const two = await open();
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = await Promise.all([one.enqueue(push(`same-${round}`)), two.enqueue(push(`same-${round}`))]);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    }
    const batch = (from: number) => Array.from({ length: 50 }, (_, index) => push(`batch-${from + index}`));
    const counts = await Promise.all([one.enqueueAll(batch(0)), two.enqueueAll(batch(25)), one.enqueueAll(batch(10))]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(75);
    expect((await one.stats())['push-scan'].queued).toBe(85);
  });

  it('hands out higher priority first, then the oldest', async () => {
    const queue = await open();
    await queue.enqueue(push('low-1', { priority: 0 }));
    await queue.enqueue(push('high', { priority: 10 }));
    await queue.enqueue(push('low-2', { priority: 0 }));
    const order = [];
    for (let job = await queue.fetch('push-scan'); job; job = await queue.fetch('push-scan')) order.push(job.data.ref);
    expect(order).toEqual(['high', 'low-1', 'low-2']);
    expect(await queue.fetch('history-scan')).toBeUndefined();
  });

  it('retries a failed job after a delay, then keeps it failed with its error; retry re-queues it', async () => {
    const queue = await open();
    const { id } = await queue.enqueue(push('flaky'));
    const first = (await queue.fetch('push-scan'))!;
    expect(await queue.fail(first, 'git fetch failed: timeout')).toBe('retrying');
    // Backoff: not handed out again at once.
    expect(await queue.fetch('push-scan')).toBeUndefined();
    const second = await eventually(() => queue.fetch('push-scan'), 'the retry');
    expect(second).toMatchObject({ id, attempt: 2 });
    expect(await queue.fail(second, 'git fetch failed: timeout again')).toBe('failed');
    const failed = await queue.list({ state: 'failed', limit: 10 });
    expect(failed).toEqual([expect.objectContaining({ id, kind: 'push-scan', state: 'failed', attempts: 2, error: 'git fetch failed: timeout again' })]);
    expect((await queue.stats())['push-scan']).toMatchObject({ failed: 1, queued: 0, running: 0 });
    expect(await queue.retry(id)).toBe(true);
    expect(await queue.retry(id)).toBe(false);
    const again = await eventually(() => queue.fetch('push-scan'), 'the re-queued job');
    expect(again.id).toBe(id);
    await queue.complete(again);
    expect((await queue.stats())['push-scan']).toMatchObject({ completed: 1, failed: 0 });
  });

  it('takes a job back from a worker that stopped renewing its lease; the old holder cannot renew it', async () => {
    const dead = await open();
    const alive = await open();
    const { id } = await dead.enqueue(push('orphan'));
    const orphaned = (await dead.fetch('push-scan'))!;
    expect(await dead.renew(orphaned)).toBe(true);
    const retaken = await eventually(() => alive.fetch('push-scan'), 'the expired lease to be taken back');
    expect(retaken).toMatchObject({ id, attempt: 2 });
    expect(await dead.renew(orphaned)).toBe(false);
    expect(await alive.renew(retaken)).toBe(true);
  });

  it('keeps a renewed lease past its length', async () => {
    const holder = await open();
    const other = await open();
    await holder.enqueue(push('long'));
    const job = (await holder.fetch('push-scan'))!;
    const until = Date.now() + 2.5 * TUNING.leaseMs;
    while (Date.now() < until) {
      expect(await holder.renew(job)).toBe(true);
      expect(await other.fetch('push-scan')).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, TUNING.leaseMs / 4));
    }
    await holder.complete(job);
    expect((await other.stats())['push-scan'].completed).toBe(1);
  });

  it('a job handed back is not counted as a try', async () => {
    const queue = await open();
    await queue.enqueue(push('busy'));
    const job = (await queue.fetch('push-scan'))!;
    await queue.handBack(job, 0);
    const again = await eventually(() => queue.fetch('push-scan'), 'the handed-back job');
    expect(again.attempt).toBe(1);
  });

  it('says whether an earlier job of the same group is unfinished', async () => {
    const queue = await open();
    await queue.enqueue(push('first'));
    await queue.enqueue(push('other-repo', { group: 'repo:2' }));
    await queue.enqueue(push('second'));
    const first = (await queue.fetch('push-scan'))!;
    const other = (await queue.fetch('push-scan'))!;
    const second = (await queue.fetch('push-scan'))!;
    expect([first.data.ref, other.data.ref, second.data.ref]).toEqual(['first', 'other-repo', 'second']);
    expect(await queue.hasEarlier(first)).toBe(false);
    expect(await queue.hasEarlier(other)).toBe(false);
    expect(await queue.hasEarlier(second)).toBe(true);
    await queue.complete(first);
    expect(await queue.hasEarlier(second)).toBe(false);
  });

  it('cancels a group or an installation: queued jobs are not handed out, running ones lose their lease', async () => {
    const queue = await open();
    await queue.enqueue(push('running'));
    const running = (await queue.fetch('push-scan'))!;
    await queue.enqueue(push('queued'));
    await queue.enqueue(push('elsewhere', { group: 'repo:2', installationId: 8 }));
    expect(await queue.cancel({ groups: ['repo:1'] })).toBe(2);
    expect(await queue.renew(running)).toBe(false);
    expect((await queue.fetch('push-scan'))!.data.ref).toBe('elsewhere');
    await queue.enqueue(push('history', { kind: 'history-scan', group: 'repo:3', installationId: 8 }));
    expect(await queue.cancel({ installationId: 8 })).toBe(2);
    expect(await queue.fetch('history-scan')).toBeUndefined();
    expect((await queue.stats())['push-scan'].cancelled).toBe(3);
  });

  it('locks a key for one holder at a time, across processes sharing the queue', async () => {
    const one = await open();
    const two = await open();
    const lock = (await one.tryLock('repo:1'))!;
    expect(lock).toBeDefined();
    expect(await two.tryLock('repo:1')).toBeUndefined();
    // Nor twice in one process (PostgreSQL's advisory locks are re-entrant on their session).
    expect(await one.tryLock('repo:1')).toBeUndefined();
    const elsewhere = (await two.tryLock('repo:2'))!;
    expect(elsewhere).toBeDefined();
    await lock.release();
    const taken = await two.tryLock('repo:1');
    expect(taken).toBeDefined();
    await taken!.release();
    await elsewhere.release();
  });

  it('keeps every lease of a worker at the highest concurrency whose jobs each hold two locks', async () => {
    const queue = await open();
    const other = await open();
    // As many jobs as the worker runs, each holding two locks as a history scan does (its
    // repository's and a backfill slot's): more than the 20 connections PostgreSQL's pool had.
    const count = MAX_CONCURRENCY;
    expect(await queue.enqueueAll(Array.from({ length: count }, (_, index) => push(`locked-${index}`, { group: `repo:${index}` })))).toBe(count);
    let holding = 0;
    let letGo!: () => void;
    const released = new Promise<void>((resolve) => (letGo = resolve));
    const hold = async (job: LeasedJob) => {
      const locks = [await queue.tryLock(job.group), await queue.tryLock(`backfill:${job.group}`)];
      if (!locks.every(Boolean)) throw new Error(`${job.group}: a lock was refused`);
      holding += 1;
      await released;
      for (const lock of locks) await lock!.release();
    };
    const warnings: string[] = [];
    const outcomes: JobOutcome[] = [];
    const worker = new JobWorker(queue, {
      concurrency: count,
      handlers: { 'partner-alert': hold, 'secret-alert': hold, 'push-scan': hold, 'history-scan': hold },
      log: pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) }),
      pollMs: 50,
      onSettled: (_job, outcome) => outcomes.push(outcome),
    });
    worker.start();
    try {
      await eventually(async () => (holding === count ? true : undefined), 'every job to hold its two locks');
      // Held past a lease's length: renewed all along, so no other worker can take any of them.
      await new Promise((resolve) => setTimeout(resolve, 2 * TUNING.leaseMs));
      expect(await other.fetch('push-scan')).toBeUndefined();
      expect(outcomes).toEqual([]);
      letGo();
      await eventually(async () => (outcomes.length === count ? true : undefined), 'every job to complete');
    } finally {
      letGo();
      await worker.stop(0);
    }
    expect(outcomes).toEqual(Array.from({ length: count }, () => 'completed'));
    expect(warnings).toEqual([]);
    expect((await other.stats())['push-scan']).toMatchObject({ completed: count, queued: 0, running: 0 });
  });

  it('shares short-lived values between processes until they expire, keeping the later-expiring one', async () => {
    const one = await open();
    const two = await open();
    const now = Date.now();
    await one.writeShared('pause:7', 'primary', now + 60_000);
    expect(await two.readShared('pause:7')).toEqual({ value: 'primary', expiresAt: now + 60_000 });
    // An earlier-expiring value does not shorten it; a later one replaces it.
    await two.writeShared('pause:7', 'secondary', now + 30_000);
    expect((await one.readShared('pause:7'))?.value).toBe('primary');
    await two.writeShared('pause:7', 'secondary', now + 90_000);
    expect(await one.readShared('pause:7')).toEqual({ value: 'secondary', expiresAt: now + 90_000 });
    await one.writeShared('soon', 'x', Date.now() + 300);
    expect((await two.readShared('soon'))?.value).toBe('x');
    await eventually(async () => ((await two.readShared('soon')) === undefined ? true : undefined), 'the value to expire');
    expect(await two.readShared('never-written')).toBeUndefined();
  });
});
