// The probot instance the app and its workers share: app JWTs and installation tokens (cached
// per process until near expiry), GitHub's retry and pacing, and the app's logger.
import type { Logger } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { announceRetries } from '../respond/announce-retries.js';
import { gitHubFetch } from '../respond/github-fetch.js';
import type { AppSettings } from './settings.js';

export function createProbot(settings: AppSettings, log: Logger): Probot {
  return new Probot({
    Octokit: ProbotOctokit.plugin(announceRetries).defaults({ retry: { retryAfterBaseValue: 1000 * settings.gitHubTimeScale } }),
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.apiBaseUrl,
    request: { fetch: gitHubFetch },
    log,
  });
}
