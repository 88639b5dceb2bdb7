// Redaction, shared by every output: the only form in which a secret is ever shown.

/** A recognisable vendor prefix: letters/digits ending in `_` or `-`, within the first 12 characters. */
const PREFIX = /^[A-Za-z][A-Za-z0-9]{0,10}(?:[_-][A-Za-z0-9]{1,8})?[_-]/;

/**
 * `sk_live_4eC3…7dc`: the prefix, a few leading and trailing characters of a long body,
 * fewer of a short one, none of a very short one — enough to recognise, never to use.
 */
export function redact(secret: string): string {
  const prefix = secret.length >= 16 ? (PREFIX.exec(secret)?.[0] ?? '') : '';
  const body = secret.slice(prefix.length);
  if (body.length >= 24) return `${prefix}${body.slice(0, 4)}…${body.slice(-3)}`;
  if (body.length >= 12) return `${prefix}${body.slice(0, 2)}…${body.slice(-2)}`;
  return `${prefix}…`;
}
