// Where an incident stands, read from its steps: what `incidents list` shows and what
// `respond --resume` picks up.
import type { ResponseStep, Sighting } from '../types.js';

export type IncidentState =
  | { state: 'complete' }
  | { state: 'pending'; waitingFor: string }
  | { state: 'failed'; step: string; error: string };

const REQUIRED = ['revoke', 'replace', 'deliver', 'issue'] as const;

function idsOf(step: ResponseStep | undefined): unknown[] {
  const ids = step?.intent.sightingIds;
  return Array.isArray(ids) ? ids : [];
}

/** Sightings that neither the issue (when it filed them) nor a finished comment reports. */
export function unreportedSightings(steps: ResponseStep[], sightings: Sighting[]): Sighting[] {
  const reported = new Set<unknown>();
  const issue = steps.find((step) => step.step === 'issue');
  if (issue?.state === 'done') {
    // Not a GitHub repository: there is no issue to comment on.
    if (issue.outcome?.skipped) return [];
    if (issue.outcome?.created !== false) idsOf(issue).forEach((id) => reported.add(id));
  }
  for (const step of steps) if (step.step.startsWith('comment:') && step.state === 'done') idsOf(step).forEach((id) => reported.add(id));
  return sightings.filter((sighting) => !reported.has(sighting.id));
}

/**
 * The unreported sightings in comment batches: a batch an earlier step took up (an unfinished
 * comment, or the issue's own batch when the issue already existed) stays together, so its
 * step and marker stay the same on resume; sightings no step took up form one new batch.
 */
export function commentBatches(steps: ResponseStep[], sightings: Sighting[]): Sighting[][] {
  const owner = new Map<unknown, string>();
  for (const step of steps) {
    if (step.step !== 'issue' && !step.step.startsWith('comment:')) continue;
    for (const id of idsOf(step)) if (step.step !== 'issue' || !owner.has(id)) owner.set(id, step.step);
  }
  const batches = new Map<string, Sighting[]>();
  for (const sighting of unreportedSightings(steps, sightings)) {
    const key = owner.get(sighting.id) ?? 'new';
    batches.set(key, [...(batches.get(key) ?? []), sighting]);
  }
  return [...batches.values()];
}

/** What an unfinished required step waits for; a delivery to an Actions secret names the secret. */
function waitingFor(name: (typeof REQUIRED)[number], step: ResponseStep | undefined): string {
  if (!step) return name;
  const secret = step.intent.actionsSecret as { repo: string; name: string } | undefined;
  if (name === 'deliver' && secret) {
    return `the Actions secret ${secret.name} in ${secret.repo}: it still holds the revoked key, so its workflows fail until ` +
      '`leakstop respond --resume` with GITHUB_TOKEN set writes the replacement there';
  }
  return `${name} (interrupted)`;
}

export function incidentState(steps: ResponseStep[], sightings: Sighting[]): IncidentState {
  const failed = steps.find((step) => step.state === 'failed');
  if (failed) return { state: 'failed', step: failed.step, error: failed.error ?? 'failed' };
  for (const name of REQUIRED) {
    const step = steps.find((candidate) => candidate.step === name);
    if (step?.state !== 'done') return { state: 'pending', waitingFor: waitingFor(name, step) };
  }
  const unfinished = steps.find((step) => step.state !== 'done');
  if (unfinished) return { state: 'pending', waitingFor: `${unfinished.step} (interrupted)` };
  const unreported = unreportedSightings(steps, sightings);
  if (unreported.length > 0) return { state: 'pending', waitingFor: `a comment on ${unreported.length} new sighting(s)` };
  return { state: 'complete' };
}
