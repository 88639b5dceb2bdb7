// The key of keyed fingerprints. An unsalted SHA-256 of a weak secret (`Summer2024!`) is undone
// by hashing a wordlist; an HMAC under a random key nobody else holds is not, yet it is still
// the same for the same secret on every run, so baselines stay content-based and stable.
import { createHmac, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

const HEX_KEY = /^[0-9a-f]{64}$/i;

export class FingerprintKey {
  readonly #bytes: Buffer;
  /** Names the key without giving it away (an HMAC of a constant): baselines record it. */
  readonly id: string;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
    this.id = this.fingerprint('leakstop fingerprint key id').slice(0, 16);
  }

  /** 32 random bytes, e.g. for a key file written on first need. */
  static random(): FingerprintKey {
    return new FingerprintKey(randomBytes(32));
  }

  /** 64 hex characters; undefined when the text is not that. */
  static fromHex(text: string): FingerprintKey | undefined {
    const hex = text.trim();
    return HEX_KEY.test(hex) ? new FingerprintKey(Buffer.from(hex, 'hex')) : undefined;
  }

  /** Hex HMAC-SHA256 of the text's UTF-8 bytes. */
  fingerprint(text: string): string {
    return createHmac('sha256', this.#bytes).update(text, 'utf8').digest('hex');
  }

  /** The key itself, for its file or a worker thread: never for a report or a log. */
  toHex(): string {
    return this.#bytes.toString('hex');
  }

  toJSON(): string {
    return `FingerprintKey(${this.id})`;
  }

  [inspect.custom](): string {
    return `FingerprintKey(${this.id})`;
  }
}
