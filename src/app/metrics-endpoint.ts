// `GET /metrics` (and `/ping`, for load balancers and health checks), as the app's server answers
// them and as a `leakstop worker` answers them on its own port (--metrics-port): each process
// shows its own counters and histograms, and the queue's totals, which every process reads alike.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppMetrics } from './app-metrics.js';

/** Answers the request when it is one of ours; false otherwise. */
export function answerMetrics(metrics: AppMetrics, request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (request.method === 'GET' && request.url === '/ping') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
    return true;
  }
  if (request.method !== 'GET' || request.url !== '/metrics') return false;
  metrics.registry.metrics().then(
    (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
    (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${error.message.split('\n')[0]}\n`),
  );
  return true;
}

/** A worker's metrics server; resolves with where it listens and how to close it. */
export async function startMetricsServer(metrics: AppMetrics, port: number, host: string | undefined): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (!answerMetrics(metrics, request, response)) response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new Error(`the metrics port ${port} is already in use; choose another with --metrics-port`) : error));
    server.listen(port, host, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const shown = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
