// The GitHub half of a response: the incident issue, then a comment for each later batch of
// sightings. Runs after the key is settled, so the issue states what was already done.
import { incidentBody, incidentMarker, incidentTitle, sightingComment, sightingMarker, type ActionsSecretDelivery, type IncidentFacts } from '../report/incident-markdown.js';
import { RegistryError } from '../errors.js';
import type { Incident, KeyRegistry, ResponseStep, Sighting } from '../types.js';
import type { Delivery } from './deliver-replacement.js';
import type { GitHub } from './github-client.js';
import { commentOnce, findOrCreateIssue, repoFacts, type IssueRef, type RepoFacts } from './incident-issue.js';
import { commentBatches } from './incident-state.js';
import { isPublicLeak } from '../public-leak.js';
import { runStep, type StepResult } from './run-step.js';

export interface ReportContext {
  registry: KeyRegistry;
  github: GitHub;
  /** Where incidents of public repositories go, so not even a redacted notice is public. */
  securityRepo?: string;
  /** Where every incident goes, public repository or not (wins over `securityRepo`). */
  incidentRepo?: string;
  /** Repository facts already read in this run. */
  repoFacts: Map<string, Promise<RepoFacts>>;
}

function factsOf(context: ReportContext, repo: string): Promise<RepoFacts> {
  let facts = context.repoFacts.get(repo);
  if (!facts) {
    facts = repoFacts(context.github, repo);
    // A failure is not remembered: the next incident of this repository asks again.
    facts.catch(() => context.repoFacts.delete(repo));
    context.repoFacts.set(repo, facts);
  }
  return facts;
}

async function issueFacts(registry: KeyRegistry, incident: Incident, steps: ResponseStep[], sightings: Sighting[], repoUrl: string | undefined): Promise<IncidentFacts> {
  const key = await registry.get(incident.keyId);
  if (!key) throw new RegistryError(`key ${incident.keyId} is no longer in the registry`);
  const outcome = (name: string) => steps.find((step) => step.step === name)?.outcome ?? {};
  const revoke = outcome('revoke');
  const replacementId = outcome('replace').keyId as string | undefined;
  const deliver = outcome('deliver');
  const delivery = deliver.delivery as Delivery | undefined;
  const actionsSecret = deliver.actionsSecret as ActionsSecretDelivery | undefined;
  return {
    incident,
    key,
    repoUrl,
    sightings,
    revocation: { outcome: revoke.outcome === 'revoked' ? 'revoked' : 'already-revoked', at: revoke.at as string | undefined, reason: revoke.reason as string | undefined },
    replacement: replacementId ? { keyId: replacementId, delivery: delivery ?? 'claim', ...(actionsSecret ? { actionsSecret } : {}) } : undefined,
    noReplacement: outcome('replace').skipped as string | undefined,
  };
}

function batchOf(sightings: Sighting[], ids: unknown): Sighting[] {
  const wanted = new Set(Array.isArray(ids) ? ids : []);
  return sightings.filter((sighting) => wanted.has(sighting.id));
}

/** Where a repository's incident issue goes: `incidentRepo` always, `securityRepo` for a public one, else itself. */
export function incidentIssueRepo(repo: string, isPrivate: boolean, routing: { securityRepo?: string; incidentRepo?: string }): string {
  return routing.incidentRepo ?? (!isPrivate && routing.securityRepo ? routing.securityRepo : repo);
}

/** Where the incident's issue goes, and the web address of the repository it leaked in (none for a public leak). */
async function issuePlace(context: ReportContext, incident: Incident): Promise<{ target: string; repoUrl?: string }> {
  // Found somewhere public by GitHub: never filed where it was found, always in the security repository.
  if (isPublicLeak(incident)) return { target: context.securityRepo! };
  const repo = await factsOf(context, incident.repo);
  return { target: incidentIssueRepo(incident.repo, repo.private, context), repoUrl: repo.htmlUrl };
}

/** Files (or finds) the incident issue, then comments on it for sightings it does not show. */
export async function reportIncident(context: ReportContext, incident: Incident): Promise<StepResult> {
  const log = context.registry.responses;
  const sightings = await log.sightings(incident.id);
  const steps = await log.steps(incident.id);
  const issue = await runStep(log, incident.id, 'issue', { sightingIds: sightings.map((sighting) => sighting.id) }, async (step) => {
    const { target, repoUrl } = await issuePlace(context, incident);
    const facts = await issueFacts(context.registry, incident, steps, batchOf(sightings, step.intent.sightingIds), repoUrl);
    const filed = await findOrCreateIssue(context.github, target, {
      marker: incidentMarker(incident.keyHashPrefix),
      title: incidentTitle(facts),
      body: () => incidentBody(facts),
    });
    return { ...filed, repoUrl };
  });
  if (!issue.ok) return issue;
  const filed = issue.outcome as unknown as IssueRef & { repoUrl?: string };
  let last: StepResult = issue;
  for (const batch of commentBatches(await log.steps(incident.id), sightings)) {
    last = await runStep(log, incident.id, `comment:${batch[0]!.id}`, { sightingIds: batch.map((sighting) => sighting.id) }, async () =>
      commentOnce(context.github, filed, { marker: sightingMarker(incident.repo, batch[0]!), body: () => sightingComment(incident, batch, filed.repoUrl) }),
    );
    if (!last.ok) return last;
  }
  return last;
}
