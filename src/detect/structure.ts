// Structures that prove a token's kind offline by decoding it: a candidate that does not decode
// to its kind's structure is "not this kind of token", like a wrong checksum (checksum.ts).
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

/**
 * Whether a secret has the structure of the given kind. A `jwt` is a JWS in compact
 * serialisation (RFC 7515 §7.1, RFC 7519 §3): its header a base64url JSON object naming its
 * `alg` (RFC 7515 §4.1.1: it must be present), its payload a base64url JSON object (the claims
 * set). Random base64url after `eyJ` decodes to no JSON at all.
 */
export function hasValidStructure(kind: StructureKind, secret: string): boolean {
  switch (kind) {
    case 'jwt': {
      const [header, payload] = secret.split('.');
      const decoded = header === undefined ? undefined : jsonObjectSegment(header);
      return typeof decoded?.alg === 'string' && payload !== undefined && jsonObjectSegment(payload) !== undefined;
    }
  }
}
