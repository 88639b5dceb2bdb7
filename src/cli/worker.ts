// `leakstop worker`: runs the app's jobs (push scans, history scans) from the shared queue, on
// this machine or any other with the same environment as the app (no webhook secret needed).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { LeakstopError } from '../errors.js';
import { readAppSettings } from '../app/settings.js';
import { stopOnSignals } from './stop-on-signals.js';

function concurrency(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64');
  return value;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the GitHub App\'s jobs from the queue (LEAKSTOP_QUEUE, or the registry\'s); start as many as the load needs, on any machine')
    .option('--concurrency <n>', 'jobs run at once (default: $LEAKSTOP_SCAN_CONCURRENCY, else 2)', concurrency)
    .action(async (options: { concurrency?: number }) => {
      const settings = readAppSettings(process.env, { webhooks: false });
      const { createAppServices } = await import('../app/app-services.js');
      const { createLogger } = await import('../app/server.js');
      const { startWorker } = await import('../app/start-worker.js');
      let services;
      try {
        services = await createAppServices(settings, createLogger(settings));
      } catch (error) {
        if (error instanceof LeakstopError) throw error;
        throw new LeakstopError(`the worker could not start: ${(error as Error).message.split('\n')[0]}`);
      }
      const count = options.concurrency ?? settings.workerConcurrency;
      const worker = startWorker(services, count);
      process.stderr.write(`leakstop worker: running ${count} job(s) at a time from ${services.queue.location} (GitHub API ${settings.apiBaseUrl})\n`);
      const running = services;
      stopOnSignals(async () => {
        await worker.stop(settings.stopGraceSeconds * 1000);
        await running.close();
      });
    });
}
