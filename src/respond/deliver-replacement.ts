// Delivery: sealed to the owner's public key when the owner registered one, otherwise left
// for the owner to mint at claim time (or, for a key with an Actions secret as its target,
// written there: deliver-to-actions-secret). Either way the plaintext is never stored.
import { RegistryError } from '../errors.js';
import type { Actor, KeyRegistry } from '../types.js';
import { mintReplacement } from './mint-replacement.js';

/** `actions-secret`: written only to the Actions secret (the owner has no public key). */
export type Delivery = 'sealed' | 'claim' | 'actions-secret';

export async function deliverReplacement(registry: KeyRegistry, replacementId: string, actor: Actor): Promise<Exclude<Delivery, 'actions-secret'>> {
  const replacement = await registry.replacement(replacementId);
  if (!replacement) throw new RegistryError(`replacement ${replacementId} is not in the registry`);
  if (replacement.state !== 'reserved') return replacement.sealedAt ? 'sealed' : 'claim';
  const ownerKey = await registry.ownerKey(replacement.owner);
  if (!ownerKey) return 'claim';
  // A lost race means another responder sealed it, or the owner claimed it meanwhile.
  const minted = await mintReplacement(registry, replacement, ownerKey.publicKey, actor);
  if (minted.won) return 'sealed';
  return (await registry.replacement(replacementId))?.sealedAt ? 'sealed' : 'claim';
}
