// What a report shows of a secret's identity. The raw SHA-256 only where the registry needs it —
// a key of ours, or a string of a registered shape (random keys, which no wordlist holds) —
// because a dictionary undoes it for a weak secret; everywhere else the keyed fingerprint.
import { fromRegistryShape } from '../registry/match-registry.js';
import type { Finding } from '../types.js';

export interface SecretIdentity {
  secretHash?: string;
  secretFingerprint: string;
}

export function secretIdentity(finding: Finding): SecretIdentity {
  const registered = finding.registry.match || fromRegistryShape(finding);
  return registered ? { secretHash: finding.secretHash, secretFingerprint: finding.secretFingerprint } : { secretFingerprint: finding.secretFingerprint };
}

/** `sha256 3f2a…` or `fingerprint 9c1e…`: twelve hex digits, enough to tell findings apart. */
export function shortSecretIdentity(finding: Finding): { label: 'sha256' | 'fingerprint'; prefix: string } {
  const { secretHash } = secretIdentity(finding);
  return secretHash ? { label: 'sha256', prefix: `${secretHash.slice(0, 12)}…` } : { label: 'fingerprint', prefix: `${finding.secretFingerprint.slice(0, 12)}…` };
}
