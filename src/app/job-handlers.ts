// What a worker does with each kind of job. Before touching a repository's bare cache a job takes
// the repository's lock through the queue backend (two workers never share a cache); the pushes
// of one repository run in the order they were queued; and one installation's history scans
// hold at most LEAKSTOP_BACKFILL_WORKERS of the workers at once. A job that has to wait goes
// back to the queue untried instead of holding a worker.
import type { JobHandler } from '../queue/job-worker.js';
import { JobDeferred } from '../queue/job-worker.js';
import type { JobKind, LeasedJob, QueueLock } from '../queue/job-queue.js';
import type { AppServices } from './app-services.js';
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

export function jobHandlers(services: AppServices): Record<JobKind, JobHandler> {
  return {
    'partner-alert': async (job) => runPartnerAlert(job.data as unknown as PartnerAlertData, services),
    // No repository lock: the alert needs no git cache, and the response log keeps each step once.
    'secret-alert': async (job) =>
      runSecretAlert({ data: job.data as unknown as SecretAlertJobData, installationId: job.installationId, github: await services.github(job.installationId) }, services),
    'push-scan': async (job, signal) => {
      if (await services.queue.hasEarlier(job)) throw new JobDeferred('an earlier push of the repository is not done', WAIT_MS);
      await holding(await services.queue.tryLock(job.group), 'the repository is being worked on', async () =>
        runPushScan(
          {
            data: job.data as unknown as PushJobData,
            installationId: job.installationId,
            github: await services.github(job.installationId),
            signal,
            retry: job.attempt > 1,
            lastTry: job.attempt >= job.maxAttempts ? { jobId: job.id } : undefined,
          },
          services,
        ),
      );
    },
    'history-scan': async (job, signal) => {
      await holding(await backfillSlot(services, job), "the installation's backfill slots are taken", async () =>
        holding(await services.queue.tryLock(job.group), 'the repository is being worked on', async () =>
          runHistoryScan({ data: job.data as unknown as HistoryJobData, installationId: job.installationId, github: await services.github(job.installationId), signal, retry: job.attempt > 1 }, services),
        ),
      );
    },
  };
}
