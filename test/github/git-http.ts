// Git smart HTTP through `git http-backend`, run as a CGI program: the request goes in on
// stdin with the CGI variables in the environment; the CGI headers it prints become the
// HTTP response's status and headers, and the rest streams out as the body.
import { spawn } from 'node:child_process';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { isolatedGitEnv } from './git-store.js';

/** `/{owner}/{repo}[.git]/(info/refs|git-upload-pack|git-receive-pack)`. */
const GIT_PATH = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;

export interface GitPath {
  owner: string;
  repo: string;
  /** What follows the repository: `info/refs`, `git-upload-pack` or `git-receive-pack`. */
  endpoint: string;
}

export function parseGitPath(pathname: string): GitPath | undefined {
  const match = GIT_PATH.exec(pathname);
  return match ? { owner: match[1]!, repo: match[2]!, endpoint: match[3]! } : undefined;
}

/** Whether the request would change the repository (a push). */
export function isPush(path: GitPath, query: URLSearchParams): boolean {
  return path.endpoint === 'git-receive-pack' || query.get('service') === 'git-receive-pack';
}

export interface BackendRequest {
  method: string;
  headers: IncomingHttpHeaders;
  queryString: string;
  body: Buffer;
  /** GIT_PROJECT_ROOT: the directory holding every bare repository. */
  projectRoot: string;
  /** The bare repository, relative to the project root. */
  repoDir: string;
  endpoint: string;
  remoteUser: string;
  remoteAddr: string;
  /** More environment for http-backend and the hooks it runs. */
  env?: Record<string, string>;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The CGI response head (status and headers) once its blank line has arrived. */
function parseCgiHead(head: Buffer): { status: number; headers: Record<string, string>; bodyStart: number } | undefined {
  const crlf = head.indexOf('\r\n\r\n');
  const end = crlf >= 0 ? crlf : head.indexOf('\n\n');
  if (end < 0) return undefined;
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  return { status, headers, bodyStart: end + (crlf >= 0 ? 4 : 2) };
}

/** Runs the CGI and streams its answer into `response`; resolves to the HTTP status sent. */
export function runHttpBackend(request: BackendRequest, response: ServerResponse): Promise<number> {
  const env = isolatedGitEnv({
    GIT_PROJECT_ROOT: request.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${request.repoDir}/${request.endpoint}`,
    QUERY_STRING: request.queryString,
    REQUEST_METHOD: request.method,
    CONTENT_TYPE: header(request.headers, 'content-type'),
    CONTENT_LENGTH: String(request.body.length),
    // http-backend inflates gzip request bodies itself when told the encoding.
    HTTP_CONTENT_ENCODING: header(request.headers, 'content-encoding'),
    GIT_PROTOCOL: header(request.headers, 'git-protocol'),
    REMOTE_USER: request.remoteUser,
    REMOTE_ADDR: request.remoteAddr,
    ...request.env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let head = Buffer.alloc(0);
    let status = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (status) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) return;
      status = parsed.status;
      const { headers, bodyStart } = parsed;
      response.writeHead(status, headers);
      response.write(head.subarray(bodyStart));
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!status) {
        status = 500;
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.write(`git http-backend failed (${code}): ${stderr}`);
      }
      response.end();
      resolve(status);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(request.body);
  });
}
