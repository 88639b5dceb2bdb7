// What a worker does with each kind of job. Before touching a repository's bare cache a job takes
// the repository's lock through the queue backend (two workers never share a cache); the pushes
// of one repository run in the order they were queued; and one installation's history scans
// hold at most LEAKSTOP_BACKFILL_WORKERS of the workers at once. A job that has to wait goes
// back to the queue untried instead of holding a worker — and so does every job of an
// installation waiting out a GitHub rate limit, until the reset: not failed, no try counted.
import type { Logger } from 'pino';
import type { JobHandler } from '../queue/job-worker.js';
import { JobDeferred } from '../queue/job-worker.js';
import type { JobKind, LeasedJob, QueueLock } from '../queue/job-queue.js';
import type { AppServices } from './app-services.js';
import { rateLimitedUntil } from './installation-client.js';
import { runHistoryScan, type HistoryJobData } from './history-scan.js';
import { runPartnerAlert, type PartnerAlertData } from './partner/partner-alert.js';
import { runPushScan, type PushJobData } from './push-scan.js';
import { runSecretAlert, type SecretAlertJobData } from './secret-alert.js';

/** How soon a job that had to wait is due again. */
const WAIT_MS = 250;

async function holding<T>(lock: QueueLock | undefined, reason: string, work: () => Promise<T>): Promise<T> {
  if (!lock) throw new JobDeferred(reason, WAIT_MS);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** One of the installation's backfill slots, if any is free. */
async function backfillSlot(services: AppServices, job: LeasedJob): Promise<QueueLock | undefined> {
  for (let slot = 0; slot < services.settings.backfillWorkers; slot++) {
    const lock = await services.queue.tryLock(`backfill:${job.installationId}:${slot}`);
    if (lock) return lock;
  }
  return undefined;
}

type Octokit = Awaited<ReturnType<AppServices['github']>>;
type ClientHandler = (job: LeasedJob, signal: AbortSignal, log: Logger, github: Octokit) => Promise<void>;

function paused(services: AppServices, job: LeasedJob, until: number): JobDeferred {
  services.metrics.jobPaused(job.kind);
  return new JobDeferred(`installation ${job.installationId} waits out a GitHub rate limit until ${new Date(until).toISOString()}`, Math.max(0, until - Date.now()));
}

/**
 * Runs the job on its installation's client unless the installation is paused. A job that met a
 * rate limit goes back until the reset even when it got to its end (a response step refused is
 * recorded as failed, not thrown): its next run finds what it had done and finishes the rest.
 */
function onInstallation(services: AppServices, handler: ClientHandler): JobHandler {
  return async (job, signal, log) => {
    const until = await services.pauses.until(job.installationId);
    if (until) throw paused(services, job, until);
    const github = await services.github(job.installationId, log);
    try {
      await handler(job, signal, log, github);
    } catch (error) {
      const limited = rateLimitedUntil(github);
      if (limited && !signal.aborted) throw paused(services, job, limited);
      throw error;
    }
    const limited = rateLimitedUntil(github);
    if (limited) throw paused(services, job, limited);
  };
}

export function jobHandlers(services: AppServices): Record<JobKind, JobHandler> {
  return {
    'partner-alert': async (job, _signal, log) => runPartnerAlert(job.data as unknown as PartnerAlertData, services, log),
    // No repository lock: the alert needs no git cache, and the response log keeps each step once.
    'secret-alert': onInstallation(services, async (job, _signal, log, github) =>
      runSecretAlert({ data: job.data as unknown as SecretAlertJobData, installationId: job.installationId, github, log }, services),
    ),
    'push-scan': onInstallation(services, async (job, signal, log, github) => {
      if (await services.queue.hasEarlier(job)) throw new JobDeferred('an earlier push of the repository is not done', WAIT_MS);
      await holding(await services.queue.tryLock(job.group), 'the repository is being worked on', async () =>
        runPushScan(
          {
            data: job.data as unknown as PushJobData,
            installationId: job.installationId,
            github,
            signal,
            log,
            lastTry: job.attempt >= job.maxAttempts ? { jobId: job.id } : undefined,
          },
          services,
        ),
      );
    }),
    'history-scan': onInstallation(services, async (job, signal, log, github) => {
      await holding(await backfillSlot(services, job), "the installation's backfill slots are taken", async () =>
        holding(await services.queue.tryLock(job.group), 'the repository is being worked on', async () =>
          runHistoryScan({ data: job.data as unknown as HistoryJobData, installationId: job.installationId, github, signal, log }, services),
        ),
      );
    }),
  };
}
