// The embedded queue: a job table in the SQLite registry file, for the single-machine default.
// Same semantics as the PostgreSQL one — durable rows, leases that expire when their worker dies
// (expired ones are taken back at the next fetch), retries with backoff, dedupe by id — and
// locks as rows with a lease of their own, renewed while held.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { emptyStats, JOB_KINDS, type JobKind, type JobQueue, type JobRecord, type JobSpec, type JobState, type JobStats, type LeasedJob, type QueueLock, type QueueTuning, type SharedValue } from './job-queue.js';
import { backoffMs, jobId } from './job-id.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS queue_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  grp TEXT NOT NULL,
  installation_id INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  data TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  lease_until INTEGER,
  lease_owner TEXT,
  error TEXT,
  created_at INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_jobs_next ON queue_jobs (kind, state, priority DESC, seq);
CREATE INDEX IF NOT EXISTS queue_jobs_group ON queue_jobs (grp, state);
CREATE INDEX IF NOT EXISTS queue_jobs_seq ON queue_jobs (seq);
CREATE TABLE IF NOT EXISTS queue_shared (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS queue_locks (
  key TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);`;

interface Row {
  id: string;
  kind: JobKind;
  grp: string;
  installation_id: number;
  data: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  error: string | null;
  created_at: number;
  seq: number;
}

const LOST_LEASE = 'the worker running it stopped renewing its lease (it died or hung)';

export class SqliteJobQueue implements JobQueue {
  readonly #db: Database.Database;
  /** This process's leases are its own: another worker's renewal cannot keep a job it lost. */
  readonly #owner = randomUUID();

  constructor(
    file: string,
    readonly tuning: QueueTuning,
  ) {
    this.#db = new Database(file, { fileMustExist: true });
    this.#db.pragma('busy_timeout = 10000');
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
  }

  get location(): string {
    return `${this.#db.name} (embedded)`;
  }

  async enqueue(spec: JobSpec): Promise<{ id: string; created: boolean }> {
    return { id: jobId(spec.kind, spec.key), created: (await this.enqueueAll([spec])) > 0 };
  }

  async enqueueAll(specs: JobSpec[]): Promise<number> {
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO queue_jobs (id, kind, grp, installation_id, priority, data, state, max_attempts, due_at, created_at, seq)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM queue_jobs))`,
    );
    // One transaction: one write to the file whatever the count, and all or none.
    const store = this.#db.transaction((): number => {
      const now = Date.now();
      return specs.reduce(
        (created, spec) => created + insert.run(jobId(spec.kind, spec.key), spec.kind, spec.group, spec.installationId, spec.priority, JSON.stringify(spec.data), this.tuning.maxAttempts, now, now).changes,
        0,
      );
    });
    return store.immediate();
  }

  /** Jobs whose lease ran out go back to the queue (or to failed after their last try). */
  #reclaimExpired(now: number): void {
    const expired = this.#db.prepare(`SELECT id, attempts, max_attempts FROM queue_jobs WHERE state = 'running' AND lease_until < ?`).all(now) as Row[];
    for (const row of expired) this.#settleFailure(row, LOST_LEASE, now);
  }

  #settleFailure(row: Pick<Row, 'id' | 'attempts' | 'max_attempts'>, error: string, now: number): 'retrying' | 'failed' {
    if (row.attempts >= row.max_attempts) {
      this.#db.prepare(`UPDATE queue_jobs SET state = 'failed', error = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?`).run(error, row.id);
      return 'failed';
    }
    this.#db
      .prepare(`UPDATE queue_jobs SET state = 'queued', error = ?, due_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ?`)
      .run(error, now + backoffMs(this.tuning.retryDelayMs, row.attempts), row.id);
    return 'retrying';
  }

  async fetch(kind: JobKind): Promise<LeasedJob | undefined> {
    const take = this.#db.transaction((): Row | undefined => {
      const now = Date.now();
      this.#reclaimExpired(now);
      const row = this.#db
        .prepare(`SELECT * FROM queue_jobs WHERE kind = ? AND state = 'queued' AND due_at <= ? ORDER BY priority DESC, seq LIMIT 1`)
        .get(kind, now) as Row | undefined;
      if (!row) return undefined;
      this.#db
        .prepare(`UPDATE queue_jobs SET state = 'running', attempts = attempts + 1, lease_until = ?, lease_owner = ? WHERE id = ?`)
        .run(now + this.tuning.leaseMs, this.#owner, row.id);
      return { ...row, attempts: row.attempts + 1 };
    });
    const row = take.immediate();
    if (!row) return undefined;
    return { id: row.id, kind: row.kind, group: row.grp, installationId: row.installation_id, data: JSON.parse(row.data), attempt: row.attempts, maxAttempts: row.max_attempts };
  }

  async renew(job: LeasedJob): Promise<boolean> {
    const { changes } = this.#db
      .prepare(`UPDATE queue_jobs SET lease_until = ? WHERE id = ? AND state = 'running' AND lease_owner = ?`)
      .run(Date.now() + this.tuning.leaseMs, job.id, this.#owner);
    return changes > 0;
  }

  async complete(job: LeasedJob): Promise<void> {
    this.#db.prepare(`UPDATE queue_jobs SET state = 'completed', lease_until = NULL, lease_owner = NULL WHERE id = ? AND state = 'running' AND lease_owner = ?`).run(job.id, this.#owner);
  }

  async fail(job: LeasedJob, error: string): Promise<'retrying' | 'failed'> {
    const settle = this.#db.transaction((): 'retrying' | 'failed' => {
      const row = this.#db.prepare(`SELECT id, attempts, max_attempts FROM queue_jobs WHERE id = ? AND state = 'running' AND lease_owner = ?`).get(job.id, this.#owner) as Row | undefined;
      // Cancelled or taken back meanwhile: whoever has it now decides.
      if (!row) return job.attempt >= job.maxAttempts ? 'failed' : 'retrying';
      return this.#settleFailure(row, error, Date.now());
    });
    return settle.immediate();
  }

  async handBack(job: LeasedJob, delayMs: number): Promise<void> {
    this.#db
      .prepare(`UPDATE queue_jobs SET state = 'queued', attempts = attempts - 1, due_at = ?, lease_until = NULL, lease_owner = NULL WHERE id = ? AND state = 'running' AND lease_owner = ?`)
      .run(Date.now() + delayMs, job.id, this.#owner);
  }

  async hasEarlier(job: LeasedJob): Promise<boolean> {
    const row = this.#db
      .prepare(`SELECT 1 FROM queue_jobs WHERE kind = ? AND grp = ? AND state IN ('queued', 'running') AND seq < (SELECT seq FROM queue_jobs WHERE id = ?) LIMIT 1`)
      .get(job.kind, job.group, job.id);
    return row !== undefined;
  }

  async cancel(filter: { groups: string[] } | { installationId: number }): Promise<number> {
    const unfinished = `state IN ('queued', 'running')`;
    if ('installationId' in filter) {
      return this.#db.prepare(`UPDATE queue_jobs SET state = 'cancelled' WHERE installation_id = ? AND ${unfinished}`).run(filter.installationId).changes;
    }
    const cancel = this.#db.prepare(`UPDATE queue_jobs SET state = 'cancelled' WHERE grp = ? AND ${unfinished}`);
    return filter.groups.reduce((total, group) => total + cancel.run(group).changes, 0);
  }

  async tryLock(key: string): Promise<QueueLock | undefined> {
    const holder = randomUUID();
    const take = this.#db.transaction((): boolean => {
      const now = Date.now();
      this.#db.prepare('DELETE FROM queue_locks WHERE key = ? AND expires_at < ?').run(key, now);
      return this.#db.prepare('INSERT OR IGNORE INTO queue_locks (key, holder, expires_at) VALUES (?, ?, ?)').run(key, holder, now + this.tuning.leaseMs).changes > 0;
    });
    if (!take.immediate()) return undefined;
    const timer = setInterval(() => {
      this.#db.prepare('UPDATE queue_locks SET expires_at = ? WHERE key = ? AND holder = ?').run(Date.now() + this.tuning.leaseMs, key, holder);
    }, Math.max(50, Math.floor(this.tuning.leaseMs / 3)));
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        this.#db.prepare('DELETE FROM queue_locks WHERE key = ? AND holder = ?').run(key, holder);
      },
    };
  }

  async readShared(key: string): Promise<SharedValue | undefined> {
    const row = this.#db.prepare('SELECT value, expires_at FROM queue_shared WHERE key = ? AND expires_at > ?').get(key, Date.now()) as { value: string; expires_at: number } | undefined;
    return row && { value: row.value, expiresAt: row.expires_at };
  }

  async writeShared(key: string, value: string, expiresAt: number): Promise<void> {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM queue_shared WHERE expires_at <= ?').run(Date.now());
      this.#db
        .prepare(
          `INSERT INTO queue_shared (key, value, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE excluded.expires_at >= queue_shared.expires_at`,
        )
        .run(key, value, expiresAt);
    }).immediate();
  }

  async list(options: { state?: JobState; limit: number }): Promise<JobRecord[]> {
    const rows = (options.state
      ? this.#db.prepare('SELECT * FROM queue_jobs WHERE state = ? ORDER BY seq DESC LIMIT ?').all(options.state, options.limit)
      : this.#db.prepare('SELECT * FROM queue_jobs ORDER BY seq DESC LIMIT ?').all(options.limit)) as Row[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      group: row.grp,
      state: row.state,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      ...(row.error ? { error: row.error } : {}),
      createdAt: new Date(row.created_at),
    }));
  }

  async retry(id: string): Promise<boolean> {
    return this.#db.prepare(`UPDATE queue_jobs SET state = 'queued', attempts = 0, due_at = ? WHERE id = ? AND state = 'failed'`).run(Date.now(), id).changes > 0;
  }

  async stats(): Promise<JobStats> {
    this.#db.transaction(() => this.#reclaimExpired(Date.now())).immediate();
    const stats = emptyStats();
    const rows = this.#db.prepare('SELECT kind, state, COUNT(*) AS n FROM queue_jobs GROUP BY kind, state').all() as { kind: JobKind; state: JobState; n: number }[];
    for (const row of rows) if (JOB_KINDS.includes(row.kind)) stats[row.kind][row.state] = row.n;
    return stats;
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
