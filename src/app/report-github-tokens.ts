// `revokeGitHubTokens: true` in `.github/leakstop.yml`: the GitHub tokens a scan found (only
// those whose checksum proves them GitHub's) are reported to GitHub's credential revocation API,
// which revokes them and notifies their owners. On github.com the call is unauthenticated (the
// endpoint answers 403 to any token); on GitHub Enterprise Server it carries the installation
// token. No record of the tokens is kept: a job retried before its check run was published
// submits them again, which is harmless (a revoked token stays revoked) — and a redelivery or a
// retry after the check run does not scan again.
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { LeakstopError } from '../errors.js';
import { isRevocableGitHubToken } from '../respond/revocable-github-token.js';
import { isEnterpriseApi, RevocationRateLimited, submitGitHubRevocations } from '../respond/submit-github-revocations.js';
import type { Finding } from '../types.js';

/** A worker waits this long at most for GitHub's hourly limit; past it the rest is left (and said). */
const MAX_WAIT_MS = 60_000;

/** The check run's note on what was submitted; none when the scan found no GitHub token. */
export async function reportGitHubTokens(findings: Finding[], github: InstanceType<typeof ProbotOctokit>, apiUrl: string, log: Logger): Promise<string | undefined> {
  const tokens = [...new Set(findings.filter((finding) => finding.checksumValid).map((finding) => finding.secret.reveal()))].filter(isRevocableGitHubToken);
  if (tokens.length === 0) return undefined;
  const token = isEnterpriseApi(apiUrl) ? ((await github.auth({ type: 'installation' })) as { token: string }).token : undefined;
  try {
    const { submitted } = await submitGitHubRevocations(tokens, { apiUrl, token, maxWaitMs: MAX_WAIT_MS });
    log.info({ submitted }, 'GitHub tokens reported to GitHub for revocation');
    return `${submitted} GitHub token(s) found here were reported to GitHub's credential revocation API (revokeGitHubTokens): GitHub revokes them and notifies their owners.`;
  } catch (error) {
    if (!(error instanceof LeakstopError)) throw error;
    log.warn({ submitted: error instanceof RevocationRateLimited ? error.submitted : 0 }, `reporting GitHub tokens for revocation: ${error.message}`);
    return `Reporting the GitHub tokens found here to GitHub for revocation did not finish: ${error.message}.`;
  }
}
