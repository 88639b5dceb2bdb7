// Zero-downtime rotation, after the registry half of a response: a leaked key whose record
// names an Actions secret as its delivery target gets its replacement minted now and written
// into that secret, so the owner's workflows pick it up without anyone handling the key.
// The plaintext lives only between minting and sealing, in memory.
import type { Logger } from 'pino';
import type { GitHub } from '../respond/github-client.js';
import { mintReplacement } from '../respond/mint-replacement.js';
import type { ResponseSummary } from '../respond/respond-to-findings.js';
import type { Actor, KeyRegistry } from '../types.js';
import { actionsPublicKey, writeActionsSecret } from './write-actions-secret.js';

export interface Rotation {
  keyId: string;
  /** What happened, one line for the check run. */
  note: string;
}

export async function rotateActionsSecrets(
  summary: ResponseSummary,
  registry: KeyRegistry,
  github: GitHub,
  actor: Actor,
  log: Logger,
): Promise<Rotation[]> {
  if (summary.dryRun) return [];
  const rotations: Rotation[] = [];
  for (const result of summary.incidents) {
    const key = await registry.get(result.incident.keyId);
    const target = key?.deliveryTarget;
    if (!key || target?.kind !== 'actions-secret' || !result.replacementId) continue;
    const replacement = await registry.replacement(result.replacementId);
    // Sealed to its owner or claimed already: someone else holds it, and its plaintext is gone.
    if (replacement?.state !== 'reserved') continue;
    let publicKey;
    try {
      publicKey = await actionsPublicKey(github, target);
    } catch (error) {
      // Nothing minted: the replacement stays reserved for its owner to claim.
      rotations.push({ keyId: key.id, note: `${(error as Error).message}; replacement ${replacement.id} is reserved for its owner to claim` });
      continue;
    }
    const minted = await mintReplacement(registry, replacement, undefined, actor);
    if (!minted.won) continue;
    try {
      await writeActionsSecret(github, target, publicKey, minted.plaintext);
      rotations.push({ keyId: key.id, note: `replacement ${replacement.id} written to Actions secret ${target.name} in ${target.repo}` });
    } catch (error) {
      // Minted but undelivered, and its plaintext is gone: the owner needs a new replacement.
      log.error({ key: key.id, err: error }, 'Actions secret rotation failed');
      rotations.push({ keyId: key.id, note: `${(error as Error).message}; revoke ${replacement.id} and issue a new replacement (\`leakstop revoke ${replacement.id} --replace\`)` });
    }
  }
  return rotations;
}
