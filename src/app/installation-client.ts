// An installation's GitHub client for one job: what it logs (a retry, say) is on the job's log
// lines, and its calls are counted for /metrics. A call GitHub refuses with a rate limit pauses
// the installation (installation-pauses.ts) and fails with a GitHubRateLimited; from then on the
// client refuses its calls itself, without spending more of a spent budget (GitHub may ban an
// integration that keeps calling while limited), and the job goes back to the queue until the reset.
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { GitHubError } from '../errors.js';
import { rateLimitPause } from '../respond/github-rate-limit.js';
import type { AppMetrics } from './app-metrics.js';
import type { InstallationPauses } from './installation-pauses.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export class GitHubRateLimited extends GitHubError {
  constructor(
    installationId: number,
    readonly until: number,
  ) {
    super(`GitHub's rate limit for installation ${installationId} is spent until ${new Date(until).toISOString()}: its jobs wait in the queue until then`);
  }
}

const limitedUntil = new WeakMap<Octokit, number>();

/** When the client met (or refused a call for) a rate limit: the reset its job waits for. */
export function rateLimitedUntil(github: Octokit): number | undefined {
  return limitedUntil.get(github);
}

export function installationClient(github: Octokit, installationId: number, pauses: InstallationPauses, metrics: AppMetrics, log: Logger): Octokit {
  github.log = log;
  const refuse = (until: number): never => {
    limitedUntil.set(github, Math.max(until, limitedUntil.get(github) ?? 0));
    throw new GitHubRateLimited(installationId, until);
  };
  github.hook.before('request', () => {
    const until = pauses.known(installationId);
    if (until) refuse(until);
  });
  github.hook.after('request', (response, options) => metrics.gitHubCall(options.method, String(options.url), response.status));
  github.hook.error('request', async (error, options) => {
    if (error instanceof GitHubRateLimited) throw error;
    const status = (error as { status?: number }).status;
    metrics.gitHubCall(options.method, String(options.url), status);
    const pause = rateLimitPause(error);
    if (!pause) throw error;
    await pauses.record(installationId, pause);
    return refuse(pause.until);
  });
  return github;
}
