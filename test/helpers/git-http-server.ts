// A plain git smart-HTTP server over a directory of bare repositories — `git http-backend` behind
// node's http server, as a self-hosted git server runs it — with no authentication but a fixed
// REMOTE_USER (which also turns pushing on).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runHttpBackend } from '../github/git-http.js';

const GIT_PATH = /^\/(.+?)\/(info\/refs|git-upload-pack|git-receive-pack)$/;

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function serveGitOverHttp(projectRoot: string, remoteUser: string, env: Record<string, string>): Promise<GitHttpServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = GIT_PATH.exec(url.pathname);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    void readBody(request).then((body) =>
      runHttpBackend({
        method: request.method ?? 'GET',
        headers: request.headers,
        queryString: url.search.slice(1),
        body,
        projectRoot,
        repoDir: match[1]!,
        endpoint: match[2]!,
        remoteUser,
        remoteAddr: '127.0.0.1',
        env,
      }, response),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
