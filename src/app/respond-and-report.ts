// After a scan: registry hits are settled first (revoke → replace → deliver, the delivery
// writing the Actions secret a key's record names), then the check run reports on the commit,
// then the incident issue is filed — the same exactly-once response pipeline as the CLI, called
// twice (a second call adds nothing to what the first recorded, it only does what is still to do).
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { renderCheckRun } from '../report/check-run.js';
import { gitHubActionsSecretWriter } from '../respond/actions-secret-writer.js';
import type { GitHub } from '../respond/github-client.js';
import { incidentIssueRepo } from '../respond/report-incident.js';
import type { IncidentResult } from '../respond/respond-to-incidents.js';
import { resumeResponses } from '../respond/resume-responses.js';
import { respondToFindings, type RespondOptions, type ResponseSummary } from '../respond/respond-to-findings.js';
import type { Actor, Finding, KeyRegistry } from '../types.js';
import { publishCheckRun, type CommitRef } from './publish-check-run.js';
import { reportGitHubTokens } from './report-github-tokens.js';
import type { RepoConfig } from './repo-config.js';
import type { RepoScan, ScanReport } from './scan-repository.js';

export interface ReportTarget {
  github: InstanceType<typeof ProbotOctokit>;
  commit: CommitRef;
  /** Identifies the work on the commit, so a redelivery finds it done. */
  externalId: string;
  /** `owner/name` */
  fullName: string;
  private: boolean;
  /** What was scanned, in words, for the summary. */
  scope: string;
  /** Told when the check run is published. */
  published?: () => void;
}

export interface ResponseSettings {
  registry: KeyRegistry;
  actor: Actor;
  dryRun: boolean;
  /** The job's: its lines name the delivery and the repository. */
  log: Logger;
  /** The REST base the app speaks to: where `revokeGitHubTokens` reports GitHub tokens. */
  apiBaseUrl: string;
}

