// Runs jobs off the queue, `concurrency` at a time: push scans first, history backfills only in
// the slots that leave one free for pushes. While a job runs its lease is renewed; a lost lease
// or a cancellation aborts it. Stopping (SIGTERM) takes no new job, lets running ones finish
// within a grace period, then aborts and hands back the rest untried.
// Every log line of a job, the worker's and its handler's, names the job, its delivery and its
// repository: the handler is given the job's logger.
import type { Logger } from 'pino';
import { JOB_KINDS, type JobKind, type JobQueue, type LeasedJob } from './job-queue.js';

/** Thrown by a handler that cannot run the job yet (a lock held elsewhere): it goes back untried. */
export class JobDeferred extends Error {
  constructor(
    reason: string,
    readonly delayMs: number,
  ) {
    super(reason);
  }
}

/** Why a running job's signal was aborted. */
export class JobStopped extends Error {
  constructor(
    message: string,
    /** Hand it back (shutdown) rather than leave it (cancelled, or taken by another worker). */
    readonly handBack: boolean,
  ) {
    super(message);
  }
}

/** The most jobs one worker runs at once (`--concurrency`, LEAKSTOP_SCAN_CONCURRENCY). */
export const MAX_CONCURRENCY = 64;

export type JobHandler = (job: LeasedJob, signal: AbortSignal, log: Logger) => Promise<void>;

export type JobOutcome = 'completed' | 'retrying' | 'failed' | 'deferred' | 'stopped';

export interface WorkerOptions {
  concurrency: number;
  handlers: Record<JobKind, JobHandler>;
  log: Logger;
  /** How long an idle slot waits before asking the queue again. */
  pollMs: number;
  /** Told of every job's end, for metrics. */
  onSettled?(job: LeasedJob, outcome: JobOutcome, seconds: number): void;
}

/** Renewals also carry cancellations (a repository removed mid-scan): at least once a second. */
const heartbeatMs = (leaseMs: number) => Math.max(50, Math.min(1000, Math.floor(leaseMs / 3)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const jobLog = (log: Logger, job: LeasedJob): Logger =>
  log.child({ job: job.id, kind: job.kind, attempt: job.attempt, delivery: job.data.delivery, repo: job.data.repository.fullName });

export class JobWorker {
  readonly #running = new Map<string, { job: LeasedJob; controller: AbortController }>();
  #stopping = false;
  #loops: Promise<void>[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    this.#loops = Array.from({ length: this.options.concurrency }, () => this.#loop());
  }

  get running(): number {
    return this.#running.size;
  }

  /** History scans take at most all slots but one, so a push never waits for a free slot behind a backfill. */
  #historyAllowed(): boolean {
    const history = [...this.#running.values()].filter((entry) => entry.job.kind === 'history-scan').length;
    return history < Math.max(1, this.options.concurrency - 1);
  }

  async #next(): Promise<LeasedJob | undefined> {
    for (const kind of JOB_KINDS) {
      if (kind === 'history-scan' && !this.#historyAllowed()) continue;
      const job = await this.queue.fetch(kind);
      if (job) return job;
    }
    return undefined;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let job: LeasedJob | undefined;
      try {
        job = await this.#next();
      } catch (error) {
        this.options.log.warn(`the job queue is not answering: ${(error as Error).message.split('\n')[0]}`);
      }
      if (!job) {
        await sleep(this.options.pollMs);
        continue;
      }
      // Stopped between fetch and start: the job goes straight back.
      if (this.#stopping) {
        await this.queue.handBack(job, 0).catch(() => undefined);
        continue;
      }
      const log = jobLog(this.options.log, job);
      // The queue failing to record the outcome: the lease runs out and the job is tried again.
      const outcome = await this.#run(job, log).catch((error: unknown) => {
        log.warn(`could not record a job's outcome in the queue: ${(error as Error).message.split('\n')[0]}`);
      });
      // A job that had to wait (its installation's backfill slots taken) is followed by the same
      // kind's next one: asking again at once would lease and hand back the whole backfill in a
      // busy loop, spending the CPU and connections the pushes need.
      if (outcome === 'deferred') await sleep(this.options.pollMs);
    }
  }

  async #run(job: LeasedJob, log: Logger): Promise<JobOutcome> {
    const controller = new AbortController();
    this.#running.set(job.id, { job, controller });
    const heartbeat = setInterval(() => {
      this.queue.renew(job).then(
        (held) => {
          if (!held) controller.abort(new JobStopped('the job was cancelled or its lease was lost', false));
        },
        (error: unknown) => log.warn(`could not renew the job's lease: ${(error as Error).message.split('\n')[0]}`),
      );
    }, heartbeatMs(this.queue.tuning.leaseMs));
    const started = performance.now();
    let outcome: JobOutcome;
    try {
      await this.options.handlers[job.kind](job, controller.signal, log);
      await this.queue.complete(job);
      outcome = 'completed';
    } catch (error) {
      outcome = await this.#settle(job, error, controller.signal, log);
    } finally {
      clearInterval(heartbeat);
      this.#running.delete(job.id);
    }
    this.options.onSettled?.(job, outcome, (performance.now() - started) / 1000);
    return outcome;
  }

  async #settle(job: LeasedJob, error: unknown, signal: AbortSignal, log: Logger): Promise<JobOutcome> {
    const stopped = signal.aborted ? (signal.reason as JobStopped) : undefined;
    if (stopped) {
      if (stopped.handBack) await this.queue.handBack(job, 0);
      return 'stopped';
    }
    if (error instanceof JobDeferred) {
      log.debug(`job deferred: ${error.message}`);
      await this.queue.handBack(job, error.delayMs);
      return 'deferred';
    }
    const message = (error as Error).message?.split('\n')[0] || String(error);
    const outcome = await this.queue.fail(job, message);
    log.error(`job failed (try ${job.attempt} of ${job.maxAttempts}${outcome === 'retrying' ? ', will be retried' : ', kept as failed'}): ${message}`);
    return outcome;
  }

  /** Takes no new job; waits up to `graceMs` for running ones, then hands them back. */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    const loops = Promise.all(this.#loops);
    const timer = setTimeout(() => {
      for (const { controller } of this.#running.values()) controller.abort(new JobStopped('the worker is shutting down', true));
    }, graceMs);
    await loops;
    clearTimeout(timer);
  }
}
