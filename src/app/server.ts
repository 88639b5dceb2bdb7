// Starts the GitHub App: probot (webhook signature checks, app JWTs, installation tokens) as
// middleware on a plain HTTP server, configured from validated settings. probot's own Server
// cannot listen on a system-chosen port (PORT=0), which tests and the demo need.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createNodeMiddleware, Probot } from 'probot';
import { createAppServices } from './app-services.js';
import { leakstopApp } from './leakstop-app.js';
import type { AppSettings } from './settings.js';

export interface RunningApp {
  /** Where GitHub delivers webhooks, e.g. http://127.0.0.1:3000/api/github/webhooks. */
  webhookUrl: string;
  port: number;
  /** The key registry, as it may be shown (no credentials). */
  registryLocation: string;
  stop(): Promise<void>;
}

export function createLogger(settings: AppSettings): Logger {
  return pino({ name: 'leakstop', level: settings.logLevel });
}

export async function startAppServer(settings: AppSettings, log: Logger = createLogger(settings)): Promise<RunningApp> {
  const services = await createAppServices(settings, log);
  try {
    const probot = new Probot({
      appId: settings.appId,
      privateKey: settings.privateKey,
      secret: settings.webhookSecret,
      baseUrl: settings.apiBaseUrl,
      log,
    });
    const middleware = await createNodeMiddleware(leakstopApp(services), { probot, webhooksPath: settings.webhookPath });
    const server = http.createServer((request, response) => {
      // A health check for load balancers, as probot's own server offers.
      if (request.method === 'GET' && request.url === '/ping') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
        return;
      }
      void middleware(request, response, () => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n'));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`port ${settings.port} is already in use; set PORT to a free one`) : error),
      );
      server.listen(settings.port, settings.host, () => resolve());
    });
    const { port, address } = server.address() as AddressInfo;
    const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
    return {
      webhookUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}${settings.webhookPath}`,
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
