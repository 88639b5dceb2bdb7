// Minting a reserved replacement: the new key is generated in memory, stored as its hash only,
// and either sealed to the owner's public key or handed back once to whoever claims it.
import { secretHash } from '../detect/secret-hash.js';
import { RegistryError } from '../errors.js';
import { generateKey } from '../registry/key-format.js';
import type { Actor, KeyRegistry, Replacement, Secret } from '../types.js';
import { sealTo } from './sealed-box.js';

export type Minted = { won: true; plaintext: Secret } | { won: false };

/** A replacement key made in memory: what the registry keeps of it, and its plaintext for delivery. */
export interface NewKey {
  plaintext: Secret;
  record: { hash: string; lastFour: string };
  /** The plaintext sealed to the owner's public key, when one was given. */
  sealedBox?: string;
}

/** Generates the replacement with the leaked key's prefix; nothing is stored yet. */
export async function newReplacementKey(registry: KeyRegistry, replacement: Replacement, sealToPublicKey: string | undefined): Promise<NewKey> {
  const original = await registry.get(replacement.replaces);
  if (!original) throw new RegistryError(`key ${replacement.replaces}, which ${replacement.id} replaces, is no longer in the registry`);
  const plaintext = generateKey(original.prefix);
  const record = { hash: secretHash(plaintext.reveal()), lastFour: plaintext.reveal().slice(-4) };
  return sealToPublicKey ? { plaintext, record, sealedBox: await sealTo(sealToPublicKey, plaintext) } : { plaintext, record };
}

/**
 * Mints the replacement. Only one minting of a reservation wins (the registry completes it
 * conditionally); a loser's key is dropped unused and unstored.
 */
export async function mintReplacement(registry: KeyRegistry, replacement: Replacement, sealToPublicKey: string | undefined, actor: Actor): Promise<Minted> {
  const key = await newReplacementKey(registry, replacement, sealToPublicKey);
  const won = await registry.completeReplacement(replacement.id, key.record, key.sealedBox, actor);
  return won ? { won: true, plaintext: key.plaintext } : { won: false };
}
