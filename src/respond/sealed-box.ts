// libsodium sealed boxes (X25519 + XSalsa20-Poly1305, anonymous sender): a replacement key
// sealed to its owner's public key can be opened only with the owner's secret key.
import sodium from 'libsodium-wrappers';
import { UsageError } from '../errors.js';
import { Secret } from '../types.js';

const BASE64 = () => sodium.base64_variants.ORIGINAL;

function decodeKey(base64: string, what: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = sodium.from_base64(base64.trim(), BASE64());
  } catch {
    throw new UsageError(`${what} is not base64: expected the 32-byte key that \`leakstop registry owner keygen\` writes`);
  }
  if (bytes.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new UsageError(`${what} has ${bytes.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}: expected an X25519 key as \`leakstop registry owner keygen\` writes`);
  }
  return bytes;
}

/** Checks a public key (base64) and returns it normalised. */
export async function parsePublicKey(base64: string): Promise<string> {
  await sodium.ready;
  return sodium.to_base64(decodeKey(base64, 'the public key'), BASE64());
}

/** Seals the plaintext to the public key; returns the box, base64. */
export async function sealTo(publicKeyBase64: string, plaintext: Secret): Promise<string> {
  await sodium.ready;
  return sodium.to_base64(sodium.crypto_box_seal(plaintext.reveal(), decodeKey(publicKeyBase64, 'the owner public key')), BASE64());
}

/** Opens a box sealed to the key pair of this secret key. A wrong key is a usage error, not a crash. */
export async function openSealed(boxBase64: string, secretKeyBase64: string): Promise<Secret> {
  await sodium.ready;
  const secretKey = decodeKey(secretKeyBase64, 'the secret key file');
  try {
    const box = sodium.from_base64(boxBase64, BASE64());
    return new Secret(sodium.to_string(sodium.crypto_box_seal_open(box, sodium.crypto_scalarmult_base(secretKey), secretKey)));
  } catch {
    throw new UsageError("the secret key does not open this replacement: use the secret key that matches the owner's registered public key");
  }
}

/** A new owner key pair, base64. */
export async function generateOwnerKeyPair(): Promise<{ publicKey: string; secretKey: string }> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  return { publicKey: sodium.to_base64(pair.publicKey, BASE64()), secretKey: sodium.to_base64(pair.privateKey, BASE64()) };
}
