// Starts the GitHub App: a plain HTTP server that checks each webhook's signature, hands it to
// probot (which turns it into jobs on the queue) and answers 202 at once; `GET /metrics` for
// Prometheus; and, unless told not to, a worker running the jobs in the same process. probot's
// own Server cannot listen on a system-chosen port (PORT=0), which tests and the demo need.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { JobWorker } from '../queue/job-worker.js';
import { createAppServices } from './app-services.js';
import { leakstopApp } from './leakstop-app.js';
import { answerMetrics } from './metrics-endpoint.js';
import { partnerEndpoint } from './partner/partner-endpoint.js';
import { readBody } from './read-body.js';
import { startWorker } from './start-worker.js';
import { signatureProblem } from './webhook-signature.js';
import type { AppSettings } from './settings.js';

export interface RunningApp {
  /** The address bound, as `host:port` (`[::]:3000` for every interface). */
  address: string;
  /** Whether that address is every interface (no HOST). */
  everyInterface: boolean;
  /** Where webhooks are delivered on this machine, e.g. http://127.0.0.1:3000/api/github/webhooks. */
  webhookUrl: string;
  /** Where GitHub's secret scanning partner program posts, when LEAKSTOP_PARTNER=1. */
  partnerUrl?: string;
  port: number;
  /** The key registry, as it may be shown (no credentials). */
  registryLocation: string;
  /** The job queue, as it may be shown. */
  queueLocation: string;
  /** Jobs run in this process at once; 0 with --no-worker. */
  workerConcurrency: number;
  stop(): Promise<void>;
}

/** GitHub caps a webhook payload at 25 MB. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

export function createLogger(settings: AppSettings): Logger {
  return pino({ name: 'leakstop', level: settings.logLevel });
}

const json = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

export async function startAppServer(settings: AppSettings, options: { worker: boolean }, log: Logger = createLogger(settings)): Promise<RunningApp> {
  const services = await createAppServices(settings, log);
  let worker: JobWorker | undefined;
  try {
    const { probot } = services;
    await probot.load(leakstopApp(services));
    /** Verified: handed to the app, which only enqueues; answered once the jobs are stored. */
    const receive = async (request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) => {
      const id = String(request.headers['x-github-delivery'] ?? '');
      const name = String(request.headers['x-github-event'] ?? '');
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        json(response, 400, { error: 'the delivery is not JSON' });
        return;
      }
      try {
        await probot.receive({ id, name, payload } as Parameters<typeof probot.receive>[0]);
        json(response, 202, { queued: true });
      } catch (error) {
        // Not stored: GitHub records the delivery as failed, and it can be redelivered.
        log.error({ delivery: id.slice(0, 100), event: name.slice(0, 100) }, `webhook not queued: ${(error as Error).message.split('\n')[0]}`);
        json(response, 500, { error: 'the webhook could not be queued' });
      }
    };
    const partner = settings.partner && partnerEndpoint(services);
    const notFound = (response: http.ServerResponse) => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    const server = http.createServer((request, response) => {
      // A health check for load balancers, as probot's own server offers, and Prometheus's.
      if (answerMetrics(services.metrics, request, response)) return;
      if (request.method === 'POST' && partner && request.url?.split('?')[0] === settings.partner?.path) {
        partner(request, response);
        return;
      }
      if (request.method !== 'POST' || request.url?.split('?')[0] !== settings.webhookPath) {
        notFound(response);
        return;
      }
      void readBody(request, MAX_DELIVERY_BYTES, 'delivery').then(
        (body) => {
          const problem = signatureProblem(settings.webhookSecret, body, request.headers['x-hub-signature-256'] as string | undefined);
          if (problem) {
            const header = (name: string) => String(request.headers[name] ?? '').slice(0, 100);
            log.warn({ delivery: header('x-github-delivery'), event: header('x-github-event') }, `webhook refused: ${problem}`);
            response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: problem }));
            return;
          }
          void receive(request, body, response);
        },
        (error: Error) => {
          log.warn(`webhook refused: ${error.message}`);
          response.writeHead(413, { 'content-type': 'text/plain' }).end(`${error.message}\n`);
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`port ${settings.port} is already in use; set PORT to a free one`) : error),
      );
      server.listen(settings.port, settings.host, () => resolve());
    });
    if (options.worker) worker = startWorker(services, settings.workerConcurrency);
    const { port, address } = server.address() as AddressInfo;
    const everyInterface = address === '0.0.0.0' || address === '::';
    const bracket = (host: string) => (host.includes(':') ? `[${host}]` : host);
    return {
      address: `${bracket(address)}:${port}`,
      everyInterface,
      webhookUrl: `http://${bracket(everyInterface ? '127.0.0.1' : address)}:${port}${settings.webhookPath}`,
      partnerUrl: settings.partner && `http://${bracket(everyInterface ? '127.0.0.1' : address)}:${port}${settings.partner.path}`,
      port,
      registryLocation: services.registry.location,
      queueLocation: services.queue.location,
      workerConcurrency: worker ? settings.workerConcurrency : 0,
      stop: async () => {
        // Webhooks being received are stored first (their requests hold the server open), then
        // running jobs finish or go back to the queue, then the queue and registry close.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        await worker?.stop(settings.stopGraceSeconds * 1000);
        await services.close();
      },
    };
  } catch (error) {
    await worker?.stop(0);
    await services.close();
    throw error;
  }
}
