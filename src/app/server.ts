// Starts the GitHub App: probot (webhook signature checks, app JWTs, installation tokens) as
// middleware on a plain HTTP server, configured from validated settings. probot's own Server
// cannot listen on a system-chosen port (PORT=0), which tests and the demo need.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { announceRetries } from '../respond/announce-retries.js';
import { gitHubFetch } from '../respond/github-fetch.js';
import { createAppServices } from './app-services.js';
import { leakstopApp } from './leakstop-app.js';
import { signatureProblem } from './webhook-signature.js';
import type { AppSettings } from './settings.js';

export interface RunningApp {
  /** The address bound, as `host:port` (`[::]:3000` for every interface). */
  address: string;
  /** Whether that address is every interface (no HOST). */
  everyInterface: boolean;
  /** Where webhooks are delivered on this machine, e.g. http://127.0.0.1:3000/api/github/webhooks. */
  webhookUrl: string;
  port: number;
  /** The key registry, as it may be shown (no credentials). */
  registryLocation: string;
  stop(): Promise<void>;
}

/** GitHub caps a webhook payload at 25 MB. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // The rest is drained unkept, so the answer still reaches the sender.
      if (size > MAX_DELIVERY_BYTES) reject(new Error('the delivery is larger than 25 MB'));
      else chunks.push(chunk);
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

export function createLogger(settings: AppSettings): Logger {
  return pino({ name: 'leakstop', level: settings.logLevel });
}

export async function startAppServer(settings: AppSettings, log: Logger = createLogger(settings)): Promise<RunningApp> {
  const services = await createAppServices(settings, log);
  try {
    const probot = new Probot({
      Octokit: ProbotOctokit.plugin(announceRetries).defaults({ retry: { retryAfterBaseValue: 1000 * settings.gitHubTimeScale } }),
      appId: settings.appId,
      privateKey: settings.privateKey,
      secret: settings.webhookSecret,
      baseUrl: settings.apiBaseUrl,
      request: { fetch: gitHubFetch },
      log,
    });
    const middleware = await createNodeMiddleware(leakstopApp(services), { probot, webhooksPath: settings.webhookPath });
    const notFound = (response: http.ServerResponse) => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    const server = http.createServer((request, response) => {
      // A health check for load balancers, as probot's own server offers.
      if (request.method === 'GET' && request.url === '/ping') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
        return;
      }
      if (request.method !== 'POST' || request.url?.split('?')[0] !== settings.webhookPath) {
        void middleware(request, response, () => notFound(response));
        return;
      }
      void readBody(request).then(
        (body) => {
          const problem = signatureProblem(settings.webhookSecret, body, request.headers['x-hub-signature-256'] as string | undefined);
          if (problem) {
            const header = (name: string) => String(request.headers[name] ?? '').slice(0, 100);
            log.warn({ delivery: header('x-github-delivery'), event: header('x-github-event') }, `webhook refused: ${problem}`);
            response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: problem }));
            return;
          }
          // probot takes a body already read as the delivery's text.
          Object.assign(request, { body: body.toString('utf8') });
          void middleware(request, response, () => notFound(response));
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
    const { port, address } = server.address() as AddressInfo;
    const everyInterface = address === '0.0.0.0' || address === '::';
    const bracket = (host: string) => (host.includes(':') ? `[${host}]` : host);
    return {
      address: `${bracket(address)}:${port}`,
      everyInterface,
      webhookUrl: `http://${bracket(everyInterface ? '127.0.0.1' : address)}:${port}${settings.webhookPath}`,
      port,
      registryLocation: services.registry.location,
      stop: async () => {
        // Webhooks being handled finish first (their requests hold the server open), then
        // background scans are stopped and the registry closed.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
