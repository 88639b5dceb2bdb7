// Minting a reserved replacement: the new key is generated in memory, stored as its hash only,
// and either sealed to the owner's public key or handed back once to whoever claims it.
import { secretHash } from '../detect/secret-hash.js';
import { RegistryError } from '../errors.js';
import { generateKey } from '../registry/key-format.js';
import type { Actor, KeyRegistry, Replacement, Secret } from '../types.js';
import { sealTo } from './sealed-box.js';

export type Minted = { won: true; plaintext: Secret } | { won: false };

/**
 * Mints the replacement with the leaked key's prefix. Only one minting of a reservation wins
 * (the registry completes it conditionally); a loser's key is dropped unused and unstored.
 */
export async function mintReplacement(registry: KeyRegistry, replacement: Replacement, sealToPublicKey: string | undefined, actor: Actor): Promise<Minted> {
  const original = await registry.get(replacement.replaces);
  if (!original) throw new RegistryError(`key ${replacement.replaces}, which ${replacement.id} replaces, is no longer in the registry`);
  const plaintext = generateKey(original.prefix);
  const sealedBox = sealToPublicKey ? await sealTo(sealToPublicKey, plaintext) : undefined;
  const won = await registry.completeReplacement(
    replacement.id,
    { hash: secretHash(plaintext.reveal()), lastFour: plaintext.reveal().slice(-4) },
    sealedBox,
    actor,
  );
  return won ? { won: true, plaintext } : { won: false };
}
