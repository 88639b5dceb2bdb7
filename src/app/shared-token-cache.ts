// The installation-token cache of @octokit/auth-app (probot's is per process), shared by every
// process on the queue: a token is fetched once and used by all workers until five minutes
// before it expires. Tokens are kept in memory and, sealed (token-seal.ts), in the queue's
// store. A process that finds none takes a fetch lock through the queue; the others wait for
// the token it stores (up to WAIT_MS, then fetch their own: a stuck fetcher never blocks them).
// The store failing costs sharing, never a job: every miss falls back to fetching.
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobQueue, QueueLock } from '../queue/job-queue.js';
import type { AppMetrics } from './app-metrics.js';
import type { TokenSeal } from './token-seal.js';

/** Not handed out closer than this to its expiry: a job may use it for a while (a long git fetch). */
const MARGIN_MS = 5 * 60_000;
const WAIT_MS = 10_000;
const POLL_MS = 100;
/** A fetcher that never stores (its request failed) lets go of the lock after this. */
const FETCH_LOCK_MS = 15_000;

const fresh = (expiresAt: number) => expiresAt - MARGIN_MS > Date.now();
const sharedKey = (key: string) => `installation-token:${key}`;

/** The shape auth-app calls: values are its `token|createdAt|expiresAt|…` lines. */
export class SharedTokenCache {
  readonly #local = new Map<string, { value: string; expiresAt: number }>();
  readonly #fetching = new Map<string, QueueLock>();

  constructor(
    private readonly queue: JobQueue,
    private readonly seal: TokenSeal,
    private readonly metrics: AppMetrics,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const local = this.#local.get(key);
    if (local && fresh(local.expiresAt)) return local.value;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const stored = await this.#stored(key);
      if (stored) return stored;
      let lock: QueueLock | undefined;
      try {
        lock = await this.queue.tryLock(`installation-token-fetch:${key}`);
      } catch {
        return undefined;
      }
      if (lock) {
        // Stored between our read and our lock: no second fetch.
        const late = await this.#stored(key);
        if (late) {
          await lock.release();
          return late;
        }
        this.#holdWhileFetching(key, lock);
        return undefined;
      }
      if (Date.now() > deadline) return undefined;
      await sleep(POLL_MS);
    }
  }

  async set(key: string, value: string): Promise<void> {
    const expiresAt = Date.parse(value.split('|')[2] ?? '');
    this.metrics.installationToken('fetched');
    for (const [other, entry] of this.#local) if (!fresh(entry.expiresAt)) this.#local.delete(other);
    try {
      if (!(expiresAt > Date.now())) return;
      this.#local.set(key, { value, expiresAt });
      await this.queue.writeShared(sharedKey(key), this.seal.seal(value, key), expiresAt).catch(() => undefined);
    } finally {
      await this.#release(key);
    }
  }

  async #stored(key: string): Promise<string | undefined> {
    const row = await this.queue.readShared(sharedKey(key)).catch(() => undefined);
    if (!row || !fresh(row.expiresAt)) return undefined;
    const value = this.seal.open(row.value, key);
    if (!value) return undefined;
    this.#local.set(key, { value, expiresAt: row.expiresAt });
    this.metrics.installationToken('shared');
    return value;
  }

  #holdWhileFetching(key: string, lock: QueueLock): void {
    this.#fetching.set(key, lock);
    setTimeout(() => void this.#release(key, lock), FETCH_LOCK_MS).unref();
  }

  async #release(key: string, only?: QueueLock): Promise<void> {
    const lock = this.#fetching.get(key);
    if (!lock || (only && lock !== only)) return;
    this.#fetching.delete(key);
    await lock.release().catch(() => undefined);
  }
}
