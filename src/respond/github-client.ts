// The Octokit the CLI responds with: retries 5xx and timeouts with backoff, waits out rate
// limits (primary and secondary, honouring `retry-after`), and paces writes as GitHub asks.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { UsageError } from '../errors.js';
import { announceRetries } from './announce-retries.js';
import { gitHubFetch } from './github-fetch.js';

export type GitHub = InstanceType<typeof Octokit>;

const ResponderOctokit = Octokit.plugin(retry, throttling, announceRetries);

/** How many times, and how far apart, a create whose outcome is unknown is looked for and tried again. */
export interface CreatePolicy {
  retries: number;
  /** The n-th retry waits n² × this. */
  backoffMs: number;
}

const DEFAULT_CREATE_POLICY: CreatePolicy = { retries: 3, backoffMs: 1000 };
const createPolicies = new WeakMap<object, CreatePolicy>();

/** The client's policy; an Octokit made elsewhere (the app's installation client) gets GitHub's usual one. */
export function createPolicyOf(github: GitHub): CreatePolicy {
  return createPolicies.get(github) ?? DEFAULT_CREATE_POLICY;
}

export interface GitHubClientOptions {
  token: string;
  /** REST base: `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  baseUrl?: string;
  /** One request's time limit; a timed-out request is retried like a 5xx. */
  requestTimeoutMs?: number;
  /** Retries of a 5xx, timeout or rate limit before the step is recorded as failed (resumable). */
  retries?: number;
  /**
   * Multiplies every wait: retry backoff, rate-limit waits and the pacing of writes. 1 in
   * production; tests against the emulator use a small value so minutes become milliseconds.
   */
  timeScale?: number;
  /** Where Octokit's own warnings go (never request bodies). */
  warn?: (message: string) => void;
}

export function createGitHubClient(options: GitHubClientOptions): GitHub {
  const scale = options.timeScale ?? 1;
  const retries = options.retries ?? 3;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const timedFetch: typeof fetch = (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return gitHubFetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  const warn = options.warn ?? (() => {});
  // GitHub asks for one write at a time, a second apart, and 3 s between notification-making writes.
  const group = (minTime: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.round(minTime * scale) });
  const onLimit = (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    warn(`GitHub rate limit on ${request.method} ${request.url}: waiting ${retryAfter}s (retry ${retryCount + 1} of ${retries})`);
    return retryCount < retries;
  };
  const github = new ResponderOctokit({
    auth: options.token,
    baseUrl: options.baseUrl?.replace(/\/+$/, ''),
    userAgent: 'leakstop',
    request: { fetch: timedFetch },
    retry: { retries, retryAfterBaseValue: 1000 * scale },
    throttle: {
      retryAfterBaseValue: 1000 * scale,
      write: group(1000),
      notifications: group(3000),
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
    },
    // Failed requests are reported once, by the step that failed; only warnings (rate limits, retries) are shown as they happen.
    log: { debug: () => {}, info: () => {}, warn, error: () => {} },
  });
  createPolicies.set(github, { retries, backoffMs: 1000 * scale });
  return github;
}

export function numberFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!(value >= 0)) throw new UsageError(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
}

/**
 * The CLI's client: `GITHUB_TOKEN`, and `GITHUB_API_URL` for GitHub Enterprise Server.
 * `LEAKSTOP_GITHUB_TIMEOUT_MS` bounds one request (default 30 s); `LEAKSTOP_GITHUB_TIME_SCALE`
 * multiplies every wait (tests against the emulator make minutes milliseconds).
 */
export function gitHubClientFromEnv(env: NodeJS.ProcessEnv = process.env, warn?: (message: string) => void): GitHub {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError('set GITHUB_TOKEN to a token that can write issues in the repository (or use --dry-run)');
  return createGitHubClient({
    token,
    baseUrl: env.GITHUB_API_URL || undefined,
    timeScale: numberFromEnv(env, 'LEAKSTOP_GITHUB_TIME_SCALE'),
    requestTimeoutMs: numberFromEnv(env, 'LEAKSTOP_GITHUB_TIMEOUT_MS'),
    warn,
  });
}
