// The dry run: what a response would do for each leaked key, from the registry and the
// response log as they are. Reads only.
import type { Finding, KeyRegistry } from '../types.js';
import { unreportedSightings } from './incident-state.js';
import { isGitHubRepo, type ResponderOptions } from './respond-to-incidents.js';
import { revocationReason } from './settle-key.js';

export interface PlannedResponse {
  keyId: string;
  repo: string;
  secretRedacted: string;
  /** Where it was first seen in this scan: `repo@sha:path:line`. */
  where: string;
  sightings: number;
  actions: string[];
}

type Hit = { finding: Finding; repo: string; keyId: string };

async function actionsFor(registry: KeyRegistry, hit: Hit, options: Pick<ResponderOptions, 'github' | 'securityRepo' | 'incidentRepo' | 'actionsSecrets'>): Promise<string[]> {
  const key = await registry.get(hit.keyId);
  if (!key) return [`nothing: key ${hit.keyId} is no longer in the registry`];
  const incident = await registry.responses.findIncident(hit.repo, hit.keyId);
  const steps = incident ? await registry.responses.steps(incident.id) : [];
  const done = (name: string) => steps.find((step) => step.step === name && step.state === 'done');
  const actions: string[] = [];
  const revokedBefore = done('revoke')?.outcome?.outcome === 'already-revoked' || (!done('revoke') && key.status === 'revoked');
  if (done('revoke')) actions.push('revocation already recorded');
  else actions.push(key.status === 'revoked' ? 'record the incident: the key is already revoked, so it is not revoked again' : `revoke the key (reason: "${revocationReason(hit.repo, hit.finding)}")`);
  if (revokedBefore) actions.push('no replacement: the key was revoked before, by someone who decided on its replacement');
  else if (done('replace')) actions.push(`replacement ${String(done('replace')!.outcome?.keyId)} already reserved`);
  else actions.push(`reserve a replacement with the same owner (${key.owner}), label (${key.label}), environment and restrictions`);
  if (!revokedBefore && !done('deliver')) {
    const sealed = Boolean(await registry.ownerKey(key.owner));
    const target = key.deliveryTarget;
    if (target?.kind === 'actions-secret' && options.actionsSecrets) {
      actions.push(`mint it, write it to the Actions secret ${target.name} in ${target.repo}${sealed ? " and seal it to the owner's public key" : ''}`);
    } else if (target?.kind === 'actions-secret') {
      actions.push(`leave the Actions secret ${target.name} in ${target.repo} holding the revoked key — its workflows fail — ` +
        'and keep the replacement for it until `leakstop respond --resume` with GITHUB_TOKEN set writes it there (needs GITHUB_TOKEN)');
    } else {
      actions.push(sealed ? "mint it and seal it to the owner's public key" : 'leave it to be minted when claimed (`leakstop registry claim ID`), shown once');
    }
  }
  const gitHubNote = options.github ? '' : ' (needs GITHUB_TOKEN)';
  if (!isGitHubRepo(hit.repo)) actions.push('no incident issue: not a GitHub repository (use --github-repo OWNER/NAME)');
  else if (done('issue')) {
    const sightings = incident ? await registry.responses.sightings(incident.id) : [];
    const isNewPlace = !sightings.some((seen) => seen.commit === hit.finding.commit && seen.path === hit.finding.path && seen.line === hit.finding.line);
    const pending = unreportedSightings(steps, sightings).length + (isNewPlace ? 1 : 0);
    actions.push(pending > 0 ? `comment on ${String(done('issue')!.outcome?.url)} about the new sighting(s)${gitHubNote}` : `nothing more: incident issue ${String(done('issue')!.outcome?.url)} exists`);
  } else {
    const where = options.incidentRepo ?? (options.securityRepo ? `${hit.repo} (or ${options.securityRepo}, if ${hit.repo} is public)` : hit.repo);
    actions.push(`open an incident issue in ${where} labelled security and leaked-secret${gitHubNote}`);
  }
  return actions;
}

export async function planResponse(hits: Hit[], options: Pick<ResponderOptions, 'registry' | 'github' | 'securityRepo' | 'incidentRepo' | 'actionsSecrets'>): Promise<PlannedResponse[]> {
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) {
    const id = `${hit.repo}\0${hit.keyId}`;
    groups.set(id, [...(groups.get(id) ?? []), hit]);
  }
  const plans: PlannedResponse[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    plans.push({
      keyId: first.keyId,
      repo: first.repo,
      secretRedacted: first.finding.secretRedacted,
      where: revocationReason(first.repo, first.finding).replace(/^leaked in /, ''),
      sightings: new Set(group.map(({ finding }) => `${finding.commit ?? ''}\0${finding.path}\0${finding.line}`)).size,
      actions: await actionsFor(options.registry, first, options),
    });
  }
  return plans;
}
