// GitHub failures as one-line, body-free messages. Built from the status, the method, the
// route and GitHub's own `message` only: a request body is never echoed, whatever it held.
import { GitHubError } from '../errors.js';

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function routeOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? '';
  }
}

/** GitHub's `message` field, first line, bounded; never the request's content. */
function gitHubMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = (data as { message?: unknown }).message;
  return typeof message === 'string' ? message.split('\n')[0]!.slice(0, 200) : undefined;
}

/** What the person running Leakstop should do about a failure of this status. */
function remedy(status: number | undefined, route: string): string {
  if (status === 410 && /\/issues/.test(route)) return 'issues are disabled in the repository: enable them or configure a security repository, then run `leakstop respond --resume`';
  if (status === 401) return 'the GitHub token is invalid or expired: set a valid GITHUB_TOKEN and run `leakstop respond --resume`';
  if (status === 403) return 'GitHub refused (permission or rate limit): check the token can write issues, then run `leakstop respond --resume`';
  if (status === 404) return 'the repository was not found or the token cannot see it: check the repository name and token, then run `leakstop respond --resume`';
  return 'GitHub is unavailable: run `leakstop respond --resume` later';
}

/** `HTTP 502`, or `no response (…)` when GitHub never answered. */
export function whatWentWrong(error: unknown): string {
  const failure = (error ?? {}) as RequestErrorLike;
  if (typeof failure.status === 'number' && failure.response) return `HTTP ${failure.status}`;
  return `no response (${(failure.message ?? 'network error').split('\n')[0]!.slice(0, 120)})`;
}

/** Wraps anything Octokit threw into a `GitHubError` that is safe to log and to store. */
export function gitHubFailure(action: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const failure = (error ?? {}) as RequestErrorLike;
  const status = typeof failure.status === 'number' ? failure.status : undefined;
  const route = routeOf(failure.request?.url);
  const method = failure.request?.method ?? '';
  const said = gitHubMessage(failure.response?.data);
  const what = whatWentWrong(error);
  const where = route ? ` on ${method} ${route}` : '';
  return new GitHubError(`${action} failed: ${what}${where}${said ? ` — "${said}"` : ''}; ${remedy(status, route)}`);
}