/** What became of the replacement, for the check run. */
function replacementLine(result: IncidentResult): string | undefined {
  const secret = result.actionsSecret;
  const parts: string[] = [];
  if (secret?.written) parts.push(`replacement ${result.replacementId} written to Actions secret ${secret.name} in ${secret.repo}`);
  else if (secret) parts.push(`Actions secret ${secret.name} in ${secret.repo} not written (${secret.error ?? secret.skipped})`);
  if (result.replacementId && result.delivery === 'sealed') parts.push(`replacement ${result.replacementId} minted and sealed to its owner's public key`);
  if (result.replacementId && result.delivery === 'claim') parts.push(`replacement ${result.replacementId} reserved for its owner to claim`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** One line per key for the check run: what the response did. */
function responseLines(summary: ResponseSummary, issueRepo: string): Map<string, string> {
  const lines = new Map<string, string>();
  if (summary.dryRun) {
    for (const plan of summary.plan) lines.set(plan.keyId, `dry run (LEAKSTOP_DRY_RUN), nothing was changed; would: ${plan.actions.join('; ')}.`);
    return lines;
  }
  for (const result of summary.incidents) {
    const status = result.status;
    if (status.state === 'failed' && status.step === 'revoke') {
      lines.set(result.incident.keyId, `the revoke step failed (${status.error}); \`leakstop respond --resume\` retries it.`);
      continue;
    }
    // Revoked, but a later step waits (GitHub not answering, as a rule): the rest is pending, not lost.
    if (status.state === 'failed' && ['replace', 'deliver', 'actions-secret'].includes(status.step)) {
      lines.set(
        result.incident.keyId,
        `Leakstop revoked it; the rest of the response is pending (the ${status.step} step failed: ${status.error}); \`leakstop respond --resume\` finishes it.`,
      );
      continue;
    }
    const parts = ['Leakstop revoked it'];
    const replacement = replacementLine(result);
    if (replacement) parts.push(replacement);
    parts.push(result.issueUrl ? `incident ${result.issueUrl}` : `incident issue filed in ${issueRepo}`);
    lines.set(result.incident.keyId, `${parts.join('; ')}.`);
  }
  return lines;
}

const hitCount = (findings: Finding[]): number => findings.filter((finding) => finding.registry.match).length;

/** How the repository's incidents are responded to; `github` files issues (none: they wait). */
export function responderOptions(repoConfig: RepoConfig, target: Pick<ReportTarget, 'github' | 'fullName'>, settings: ResponseSettings, log: Logger): RespondOptions {
  // Probot's Octokit is @octokit/core with the same REST methods, retry and throttling.
  const github = target.github as unknown as GitHub;
  // `incidents.for: all` files every incident there; by default only a public repository's.
  const routing = repoConfig.incidentRepositoryFor === 'all'
    ? { incidentRepo: repoConfig.incidentRepository }
    : { securityRepo: repoConfig.incidentRepository };
  return {
    registry: settings.registry,
    repo: target.fullName,
    ...routing,
    actionsSecrets: gitHubActionsSecretWriter(github),
    actor: settings.actor,
    dryRun: settings.dryRun,
    log: (line) => log.warn(line),
  };
}

/**
 * A job retried after its check run was published (its worker died filing an issue, say):
 * the repository's unfinished responses are finished from the response log, which keeps every
 * step done once.
 */
export async function finishResponses(repoConfig: RepoConfig, target: Pick<ReportTarget, 'github' | 'fullName'>, settings: ResponseSettings): Promise<number> {
  if (settings.dryRun) return 0;
  const options = responderOptions(repoConfig, target, settings, settings.log);
  return (await resumeResponses({ ...options, github: target.github as unknown as GitHub }, target.fullName)).length;
}

/** Returns what was reported: the scan with the repository's own rules' findings. */
export async function respondAndReport(scan: RepoScan, repoConfig: RepoConfig, target: ReportTarget, settings: ResponseSettings): Promise<ScanReport> {
  const log = settings.log.child({ sha: target.commit.headSha });
  const github = target.github as unknown as GitHub;
  const options = responderOptions(repoConfig, target, settings, log);
  const routing = { incidentRepo: options.incidentRepo, securityRepo: options.securityRepo };
  const respond = (findings: Finding[], issues: GitHub | undefined) => respondToFindings(findings, issues ? { ...options, github: issues } : options);
  // Keys are settled on what the built-in rules found, before the repository's own rules have
  // finished: a hostile pattern can spend its whole budget, never delay a revocation.
  let settled = hitCount(scan.result.findings) > 0 ? await respond(scan.result.findings, undefined) : undefined;
  const report = await scan.withRepoRules();
  const { findings } = report.result;
  const hits = hitCount(findings) > 0;
  if (hitCount(findings) > hitCount(scan.result.findings)) settled = await respond(findings, undefined);
  const tokensNote = repoConfig.revokeGitHubTokens && !settings.dryRun ? await reportGitHubTokens(findings, target.github, settings.apiBaseUrl, log) : undefined;
  if (tokensNote) report.notes.push(tokensNote);
  const checkRun = renderCheckRun({
    result: report.result,
    scope: target.scope,
    annotateThirdParty: repoConfig.annotateThirdPartyKeys,
    responses: settled ? responseLines(settled, incidentIssueRepo(target.fullName, target.private, routing)) : new Map(),
    notes: report.notes,
  });
  await publishCheckRun(target.github, target.commit, target.externalId, checkRun);
  target.published?.();
  log.info({ findings: findings.length, conclusion: checkRun.conclusion }, `check run completed: ${checkRun.title}`);
  if (hits && !settings.dryRun) {
    const filed = await respond(findings, github);
    if (!filed.dryRun) {
      for (const result of filed.incidents) {
        log.info({ key: result.incident.keyId, issue: result.issueUrl, state: result.status.state }, 'incident response');
      }
    }
  }
  return report;
}
