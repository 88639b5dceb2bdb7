// The production queue: pg-boss 10 on PostgreSQL, shared by the app and every worker on every
// machine. One pg-boss queue per job kind, with retries, exponential backoff and expiry (the
// lease) set on the queue. pg-boss 10 has no lease renewal, listing or per-key lock, so those
// few are SQL of our own: renewal moves `started_on` (from which pg-boss's supervisor computes
// expiry), listing and stats read its job table, and locks are PostgreSQL advisory locks, all of
// a process's on one session (postgres-advisory-locks.ts) — released by the server when it ends.
// Shared short-lived values (sealed tokens, rate-limit pauses) are a table of ours in pg-boss's schema.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { QueueError } from '../errors.js';
import { emptyStats, JOB_KINDS, type JobData, type JobKind, type JobQueue, type JobRecord, type JobSpec, type JobState, type JobStats, type LeasedJob, type QueueLock, type QueueTuning, type SharedValue } from './job-queue.js';
import { jobId } from './job-id.js';
import { AdvisoryLocks } from './postgres-advisory-locks.js';

/** pg-boss's states as ours. */
const STATE_OF: Record<string, JobState> = { created: 'queued', retry: 'queued', active: 'running', completed: 'completed', failed: 'failed', cancelled: 'cancelled' };
const BOSS_STATES: Record<JobState, string[]> = { queued: ['created', 'retry'], running: ['active'], completed: ['completed'], failed: ['failed'], cancelled: ['cancelled'] };

interface JobRow {
  id: string;
  name: JobKind;
  singleton_key: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  message: string | null;
  created_on: Date;
}

export class PostgresJobQueue implements JobQueue {
  private constructor(
    readonly location: string,
    readonly tuning: QueueTuning,
    private readonly boss: PgBoss,
    /** For our own SQL, short statements only: no lock holds a connection, so a renewal always finds one. */
    private readonly pool: pg.Pool,
    private readonly locks: AdvisoryLocks,
    private readonly schema: string,
  ) {}

