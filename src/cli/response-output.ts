// How the CLI tells a person what the response did or would do: key ids, labels, redacted
// forms and links only.
import { GitHubError } from '../errors.js';
import type { PlannedResponse } from '../respond/plan-response.js';
import type { IncidentResult } from '../respond/respond-to-incidents.js';

export function describePlan(plan: PlannedResponse[]): string {
  if (plan.length === 0) return 'Dry run: no registered key was found, so there is nothing to respond to.\n';
  const lines = [`Dry run — nothing was changed. For ${plan.length} leaked key(s) Leakstop would:`];
  for (const entry of plan) {
    lines.push(`  key ${entry.keyId} (${entry.secretRedacted}) in ${entry.where}${entry.sightings > 1 ? ` and ${entry.sightings - 1} more place(s)` : ''}:`);
    for (const action of entry.actions) lines.push(`    - ${action}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeResult(result: IncidentResult): string {
  const { incident, status } = result;
  const parts = [`incident ${incident.id}: key ${incident.keyId} (${incident.secretRedacted}) in ${incident.repo}`];
  if (result.replacementId) {
    const secret = result.actionsSecret;
    if (secret?.written) parts.push(`replacement ${result.replacementId} written to Actions secret ${secret.name} in ${secret.repo}`);
    else if (secret) parts.push(`Actions secret ${secret.name} in ${secret.repo} not written: ${secret.error ?? secret.skipped}`);
    if (result.delivery === 'sealed') parts.push(`replacement ${result.replacementId} sealed to the owner (claim: leakstop registry claim ${result.replacementId} --secret-key FILE)`);
    if (result.delivery === 'claim') parts.push(`replacement ${result.replacementId} reserved (claim: leakstop registry claim ${result.replacementId})`);
  }
  if (result.issueUrl) parts.push(`issue ${result.issueUrl}`);
  if (status.state === 'pending') parts.push(`waiting for ${status.waitingFor}`);
  if (status.state === 'failed') parts.push(`${status.step} failed: ${status.error}`);
  return `  ${parts.join('; ')}`;
}

export function describeResults(results: IncidentResult[]): string {
  if (results.length === 0) return 'No incident to respond to.\n';
  const complete = results.filter((result) => result.status.state === 'complete').length;
  return [`Response: ${complete} of ${results.length} incident(s) complete.`, ...results.map(describeResult)].join('\n') + '\n';
}

/** An incomplete response is a runtime failure the person can resume. */
export function assertComplete(results: IncidentResult[]): void {
  const incomplete = results.filter((result) => result.status.state !== 'complete');
  if (incomplete.length === 0) return;
  throw new GitHubError(
    `${incomplete.length} incident(s) not complete; fix what is said above and run \`leakstop respond --resume\``,
  );
}
