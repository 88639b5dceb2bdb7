// Installation tokens shared through the queue's store are sealed: AES-256-GCM under a key
// derived (HKDF-SHA256) from the GitHub App's private key, which every worker holds and the
// database does not — a copy of the queue's tables opens no token. The cache key is the
// associated data, so a sealed token moved to another installation's row does not open.
import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'leakstop installation-token cache v1';
const VERSION = 'v1';

export class TokenSeal {
  readonly #key: Buffer;

  constructor(privateKeyPem: string) {
    const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    this.#key = Buffer.from(hkdfSync('sha256', der, 'leakstop', INFO, 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv).setAAD(Buffer.from(context));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), sealed.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
  }

  /** Undefined when it does not open: sealed under another app key (rotated) or altered. */
  open(sealed: string, context: string): string | undefined {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || !body || !tag) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64')).setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
