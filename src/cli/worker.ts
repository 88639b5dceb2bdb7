// `leakstop worker`: runs the app's jobs (push scans, history scans) from the shared queue, on
// this machine or any other with the same environment as the app (no webhook secret needed).
// `--metrics-port` (or LEAKSTOP_METRICS_PORT) serves its /metrics for Prometheus to scrape.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { ConfigError, LeakstopError } from '../errors.js';
import { readAppSettings } from '../app/settings.js';
import { MAX_CONCURRENCY } from '../queue/job-worker.js';
import { stopOnSignals } from './stop-on-signals.js';

function concurrency(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_CONCURRENCY}`);
  return value;
}

function port(raw: string): number {
  const value = Number(raw);
  // 0: a port the system chooses (printed), for tests and for several workers on one machine.
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return value;
}

function metricsPortFromEnv(): number | undefined {
  const raw = process.env.LEAKSTOP_METRICS_PORT?.trim();
  if (!raw) return undefined;
  try {
    return port(raw);
  } catch {
    throw new ConfigError(`LEAKSTOP_METRICS_PORT must be a port number from 0 to 65535, not "${raw}"`);
  }
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the GitHub App\'s jobs from the queue (LEAKSTOP_QUEUE, or the registry\'s); start as many as the load needs, on any machine')
    .option('--concurrency <n>', 'jobs run at once (default: $LEAKSTOP_SCAN_CONCURRENCY, else 2)', concurrency)
    .option('--metrics-port <port>', 'serve GET /metrics (Prometheus) on this port, on HOST or every interface (default: $LEAKSTOP_METRICS_PORT, else none)', port)
    .action(async (options: { concurrency?: number; metricsPort?: number }) => {
      const settings = readAppSettings(process.env, { webhooks: false });
      const metricsPort = options.metricsPort ?? metricsPortFromEnv();
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
      const running = services;
      let metrics: { url: string; close(): Promise<void> } | undefined;
      if (metricsPort !== undefined) {
        const { startMetricsServer } = await import('../app/metrics-endpoint.js');
        try {
          metrics = await startMetricsServer(running.metrics, metricsPort, settings.host);
        } catch (error) {
          await running.close();
          throw new LeakstopError(`the worker could not serve metrics: ${(error as Error).message.split('\n')[0]}`);
        }
        process.stderr.write(`leakstop worker: metrics at ${metrics.url}\n`);
      }
      const count = options.concurrency ?? settings.workerConcurrency;
      const worker = startWorker(running, count);
      process.stderr.write(`leakstop worker: running ${count} job(s) at a time from ${running.queue.location} (GitHub API ${settings.apiBaseUrl})\n`);
      stopOnSignals(async () => {
        await worker.stop(settings.stopGraceSeconds * 1000);
        await metrics?.close();
        await running.close();
      });
    });
}
