// The format of the keys we issue: `<prefix><43 random base62 characters><6-character CRC32>`.
// 43 base62 characters carry 256 bits from crypto.randomBytes; the checksum (like GitHub's
// tokens) lets any scanner recognise our keys offline with no false positive.
import { RegistryError } from '../errors.js';
import { checksummedBody, randomString } from '../rules/example-template.js';
import type { KeyEnvironment, KeyShape } from '../types.js';
import { Secret } from '../types.js';

/** log2(62^43) ≈ 256.03 bits. */
export const RANDOM_LENGTH = 43;
export const CHECKSUM_LENGTH = 6;

export const DEFAULT_PREFIXES: Readonly<Record<KeyEnvironment, string>> = { live: 'lk_live_', test: 'lk_test_' };

/** Letters and digits in `_`-separated words, ending in `_`: the checksum is read after the last `_`. */
const PREFIX = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_$/;
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;

export function checkPrefix(environment: string, prefix: string): void {
  if (!ENVIRONMENT.test(environment)) {
    throw new RegistryError(`environment "${environment}" must be lower-case letters, digits and "-", e.g. live or staging`);
  }
  if (!PREFIX.test(prefix) || prefix.length > 24) {
    throw new RegistryError(`key prefix "${prefix}" must be letters and digits in words ending in "_", e.g. lk_${environment}_`);
  }
}

/** A new key with the given prefix; its plaintext exists only in the returned Secret. */
export function generateKey(prefix: string): Secret {
  return new Secret(prefix + checksummedBody(RANDOM_LENGTH));
}

/** The shape of keys generated with this prefix (legacy prefixes without a final `_` carry no readable checksum). */
export function issuedKeyShape(prefix: string): KeyShape {
  const shape: KeyShape = { prefix, bodyLength: RANDOM_LENGTH + CHECKSUM_LENGTH, alphabet: 'base62' };
  if (prefix.endsWith('_')) shape.checksum = 'crc32-base62';
  return shape;
}

/**
 * `key_`, the time in base 36 and 10 random base-36 characters: an id to name a key by, never a
 * secret. Ids in creation order keep inserts at the end of the id index, even a million at once.
 */
export function newKeyId(): string {
  return `key_${Date.now().toString(36)}${randomString('0123456789abcdefghijklmnopqrstuvwxyz', 10)}`;
}
