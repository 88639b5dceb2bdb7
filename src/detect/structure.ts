// Structures that prove a token's kind offline by decoding it: a candidate that does not decode
// to its kind's structure is "not this kind of token", like a wrong checksum (checksum.ts).
// Decoding also shows what the token carries, which the placeholder filter judges instead of
// the encoding: base64 of `client:1234567890abcdef` hides the counting from it.
import type { StructureKind } from '../types.js';

/** A base64url segment decoded and parsed as a JSON object, else undefined. */
function jsonObjectSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Printable text, as user ids and passwords are (RFC 7617 §2: no control characters). */
const PRINTABLE = /^[^\p{Cc}\uFFFD]+$/u;

/**
 * What a secret of the given kind carries when it has the kind's structure, else undefined.
 *
 * A `jwt` is a JWS in compact serialisation (RFC 7515 §7.1, RFC 7519 §3): its header a
 * base64url JSON object naming its `alg` (RFC 7515 §4.1.1: it must be present), its payload a
 * base64url JSON object (the claims set). Random base64url after `eyJ` decodes to no JSON at
 * all. It carries itself.
 *
 * `basic-credentials` are base64 of `user-id:password` (RFC 7617 §2), printable text; they
 * carry the password, or the user id when the password is empty (`apikey:`).
 */
export function structuredValue(kind: StructureKind, secret: string): string | undefined {
  switch (kind) {
    case 'jwt': {
      const [header, payload] = secret.split('.');
      const decoded = header === undefined ? undefined : jsonObjectSegment(header);
      return typeof decoded?.alg === 'string' && payload !== undefined && jsonObjectSegment(payload) !== undefined ? secret : undefined;
    }
    case 'basic-credentials': {
      const text = Buffer.from(secret, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon < 0 || !PRINTABLE.test(text)) return undefined;
      const password = text.slice(colon + 1);
      return password !== '' ? password : text.slice(0, colon) || undefined;
    }
  }
}
