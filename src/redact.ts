// Redaction, shared by every output: the only form in which a secret is ever shown.
import { hasValidChecksum } from './detect/checksum.js';

/** A recognisable vendor prefix: letters/digits ending in `_` or `-`, within the first 12 characters. */
const PREFIX = /^[A-Za-z][A-Za-z0-9]{0,10}(?:[_-][A-Za-z0-9]{1,8})?[_-]/;

/**
 * `lk_live_…a1B2`: the one form of a key of ours, in every command — made from its registry
 * record (prefix and last four) or from the key itself. The last four are characters of the
 * key's checksum, so none of its random part shows.
 */
export function keyHint(key: { prefix: string; lastFour: string }): string {
  return `${key.prefix}…${key.lastFour || '????'}`;
}

/**
 * `sk_live_4eC3…7dc`: the prefix, a few leading and trailing characters of a long body,
 * fewer of a short one, none of a very short one — enough to recognise, never to use. A key
 * that ends in its own checksum (ours, GitHub's, npm's) shows as its prefix and last four.
 */
export function redact(secret: string): string {
  const end = secret.lastIndexOf('_') + 1;
  if (end > 0 && secret.length - end >= 16 && hasValidChecksum('crc32-base62', secret)) {
    return keyHint({ prefix: secret.slice(0, end), lastFour: secret.slice(-4) });
  }
  const prefix = secret.length >= 16 ? (PREFIX.exec(secret)?.[0] ?? '') : '';
  const body = secret.slice(prefix.length);
  if (body.length >= 24) return `${prefix}${body.slice(0, 4)}…${body.slice(-3)}`;
  if (body.length >= 12) return `${prefix}${body.slice(0, 2)}…${body.slice(-2)}`;
  return `${prefix}…`;
}
