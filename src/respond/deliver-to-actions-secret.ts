// Zero-downtime rotation: a leaked key whose record names an Actions secret gets its
// replacement minted once and written there, so the owner's workflows keep working, and
// sealed to the owner too when the owner registered a public key.
//
// Exactly once without storing the plaintext: the new key is made in memory and sealed, to the
// repository's Actions key and to the owner's; only those boxes (which GitHub, resp. the owner,
// alone can open) and the hash are written as the step's intent, before anything else. The
// plaintext is then dropped. A resumed step mints from the intent (if it had not) and PUTs the
// same box again, which GitHub treats as the same write.
import { GitHubError, RegistryError } from '../errors.js';
import type { Actor, KeyRegistry, Replacement } from '../types.js';
import type { ActionsPublicKey, ActionsSecretTarget, ActionsSecretWriter } from './actions-secret-writer.js';
import { newReplacementKey } from './mint-replacement.js';
import { runStep, type StepResult } from './run-step.js';
import { sealTo } from './sealed-box.js';

interface SealedIntent {
  hash: string;
  lastFour: string;
  ownerSealedBox?: string;
  keyId: string;
  encryptedValue: string;
}

async function sealedIntent(registry: KeyRegistry, replacement: Replacement, actionsKey: ActionsPublicKey): Promise<SealedIntent> {
  const ownerKey = await registry.ownerKey(replacement.owner);
  const key = await newReplacementKey(registry, replacement, ownerKey?.publicKey);
  return {
    ...key.record,
    ...(key.sealedBox ? { ownerSealedBox: key.sealedBox } : {}),
    keyId: actionsKey.keyId,
    encryptedValue: await sealTo(actionsKey.key, key.plaintext),
  };
}

/**
 * The `actions-secret` step. Its outcome is `{ written: true, sealedToOwner }`, or `{ skipped }`
 * when the owner claimed the replacement first, or `{ error }` when GitHub refused the secret
 * before anything was minted (the replacement then goes to its owner as usual).
 */
export async function deliverToActionsSecret(
  registry: KeyRegistry,
  incidentId: number,
  replacementId: string,
  target: ActionsSecretTarget,
  writer: ActionsSecretWriter,
  actor: Actor,
): Promise<StepResult> {
  const log = registry.responses;
  let intent = (await log.steps(incidentId)).find((step) => step.step === 'actions-secret')?.intent;
  if (!intent) {
    const replacement = await registry.replacement(replacementId);
    if (!replacement) throw new RegistryError(`replacement ${replacementId} is not in the registry`);
    if (replacement.state !== 'reserved') return { ok: true, outcome: { skipped: 'the replacement was minted before it could be written' } };
    let actionsKey: ActionsPublicKey;
    try {
      actionsKey = await writer.publicKey(target);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      return { ok: true, outcome: { error: error.message } };
    }
    intent = { ...(await sealedIntent(registry, replacement, actionsKey)) };
  }
  return runStep(log, incidentId, 'actions-secret', intent, async (step) => {
    const sealed = step.intent as unknown as SealedIntent;
    // A no-op when an earlier attempt minted it; a lost race means the owner claimed it first.
    await registry.completeReplacement(replacementId, { hash: sealed.hash, lastFour: sealed.lastFour }, sealed.ownerSealedBox, actor);
    if ((await registry.get(replacementId))?.hash !== sealed.hash) return { skipped: 'its owner claimed the replacement first' };
    await writer.write(target, { keyId: sealed.keyId, encryptedValue: sealed.encryptedValue });
    return { written: true, sealedToOwner: sealed.ownerSealedBox !== undefined };
  });
}