  static async open(target: { connectionString: string; schema: string; location: string }, tuning: QueueTuning): Promise<PostgresJobQueue> {
    const leaseSeconds = Math.max(1, Math.round(tuning.leaseMs / 1000));
    const boss = new PgBoss({
      connectionString: target.connectionString,
      schema: target.schema,
      // Expired leases are noticed within half a lease (pg-boss runs this on one instance at a time).
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(leaseSeconds / 2))),
      // Failed jobs stay listable for `leakstop jobs list --failed` for a month.
      archiveFailedAfterSeconds: 30 * 24 * 3600,
      schedule: false,
    });
    // Short statements only: a worker at the highest concurrency renews one lease per job a second.
    const pool = new pg.Pool({ connectionString: target.connectionString, max: 20 });
    let started = false;
    boss.on('error', () => undefined);
    try {
      await boss.start();
      started = true;
      for (const kind of JOB_KINDS) {
        if (await boss.getQueue(kind)) continue;
        const options = {
          name: kind,
          policy: 'standard' as const,
          retryLimit: tuning.maxAttempts - 1,
          retryDelay: Math.max(0, Math.round(tuning.retryDelayMs / 1000)),
          // pg-boss's backoff waits at least a second: no delay asked, none at all.
          retryBackoff: tuning.retryDelayMs > 0,
          expireInSeconds: leaseSeconds,
        };
        // Another process creating it at the same moment wins the race: the queue is there.
        await boss.createQueue(kind, options).catch(async (error: unknown) => {
          if (!(await boss.getQueue(kind))) throw error;
        });
      }
      const shared = `"${target.schema}".leakstop_shared`;
      // Two processes creating it at once: the loser's error is spurious if the table is there.
      await pool.query(`CREATE TABLE IF NOT EXISTS ${shared} (key text PRIMARY KEY, value text NOT NULL, expires_at timestamptz NOT NULL)`).catch(async (error: unknown) => {
        const { rows } = await pool.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [shared]);
        if (!rows[0]?.table) throw error;
      });
    } catch (error) {
      if (started) await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      await pool.end();
      throw new QueueError(`the job queue at ${target.location} cannot be used: ${(error as Error).message.split('\n')[0]}`);
    }
    return new PostgresJobQueue(target.location, tuning, boss, pool, new AdvisoryLocks(target.connectionString, target.schema), target.schema);
  }

  get #job(): string {
    return `"${this.schema}".job`;
  }

  async enqueue(spec: JobSpec): Promise<{ id: string; created: boolean }> {
    return { id: jobId(spec.kind, spec.key), created: (await this.enqueueAll([spec])) > 0 };
  }

  async enqueueAll(specs: JobSpec[]): Promise<number> {
    if (specs.length === 0) return 0;
    const jobs = specs.map((spec) => ({
      id: jobId(spec.kind, spec.key),
      name: spec.kind,
      data: { ...spec.data, installationId: spec.installationId },
      priority: spec.priority,
      singletonKey: spec.group,
    }));
    // In one order of ids, batches that overlap wait on each other instead of deadlocking.
    jobs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // pg-boss's insert is one INSERT … ON CONFLICT DO NOTHING (the id dedupes) but does not say
    // which rows were new. Counting beforehand races a concurrent insert of the same id (both see
    // none yet); counting after, the rows this transaction wrote are those whose xmin is its own.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.boss.insert(jobs, { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } });
      const { rows } = await client.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM ${this.#job} WHERE name = ANY($1) AND id = ANY($2::uuid[]) AND xmin::text::bigint = txid_current() % 4294967296`,
        [[...new Set(jobs.map((job) => job.name))], jobs.map((job) => job.id)],
      );
      await client.query('COMMIT');
      return Number(rows[0]!.n);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async fetch(kind: JobKind): Promise<LeasedJob | undefined> {
    const [job] = await this.boss.fetch<JobData & { installationId: number }>(kind, { includeMetadata: true, priority: true });
    if (!job) return undefined;
    const { installationId, ...data } = job.data;
    return { id: job.id, kind, group: job.singletonKey ?? '', installationId: Number(installationId), data, attempt: job.retryCount + 1, maxAttempts: job.retryLimit + 1 };
  }

  async renew(job: LeasedJob): Promise<boolean> {
    // A job re-fetched after a lost lease counts one more try: the old holder's renewal misses it.
    const { rowCount } = await this.pool.query(`UPDATE ${this.#job} SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`, [
      job.kind,
      job.id,
      job.attempt - 1,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async complete(job: LeasedJob): Promise<void> {
    await this.boss.complete(job.kind, job.id);
  }

  async fail(job: LeasedJob, error: string): Promise<'retrying' | 'failed'> {
    await this.boss.fail(job.kind, job.id, { message: error });
    const { rows } = await this.pool.query<{ state: string }>(`SELECT state FROM ${this.#job} WHERE name = $1 AND id = $2`, [job.kind, job.id]);
    return rows[0]?.state === 'failed' ? 'failed' : 'retrying';
  }

  async handBack(job: LeasedJob, delayMs: number): Promise<void> {
    // The next fetch counts a try (started_on is set): taking one off first keeps this one uncounted.
    await this.pool.query(
      `UPDATE ${this.#job} SET state = 'retry', retry_count = retry_count - 1, start_after = now() + $4 * interval '1 millisecond'
       WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
      [job.kind, job.id, job.attempt - 1, delayMs],
    );
  }

  async hasEarlier(job: LeasedJob): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM ${this.#job} j, ${this.#job} mine
       WHERE mine.name = $1 AND mine.id = $3 AND j.name = $1 AND j.singleton_key = $2 AND j.state < 'completed'
         AND (j.created_on, j.id) < (mine.created_on, mine.id) LIMIT 1`,
      [job.kind, job.group, job.id],
    );
    return rows.length > 0;
  }

  async cancel(filter: { groups: string[] } | { installationId: number }): Promise<number> {
    const where = 'installationId' in filter ? `(data->>'installationId')::bigint = $1` : 'singleton_key = ANY($1)';
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.#job} SET state = 'cancelled', completed_on = now() WHERE state < 'completed' AND ${where}`,
      ['installationId' in filter ? filter.installationId : filter.groups],
    );
    return rowCount ?? 0;
  }

  async tryLock(key: string): Promise<QueueLock | undefined> {
    return this.locks.tryLock(key);
  }

  async readShared(key: string): Promise<SharedValue | undefined> {
    const { rows } = await this.pool.query<{ value: string; expires_at: Date }>(`SELECT value, expires_at FROM "${this.schema}".leakstop_shared WHERE key = $1 AND expires_at > now()`, [key]);
    return rows[0] && { value: rows[0].value, expiresAt: rows[0].expires_at.getTime() };
  }

  async writeShared(key: string, value: string, expiresAt: number): Promise<void> {
    const table = `"${this.schema}".leakstop_shared`;
    await this.pool.query(`DELETE FROM ${table} WHERE expires_at <= now()`);
    await this.pool.query(
      `INSERT INTO ${table} (key, value, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE excluded.expires_at >= ${table}.expires_at`,
      [key, value, expiresAt],
    );
  }

  async list(options: { state?: JobState; limit: number }): Promise<JobRecord[]> {
    const states = options.state ? BOSS_STATES[options.state] : Object.keys(STATE_OF);
    const { rows } = await this.pool.query<JobRow>(
      `SELECT id, name, singleton_key, state::text AS state, retry_count, retry_limit, output->>'message' AS message, created_on
       FROM ${this.#job} WHERE name = ANY($1) AND state::text = ANY($2) ORDER BY created_on DESC, id LIMIT $3`,
      [JOB_KINDS, states, options.limit],
    );
    return rows.map((row) => {
      const state = STATE_OF[row.state]!;
      // pg-boss counts retries; a job that ran once has retry_count 0.
      const attempts = state === 'queued' && row.retry_count === 0 ? 0 : row.retry_count + 1;
      return {
        id: row.id,
        kind: row.name,
        group: row.singleton_key,
        state,
        attempts,
        maxAttempts: row.retry_limit + 1,
        ...(row.message && state !== 'completed' ? { error: row.message } : {}),
        createdAt: row.created_on,
      };
    });
  }

  async retry(id: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ name: string }>(`SELECT name FROM ${this.#job} WHERE id = $1 AND state = 'failed'`, [id]);
    if (!rows[0]) return false;
    await this.boss.retry(rows[0].name, id);
    return true;
  }

  async stats(): Promise<JobStats> {
    const stats = emptyStats();
    const { rows } = await this.pool.query<{ name: JobKind; state: string; n: string }>(
      `SELECT name, state::text AS state, COUNT(*) AS n FROM ${this.#job} WHERE name = ANY($1) GROUP BY name, state`,
      [JOB_KINDS],
    );
    for (const row of rows) stats[row.name][STATE_OF[row.state]!] += Number(row.n);
    return stats;
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
    await this.locks.close();
    await this.pool.end();
  }
}
