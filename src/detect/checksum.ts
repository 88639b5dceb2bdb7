// Checksums that prove a token's shape offline: a wrong checksum means "not this kind of token".
import type { ChecksumKind } from '../types.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC32 of `text`, base62-encoded (0-9A-Za-z) and zero-padded to 6 characters. */
export function crc32Base62(text: string): string {
  let value = crc32(text);
  let out = '';
  while (value > 0) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out.padStart(6, '0');
}

/**
 * Whether a secret carries a valid checksum of the given kind. For `crc32-base62` the last
 * six characters must be the checksum of the random part: the characters between the last
 * `_` (the end of the prefix) and the checksum.
 */
export function hasValidChecksum(kind: ChecksumKind, secret: string): boolean {
  switch (kind) {
    case 'crc32-base62': {
      const body = secret.slice(secret.lastIndexOf('_') + 1);
      if (body.length <= 6) return false;
      return crc32Base62(body.slice(0, -6)) === body.slice(-6);
    }
  }
}
