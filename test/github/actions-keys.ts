// Actions secrets are sealed (libsodium `crypto_box_seal`) to a per-repository X25519 key;
// the emulator holds the secret half so tests can open what was written.
import { randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { ActionsKeyRecord, EmulatorState, RepoRecord } from './state.js';

export async function sodiumReady(): Promise<typeof sodium> {
  await sodium.ready;
  return sodium;
}

/** The repository's key pair, made on first use. */
export function actionsKeyOf(state: EmulatorState, repo: RepoRecord): ActionsKeyRecord {
  let key = state.actionsKeys.get(repo.id);
  if (!key) {
    const pair = sodium.crypto_box_keypair();
    key = {
      keyId: `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`,
      publicKey: pair.publicKey,
      secretKey: pair.privateKey,
    };
    state.actionsKeys.set(repo.id, key);
  }
  return key;
}

export function toBase64(bytes: Uint8Array): string {
  return sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
}

/** The plaintext of a base64 sealed box, or undefined when this key cannot open it. */
export function openSealedBase64(encrypted: string, key: ActionsKeyRecord): string | undefined {
  try {
    const sealed = sodium.from_base64(encrypted, sodium.base64_variants.ORIGINAL);
    return sodium.to_string(sodium.crypto_box_seal_open(sealed, key.publicKey, key.secretKey));
  } catch {
    return undefined;
  }
}
