// The durable job queue the GitHub App's work goes through: webhooks enqueue, workers (in the
// app's process or in `leakstop worker` processes on any machine) lease jobs, renew the lease
// while they work, and complete or fail them. A worker that dies stops renewing: its lease
// expires and another worker retries the job. Two backends keep the same semantics:
// PostgreSQL through pg-boss (shared by every machine) and a job table in the SQLite registry.

/** Fetched in this order: keys found in public (partner alerts), secret scanning alerts (one known key each), pushes, history backfills. */
export const JOB_KINDS = ['partner-alert', 'secret-alert', 'push-scan', 'history-scan'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * What every job's data names, so that every log line of the job can: the delivery that asked
 * for it and the repository it works on (never a secret).
 */
export interface JobOrigin {
  /** The webhook's delivery id (`X-GitHub-Delivery`), or the id the app gave a request that has none. */
  delivery: string;
  /** `owner/name`, or the pseudo-repository of keys found in public. */
  repository: { fullName: string };
}

export type JobData = JobOrigin & Record<string, unknown>;

export interface JobSpec {
  kind: JobKind;
  /** Dedupe key: a job with the same kind and key is enqueued once (a redelivered webhook is a no-op). */
  key: string;
  /** What the job works on, e.g. `repo:42`: jobs of one group are cancelled together and run in order. */
  group: string;
  installationId: number;
  /** Higher first, within a kind. */
  priority: number;
  data: JobData;
}

export interface LeasedJob {
  id: string;
  kind: JobKind;
  group: string;
  installationId: number;
  data: JobData;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

export interface JobRecord {
  id: string;
  kind: JobKind;
  group: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  /** The last failure's message (secret-free: workers record only LeakstopError-style one-liners). */
  error?: string;
  createdAt: Date;
}

export type JobStats = Record<JobKind, Record<JobState, number>>;

export interface QueueTuning {
  /** A lease not renewed for this long is lost and the job retried elsewhere. */
  leaseMs: number;
  /** Tries before a job is kept as failed. */
  maxAttempts: number;
  /** First retry delay; each further one doubles (with jitter). */
  retryDelayMs: number;
}

/** A value every process on the queue sees, until it expires. */
export interface SharedValue {
  value: string;
  /** ms since the epoch. */
  expiresAt: number;
}

/** A lock held through the queue backend (released when its holder dies). */
export interface QueueLock {
  release(): Promise<void>;
}

export interface JobQueue {
  /** Where the jobs are, as it may be shown (no credentials). */
  readonly location: string;
  readonly tuning: QueueTuning;
  /** `created` false: a job with this kind and key exists already. */
  enqueue(spec: JobSpec): Promise<{ id: string; created: boolean }>;
  /**
   * Enqueues many in one statement (an installation listing thousands of repositories is answered
   * at once), with the same dedupe: says how many were new. They share one enqueue time, so
   * their order among themselves is the backend's (enqueue one by one what must run in order).
   */
  enqueueAll(specs: JobSpec[]): Promise<number>;
  /** Leases the next due job of `kind` (highest priority, oldest first). */
  fetch(kind: JobKind): Promise<LeasedJob | undefined>;
  /** Extends the lease; false when the job was cancelled or its lease lost (stop working on it). */
  renew(job: LeasedJob): Promise<boolean>;
  complete(job: LeasedJob): Promise<void>;
  /** Retried with backoff while tries remain, else kept as failed with `error`; says which. */
  fail(job: LeasedJob, error: string): Promise<'retrying' | 'failed'>;
  /** Puts a leased job back untried, due after `delayMs` (shutdown, a lock held elsewhere). */
  handBack(job: LeasedJob, delayMs: number): Promise<void>;
  /** Whether an unfinished job of the same kind and group was enqueued before this one. */
  hasEarlier(job: LeasedJob): Promise<boolean>;
  /** Cancels the unfinished jobs of these groups, or of an installation; running ones stop at their next renewal. */
  cancel(filter: { groups: string[] } | { installationId: number }): Promise<number>;
  /** Takes `key` unless another holder has it. */
  tryLock(key: string): Promise<QueueLock | undefined>;
  /**
   * Short-lived state every worker shares, kept beside the jobs (an installation's sealed token,
   * its rate-limit pause): undefined once expired.
   */
  readShared(key: string): Promise<SharedValue | undefined>;
  /** Stores `value` until `expiresAt`, unless the value there already expires later. */
  writeShared(key: string, value: string, expiresAt: number): Promise<void>;
  list(options: { state?: JobState; limit: number }): Promise<JobRecord[]>;
  /** Re-queues a failed job for a fresh set of tries; false when no failed job has this id. */
  retry(id: string): Promise<boolean>;
  stats(): Promise<JobStats>;
  close(): Promise<void>;
}

export function emptyStats(): JobStats {
  const zero = () => Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
  return Object.fromEntries(JOB_KINDS.map((kind) => [kind, zero()])) as JobStats;
}
