// The registry half of a response — revoke, replace, deliver. The revocation never waits for
// GitHub; only delivery to an Actions secret talks to it, after the key is revoked.
import { RegistryError } from '../errors.js';
import type { Actor, Incident, KeyRecord, KeyRegistry, ResponseLog, Sighting } from '../types.js';
import type { ActionsSecretWriter } from './actions-secret-writer.js';
import { deliverReplacement, type Delivery } from './deliver-replacement.js';
import { deliverToActionsSecret } from './deliver-to-actions-secret.js';
import { isPublicLeak } from '../public-leak.js';
import { revocationEvent, type OwnerNotifier } from './owner-notifier.js';
import { runStep, type StepResult } from './run-step.js';

/** `leaked in owner/repo@sha:path:line`: the revocation reason the audit log keeps. */
export function revocationReason(repo: string, place: Pick<Sighting, 'commit' | 'path' | 'line'>): string {
  if (isPublicLeak({ repo })) return `found in public by GitHub secret scanning at ${place.path}`;
  return `leaked in ${repo}${place.commit ? `@${place.commit}` : ''}:${place.path}:${place.line}`;
}

/**
 * Runs the key's steps in order; stops at the first that fails (it is retried on resume). A
 * notification that fails stops nothing: it is recorded as failed and sent again on resume.
 */
export async function settleKey(
  registry: KeyRegistry,
  incident: Incident,
  firstSighting: Sighting,
  actor: Actor,
  actionsSecrets?: ActionsSecretWriter,
  notifier?: OwnerNotifier,
): Promise<StepResult> {
  const log = registry.responses;
  const key = await registry.get(incident.keyId);
  if (!key) throw new RegistryError(`key ${incident.keyId} is no longer in the registry: the incident cannot be settled`);
  const reason = revocationReason(incident.repo, firstSighting);
  // Whether the key was revoked before this incident is fixed in the intent the first time,
  // so a resumed step does not mistake its own earlier revocation for someone else's.
  const revoked = await runStep(log, incident.id, 'revoke', { reason, alreadyRevoked: key.status === 'revoked' }, async (step) => {
    if (step.intent.alreadyRevoked) return { outcome: 'already-revoked', at: key.revokedAt, reason: key.revocationReason };
    const after = await registry.revoke(incident.keyId, reason, actor);
    return { outcome: 'revoked', at: after.revokedAt, reason: after.revocationReason };
  });
  if (!revoked.ok) return revoked;

  // A key someone else revoked already has whatever replacement that person decided on.
  const skip = revoked.outcome.outcome === 'already-revoked' ? { skipped: 'the key was already revoked before this incident' } : undefined;
  const replaced = await runStep(log, incident.id, 'replace', {}, async () => skip ?? { keyId: (await registry.reserveReplacement(incident.keyId, actor)).id });
  if (!replaced.ok) return replaced;
  const replacementId = replaced.outcome.keyId as string | undefined;
  // Only a revocation of ours is news; the step's record makes it one event, however often this runs.
  if (notifier && !skip) {
    const event = revocationEvent(incident, firstSighting, key, String(revoked.outcome.at), replacementId);
    await runStep(log, incident.id, 'notify', { eventId: event.id }, async () => {
      await notifier.send(event);
      return { eventId: event.id };
    });
  }
  const target = replacementId && key.deliveryTarget?.kind === 'actions-secret' ? key.deliveryTarget : undefined;
  const intent = { replacementId, ...(target ? { actionsSecret: { repo: target.repo, name: target.name } } : {}) };
  if (target && !actionsSecrets) return awaitActionsSecretWriter(log, incident.id, intent);
  return runStep(log, incident.id, 'deliver', intent, async () =>
    replacementId ? deliver(registry, incident, key, replacementId, actor, actionsSecrets) : (skip ?? { skipped: 'no replacement' }),
  );
}

/**
 * The Actions secret still holds the revoked key, and nothing may write it (no GITHUB_TOKEN): the
 * delivery is begun and left pending — naming the secret in its intent, so the incident says
 * whose workflows now fail — with the replacement kept reserved, so a resume with a token mints
 * it into the secret. Delivering it elsewhere now would lose the plaintext the secret needs.
 */
async function awaitActionsSecretWriter(log: ResponseLog, incidentId: number, intent: Record<string, unknown>): Promise<StepResult> {
  const step = (await log.steps(incidentId)).find((candidate) => candidate.step === 'deliver') ?? (await log.beginStep(incidentId, 'deliver', intent));
  return { ok: true, outcome: step.state === 'done' ? (step.outcome ?? {}) : {} };
}

/** To the Actions secret the key record names (when a writer is given), and to the owner. */
async function deliver(registry: KeyRegistry, incident: Incident, key: KeyRecord, replacementId: string, actor: Actor, actionsSecrets?: ActionsSecretWriter) {
  const target = key.deliveryTarget;
  if (target?.kind !== 'actions-secret' || !actionsSecrets) return { delivery: await deliverReplacement(registry, replacementId, actor) };
  const written = await deliverToActionsSecret(registry, incident.id, replacementId, target, actionsSecrets, actor);
  if (!written.ok) throw written.error;
  const actionsSecret = { repo: target.repo, name: target.name, ...written.outcome };
  const delivery: Delivery = written.outcome.written
    ? written.outcome.sealedToOwner ? 'sealed' : 'actions-secret'
    : await deliverReplacement(registry, replacementId, actor);
  return { delivery, actionsSecret };
}
