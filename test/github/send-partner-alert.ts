// Sends a secret-scanning partner alert the way GitHub does: the JSON array of tokens found, the
// signing key's identifier and a base64 ASN.1/DER ECDSA P-256 SHA-256 signature of the exact
// body. The key pair is the test's (`partnerSigningKey`), listed by the emulator's
// `/meta/public_keys/secret_scanning` once `github.addSecretScanningKey` is given it.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export interface ReportedToken {
  token: string;
  type: string;
  url: string;
  source: string;
}

export interface PartnerSigningKey {
  keyIdentifier: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** A fresh P-256 key pair with an identifier shaped like GitHub's (64 hex characters). */
export function partnerSigningKey(): PartnerSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { keyIdentifier: randomBytes(32).toString('hex'), privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function signPartnerBody(key: PartnerSigningKey, body: string | Buffer): string {
  return sign('sha256', Buffer.from(body), { key: key.privateKey, dsaEncoding: 'der' }).toString('base64');
}

export interface PartnerAlertOptions {
  /** Send this body instead of the tokens' JSON (signed as it is, unless `signature` is given). */
  body?: string | Buffer;
  /** Overrides the signature header (`null`: none sent). */
  signature?: string | null;
  /** Overrides the identifier header (`null`: none sent). */
  keyIdentifier?: string | null;
}

/** POSTs the alert to `url`; resolves to the status and the parsed answer (text when not JSON). */
export async function sendPartnerAlert(url: string, key: PartnerSigningKey, tokens: ReportedToken[], options: PartnerAlertOptions = {}): Promise<{ status: number; body: unknown }> {
  const body = options.body ?? JSON.stringify(tokens);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'GitHub-Secret-Scanning' };
  const keyIdentifier = options.keyIdentifier === undefined ? key.keyIdentifier : options.keyIdentifier;
  const signature = options.signature === undefined ? signPartnerBody(key, body) : options.signature;
  if (keyIdentifier !== null) headers['github-public-key-identifier'] = keyIdentifier;
  if (signature !== null) headers['github-public-key-signature'] = signature;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}
