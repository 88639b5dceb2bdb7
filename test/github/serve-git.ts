// Git smart HTTP behind GitHub's rules: the same credentials as the API (a token as Basic
// password — `x-access-token:<token>` — or as a Bearer/token header); reading needs
// `contents: read`, pushing `contents: write`; a refusal is 401 with a Basic challenge
// (so git asks for credentials), 403 or 404, as GitHub answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkRepoAccess } from './access.js';
import { ApiError } from './api.js';
import { credentialOf, resolveActor, type Actor } from './credentials.js';
import { isPush, runHttpBackend, type GitPath } from './git-http.js';
import type { GitStore } from './git-store.js';
import type { LoggedRequest } from './request-log.js';
import { timestamp, type EmulatorState } from './state.js';

export interface GitExchange {
  request: IncomingMessage;
  response: ServerResponse;
  entry: LoggedRequest;
  url: URL;
  gitPath: GitPath;
  body: Buffer;
}

export function refuseGit(response: ServerResponse, entry: LoggedRequest, status: number, message: string): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (status === 401) headers['www-authenticate'] = 'Basic realm="GitHub"';
  entry.status = status;
  entry.response = message;
  response.writeHead(status, headers);
  response.end(`${message}\n`);
}

export async function serveGit({ state, git }: { state: EmulatorState; git: GitStore }, exchange: GitExchange): Promise<void> {
  const { request, response, entry, url, gitPath, body } = exchange;
  const repo = state.repo(gitPath.owner, gitPath.repo);
  if (!repo) return refuseGit(response, entry, 404, 'Repository not found.');
  const push = isPush(gitPath, url.searchParams);
  let actor: Actor;
  try {
    actor = resolveActor(request.headers.authorization, state, new Date());
    checkRepoAccess(state, actor, repo, ['contents', push ? 'write' : 'read']);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const anonymous = credentialOf(request.headers.authorization) === undefined;
    // An anonymous caller is challenged rather than told a private repository is missing.
    if (error.status === 401 || (anonymous && error.status === 404)) {
      return refuseGit(response, entry, 401, 'Invalid username or token. Password authentication is not supported for Git operations.');
    }
    if (error.status === 404) return refuseGit(response, entry, 404, 'Repository not found.');
    return refuseGit(response, entry, 403, push ? 'Write access to repository not granted.' : 'Permission denied.');
  }
  entry.status = await runHttpBackend(
    {
      method: request.method ?? 'GET',
      headers: request.headers,
      queryString: url.search.slice(1),
      body,
      projectRoot: git.root,
      repoDir: git.relativeDir(repo.owner.login, repo.name),
      endpoint: gitPath.endpoint,
      remoteUser: actor.kind === 'user' ? actor.user.login : actor.kind === 'installation' ? 'x-access-token' : 'anonymous',
      remoteAddr: request.socket.remoteAddress ?? '127.0.0.1',
    },
    response,
  );
  if (gitPath.endpoint === 'git-receive-pack' && entry.status === 200) {
    repo.pushedAt = repo.updatedAt = timestamp();
  }
}
