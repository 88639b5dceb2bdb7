// A `secret_scanning_alert` job: GitHub's own secret scanning found a secret in an installed
// repository. The alert's secret is read (it stays in memory), hashed and looked up; a key of
// ours gets the same exactly-once response as a key found in a push (revoke, replacement,
// delivery, incident issue where the repository's config routes it), and then the alert is resolved as revoked, its comment naming the
// incident issue. Other providers' secrets are left to whoever owns them: the alert is not touched.
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { GitHubError } from '../errors.js';
import { secretHash } from '../detect/secret-hash.js';
import { redact } from '../redact.js';
import type { GitHub } from '../respond/github-client.js';
import { gitHubFailure } from '../respond/github-failure.js';
import { repoRef, type RepoRef } from '../respond/incident-issue.js';
import { respondToIncidents } from '../respond/respond-to-incidents.js';
import { runStep } from '../respond/run-step.js';
import type { KeyRecord, NewSighting } from '../types.js';
import type { AppServices } from './app-services.js';
import { fetchRepoConfig } from './fetch-repo-config.js';
import { responderOptions } from './respond-and-report.js';

export const SECRET_ALERT_ACTIONS = ['created', 'reopened', 'validated', 'publicly_leaked'] as const;

/** What a secret-alert job holds: which alert (never its secret: webhooks do not carry it). */
export interface SecretAlertJobData {
  delivery: string;
  action: string;
  repository: { id: number; fullName: string };
  alertNumber: number;
}

export interface SecretAlertRun {
  data: SecretAlertJobData;
  installationId: number;
  github: InstanceType<typeof ProbotOctokit>;
  /** The job's: its lines name the delivery and the repository. */
  log: Logger;
}

type Alert = Awaited<ReturnType<GitHub['rest']['secretScanning']['getAlert']>>['data'];

async function readAlert(github: GitHub, ref: RepoRef, number: number): Promise<Alert | undefined> {
  try {
    return (await github.rest.secretScanning.getAlert({ ...ref, alert_number: number })).data;
  } catch (error) {
    // No `secret_scanning_alerts` permission, secret scanning off, or the alert is gone: nothing to act on.
    if ([403, 404].includes((error as { status?: number }).status ?? 0)) return undefined;
    throw gitHubFailure(`reading secret scanning alert #${number}`, error);
  }
}

/** Where secret scanning first saw it: the commit location, else the alert's page. */
function sightingOf(alert: Alert): NewSighting {
  const location = alert.first_location_detected as { commit_sha?: string; path?: string; start_line?: number } | null | undefined;
  if (location?.commit_sha && location.path) return { commit: location.commit_sha, path: location.path, line: location.start_line ?? 1 };
  return { path: alert.html_url ?? `secret scanning alert #${alert.number}`, line: 1 };
}

/** Resolves the alert as revoked, once; an alert someone already resolved is left as they left it. */
async function resolveAlert(github: GitHub, ref: RepoRef, alert: Alert, comment: string) {
  if (alert.state === 'resolved') return { resolution: alert.resolution, resolvedBefore: true };
  try {
    await github.rest.secretScanning.updateAlert({ ...ref, alert_number: alert.number!, state: 'resolved', resolution: 'revoked', resolution_comment: comment });
    return { resolution: 'revoked', resolvedBefore: false };
  } catch (error) {
    // 400 "not changed": an earlier try's PATCH landed before its outcome was recorded.
    const now = (error as { status?: number }).status === 400 ? await readAlert(github, ref, alert.number!) : undefined;
    if (now?.state === 'resolved' && now.resolution === 'revoked') return { resolution: 'revoked', resolvedBefore: false };
    throw gitHubFailure(`resolving secret scanning alert #${alert.number}`, error);
  }
}

const resolutionComment = (key: KeyRecord, issueUrl: string): string => `Leakstop revoked key ${key.id}; incident: ${issueUrl}`;

export async function runSecretAlert(run: SecretAlertRun, services: AppServices): Promise<void> {
  const { data } = run;
  const fullName = data.repository.fullName;
  const log = run.log.child({ alert: data.alertNumber, action: data.action });
  const github = run.github as unknown as GitHub;
  const ref = repoRef(fullName);
  const alert = await readAlert(github, ref, data.alertNumber);
  if (!alert?.secret) {
    log.warn('the alert cannot be read (is `secret_scanning_alerts: read` granted?): nothing done');
    return;
  }
  const hash = secretHash(alert.secret);
  const key = (await services.registry.lookup([hash])).get(hash);
  if (!key) {
    log.info({ secretType: alert.secret_type }, "secret scanning alert: not a key of ours, left alone");
    return;
  }
  const settings = services.response(run.installationId, log);
  if (settings.dryRun) {
    log.info({ key: key.id }, 'secret scanning alert for a registered key: dry run (LEAKSTOP_DRY_RUN), nothing changed');
    return;
  }
  const responses = services.registry.responses;
  const { incident } = await responses.recordSighting(
    { repo: fullName, keyId: key.id, keyHashPrefix: hash.slice(0, 12), secretRedacted: redact(alert.secret), severity: 'critical', ruleId: `github-secret-scanning:${alert.secret_type}`, actor: settings.actor },
    sightingOf(alert),
  );
  // The repository's `incidents` routing applies as for a push: a public repository's incident may belong elsewhere.
  const options = responderOptions(await fetchRepoConfig(github, fullName, log), { github: run.github, fullName }, settings, log);
  const [result] = await respondToIncidents([incident], { ...options, github });
  if (!result?.issueUrl) {
    const state = result?.status.state === 'failed' ? `the ${result.status.step} step failed: ${result.status.error}` : 'the incident issue is not filed yet';
    throw new GitHubError(`key ${key.id} from secret scanning alert #${alert.number}: ${state}; the job is retried`);
  }
  const issueUrl = result.issueUrl;
  const resolved = await responses.withIncidentLock(incident.id, () =>
    runStep(responses, incident.id, `alert:${alert.number!}`, { alert: alert.html_url }, async () => resolveAlert(github, ref, alert, resolutionComment(key, issueUrl))),
  );
  if (!resolved.ok) throw resolved.error;
  log.info({ key: key.id, issue: issueUrl, resolution: resolved.outcome.resolution }, 'secret scanning alert: key revoked, alert resolved');
}
