// The probot instance the app and its workers share: app JWTs and installation tokens (from the
// cache every worker shares, shared-token-cache.ts), GitHub's retry and pacing, and the app's
// logger. Rate limits are not waited out in the process: the call fails at once and the job
// waits in the queue (installation-client.ts), so a limited installation holds no worker.
import type { Logger } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { announceRetries } from '../respond/announce-retries.js';
import { gitHubFetch } from '../respond/github-fetch.js';
import type { SharedTokenCache } from './shared-token-cache.js';
import type { AppSettings } from './settings.js';

/** plugin-retry's, and 429: a rate limit, answered again at once, only spends more of it. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

type OctokitOptions = { auth?: unknown; retry?: object; throttle?: object } & Record<string, unknown>;

export function createProbot(settings: AppSettings, log: Logger, tokens: SharedTokenCache): Probot {
  const Octokit = ProbotOctokit.plugin(announceRetries).defaults((options: OctokitOptions) => ({
    ...options,
    // Probot gives every client its own per-process cache; ours is shared through the queue.
    auth: typeof options.auth === 'object' && options.auth !== null ? { ...options.auth, cache: tokens } : options.auth,
    retry: { ...options.retry, retryAfterBaseValue: 1000 * settings.gitHubTimeScale, doNotRetry: DO_NOT_RETRY },
    throttle: { ...options.throttle, onRateLimit: () => false, onSecondaryRateLimit: () => false },
  }));
  return new Probot({
    Octokit: Octokit as typeof ProbotOctokit,
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.apiBaseUrl,
    request: { fetch: gitHubFetch },
    log,
  });
}
