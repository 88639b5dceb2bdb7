// A worker on the app's services: `leakstop worker` runs only this, `leakstop app` runs one
// beside the webhook server unless --no-worker.
import { JobWorker } from '../queue/job-worker.js';
import type { AppServices } from './app-services.js';
import { jobHandlers } from './job-handlers.js';

/** How long an idle worker slot waits before asking the queue again. */
const POLL_MS = 200;

export function startWorker(services: AppServices, concurrency: number): JobWorker {
  const worker = new JobWorker(services.queue, {
    concurrency,
    handlers: jobHandlers(services),
    log: services.log,
    pollMs: POLL_MS,
    onSettled: (job, outcome, seconds) => services.metrics.jobSettled(job.kind, outcome, seconds),
  });
  worker.start();
  return worker;
}
