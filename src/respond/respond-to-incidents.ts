// Drives recorded incidents to completion: first every key is settled (revoked, replaced,
// delivered) — so no revocation waits for GitHub — then each incident is reported on GitHub.
// Each incident is worked on under its lock, so racing responders do each step once.
import type { ActionsSecretDelivery } from '../report/incident-markdown.js';
import type { Actor, Incident, KeyRegistry } from '../types.js';
import type { ActionsSecretWriter } from './actions-secret-writer.js';
import type { Delivery } from './deliver-replacement.js';
import type { GitHub } from './github-client.js';
import { incidentState, type IncidentState } from './incident-state.js';
import { ownerNotifierFromEnv, type OwnerNotifier } from './owner-notifier.js';
import { isPublicLeak } from '../public-leak.js';
import { reportIncident, type ReportContext } from './report-incident.js';
import { runStep } from './run-step.js';
import { settleKey } from './settle-key.js';

export interface ResponderOptions {
  registry: KeyRegistry;
  /** Octokit for issues: the CLI's token client or an app installation's. None: issues wait for a resume. */
  github?: GitHub;
  /** Where incidents of public repositories are filed instead (`owner/name`). */
  securityRepo?: string;
  /** Where every incident is filed (`owner/name`), public repository or not; wins over `securityRepo`. */
  incidentRepo?: string;
  /** Writes replacements into the Actions secrets key records name. None: owners get them as usual. */
  actionsSecrets?: ActionsSecretWriter;
  actor: Actor;
  /** Told of every revocation; default: the hook LEAKSTOP_NOTIFY_URL names, if any. */
  notifier?: OwnerNotifier;
  /** Progress lines for a person (never a secret). */
  log?: (line: string) => void;
}

export interface IncidentResult {
  incident: Incident;
  status: IncidentState;
  replacementId?: string;
  delivery?: Delivery;
  /** The Actions secret the replacement was written to, or why it was not. */
  actionsSecret?: ActionsSecretDelivery;
  issueUrl?: string;
}

/** `owner/name`: a GitHub repository; anything else (a local path) gets no issue. */
export function isGitHubRepo(repo: string): boolean {
  return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo);
}

export async function summarizeIncident(registry: KeyRegistry, incident: Incident): Promise<IncidentResult> {
  const [steps, sightings] = await Promise.all([registry.responses.steps(incident.id), registry.responses.sightings(incident.id)]);
  const outcome = (name: string) => steps.find((step) => step.step === name && step.state === 'done')?.outcome ?? {};
  return {
    incident,
    status: incidentState(steps, sightings),
    replacementId: outcome('replace').keyId as string | undefined,
    delivery: outcome('deliver').delivery as IncidentResult['delivery'],
    actionsSecret: outcome('deliver').actionsSecret as ActionsSecretDelivery | undefined,
    issueUrl: outcome('issue').url as string | undefined,
  };
}

export async function respondToIncidents(incidents: Incident[], options: ResponderOptions): Promise<IncidentResult[]> {
  const { registry, github, actor } = options;
  const log = options.log ?? (() => {});
  const responses = registry.responses;
  const settled: Incident[] = [];
  const notifier = options.notifier ?? ownerNotifierFromEnv();
  for (const incident of incidents) {
    const result = await responses.withIncidentLock(incident.id, async () => {
      const [first] = await responses.sightings(incident.id);
      return settleKey(registry, incident, first!, actor, options.actionsSecrets, notifier);
    });
    if (result.ok) settled.push(incident);
    else log(`incident ${incident.id} (key ${incident.keyId}): ${result.error.message}`);
  }
  const context: ReportContext | undefined = github && { registry, github, securityRepo: options.securityRepo, incidentRepo: options.incidentRepo, repoFacts: new Map() };
  for (const incident of settled) {
    const result = await responses.withIncidentLock(incident.id, () => {
      // A key found in public is filed in the security repository: a responder that knows none leaves its issue waiting.
      if (isPublicLeak(incident) && !options.securityRepo) return Promise.resolve(undefined);
      if (!isGitHubRepo(incident.repo) && !isPublicLeak(incident)) return runStep(responses, incident.id, 'issue', {}, async () => ({ skipped: 'not a GitHub repository' }));
      if (!context) return Promise.resolve(undefined);
      return reportIncident(context, incident);
    });
    if (result && !result.ok) log(`incident ${incident.id} (key ${incident.keyId}): ${result.error.message}`);
  }
  return Promise.all(incidents.map((incident) => summarizeIncident(registry, incident)));
}
