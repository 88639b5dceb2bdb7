// Delivery: sealed to the owner's public key when the owner registered one, otherwise left
// for the owner to mint at claim time. Either way the plaintext is never stored.
import { RegistryError } from '../errors.js';
import type { Actor, KeyRegistry } from '../types.js';
import { mintReplacement } from './mint-replacement.js';

export type Delivery = 'sealed' | 'claim';

export async function deliverReplacement(registry: KeyRegistry, replacementId: string, actor: Actor): Promise<Delivery> {
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
