// The HTTP front of the emulator: logs every request, applies injected faults, then serves
// git smart HTTP (serve-git.ts) or the REST API (at `/` and, GitHub Enterprise Server
// style, at `/api/v3`).
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiError, type ApiResponse } from './api.js';
import { resolveActor, type Actor } from './credentials.js';
import { faultError } from './fault-response.js';
import type { Faults } from './faults.js';
import { parseGitPath } from './git-http.js';
import type { GitStore } from './git-store.js';
import { exhaustedMessage, rateLimitHeaders, type RateLimits } from './rate-limit.js';
import type { LoggedRequest } from './request-log.js';
import type { Router } from './router.js';
import { refuseGit, serveGit } from './serve-git.js';
import type { EmulatorState } from './state.js';
import { urlsFor } from './urls.js';

export interface ServerParts {
  state: EmulatorState;
  git: GitStore;
  faults: Faults;
  rateLimits: RateLimits;
  router: Router;
  requests: LoggedRequest[];
  /** Requests held by timeout faults; cleared on close. */
  holds: Set<NodeJS.Timeout>;
}

const API_PREFIX = '/api/v3';
const DEFAULT_DOCS = 'https://docs.github.com/rest';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function baseHeaders(): Record<string, string> {
  return {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': randomBytes(10).toString('hex').toUpperCase().replace(/(.{4})(?=.)/g, '$1:'),
  };
}

function errorResponse(error: ApiError, docs: string): ApiResponse {
  return {
    status: error.status,
    headers: error.details.headers,
    body: {
      message: error.message,
      ...(error.details.errors ? { errors: error.details.errors } : {}),
      documentation_url: error.details.documentationUrl ?? docs,
      status: String(error.status),
    },
  };
}

function lenientActor(parts: ServerParts, authorization: string | undefined): Actor {
  try {
    return resolveActor(authorization, parts.state, new Date());
  } catch {
    return { kind: 'anonymous' };
  }
}

/** The path with escapes such as `%2F` (octokit's encoding of `/` in a file path) decoded. */
function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new ApiError(400, 'Problems parsing JSON');
}

export function createEmulatorServer(parts: ServerParts): http.Server {
  function send(response: ServerResponse, entry: LoggedRequest, result: ApiResponse, extraHeaders: Record<string, string>): void {
    const headers: Record<string, string> = { ...baseHeaders(), ...extraHeaders, ...result.headers };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(result.body)) payload = result.body;
    else if (result.body !== undefined && result.status !== 204) {
      payload = Buffer.from(JSON.stringify(result.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    entry.status = result.status;
    entry.response = payload?.toString('utf8');
    response.writeHead(result.status, headers);
    response.end(payload);
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, entry: LoggedRequest, url: URL, body: Buffer) {
    const prefixed = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
    const path = prefixed ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    const method = request.method ?? 'GET';
    const match = parts.router.match(method, path);
    const docs = match?.route.docs ?? DEFAULT_DOCS;
    const address = request.socket.remoteAddress ?? '127.0.0.1';
    let rateHeaders: Record<string, string> = {};
    try {
      let actor: Actor;
      try {
        actor = resolveActor(request.headers.authorization, parts.state, new Date());
      } catch (error) {
        rateHeaders = rateLimitHeaders(parts.rateLimits.consume({ kind: 'anonymous' }, address, new Date()));
        throw error;
      }
      rateHeaders = rateLimitHeaders(parts.rateLimits.consume(actor, address, new Date()));
      if (!match) throw new ApiError(404, 'Not Found');
      const result = await match.route.handle({
        state: parts.state,
        git: parts.git,
        actor,
        urls: urlsFor(request.headers.host ?? 'localhost', prefixed ? API_PREFIX : ''),
        method,
        path,
        params: match.params,
        query: url.searchParams,
        headers: request.headers,
        body: parseJsonBody(body),
      });
      send(response, entry, result, rateHeaders);
    } catch (error) {
      if (error instanceof ApiError) {
        send(response, entry, errorResponse(error, docs), rateHeaders);
        return;
      }
      // An emulator bug, not an injected fault: make it loud, since clients retry 500s quietly.
      entry.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`github emulator: ${method} ${url.pathname} failed: ${entry.error}`);
      send(response, entry, errorResponse(new ApiError(500, 'Server Error'), docs), rateHeaders);
    }
  }

  /** Waits out a timeout fault; false when the request is to be dropped unanswered. */
  function hold(response: ServerResponse, timeoutMs: number, afterTimeout: 'drop' | 'handle'): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        parts.holds.delete(timer);
        if (afterTimeout === 'drop') response.socket?.destroy();
        // `handle` goes ahead even if the client gave up: GitHub may act on a request it never answered.
        resolve(afterTimeout === 'handle');
      }, timeoutMs);
      parts.holds.add(timer);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const entry: LoggedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      body: body.toString('utf8'),
      at: new Date(),
      status: 0,
    };
    parts.requests.push(entry);
    const gitPath = parseGitPath(url.pathname);
    const decoded = safeDecode(url.pathname);
    const faultPath = gitPath || !decoded.startsWith(`${API_PREFIX}/`) ? decoded : decoded.slice(API_PREFIX.length);
    const fault = parts.faults.take(entry.method, faultPath);
    if (fault && 'timeoutMs' in fault) {
      if (!(await hold(response, fault.timeoutMs, fault.afterTimeout ?? 'drop'))) return;
    } else if (fault) {
      const actor = lenientActor(parts, request.headers.authorization);
      const error = faultError(fault, faultPath, new Date(), exhaustedMessage(actor, request.socket.remoteAddress ?? '127.0.0.1'));
      if (gitPath) return refuseGit(response, entry, error.status, error.message);
      return send(response, entry, errorResponse(error, DEFAULT_DOCS), {});
    }
    if (gitPath) return serveGit(parts, { request, response, entry, url, gitPath, body });
    return serveApi(request, response, entry, url, body);
  }

  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
}
