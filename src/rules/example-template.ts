// Rule examples are templates expanded to fresh random strings at test time, so the
// repository never holds a realistic-looking token (Leakstop scans itself clean).
//
// Syntax, inside any example text:
//   {base62:N} {alnum:N}  N characters of 0-9A-Za-z      {hex:N} {HEX:N}  lower / upper hex
//   {base64:N} {base64url:N} {base32:N} {base58:N} {digits:N} {lower:N} {upper:N} {alpha:N}
//   {crc32:N}      N base62 characters followed by their 6-character CRC32 checksum (GitHub, npm, ours)
//   {badcrc32:N}   the same with a checksum that is certainly wrong
//   {jwt}          a well-formed JWT (header.payload.signature)
//   {b64:TEXT}     TEXT (itself a template) base64-encoded
//   «…»            marks the expected secret inside a positive example; the marks are removed
import { randomBytes } from 'node:crypto';
import { crc32Base62 } from '../detect/checksum.js';
import { ConfigError } from '../errors.js';

const ALPHABETS: Record<string, string> = {
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base58: '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
  digits: '0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
};

/** A random string over an alphabet; every character drawn without modulo bias. */
export function randomString(alphabet: string, length: number): string {
  let out = '';
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** N random base62 characters followed by their CRC32 checksum, as GitHub-style tokens carry. */
export function checksummedBody(length: number): string {
  const random = randomString(ALPHABETS.base62!, length);
  return random + crc32Base62(random);
}

function wrongChecksumBody(length: number): string {
  const random = randomString(ALPHABETS.base62!, length);
  const good = crc32Base62(random);
  const bad = good.slice(0, 5) + (good[5] === '0' ? '1' : '0');
  return random + bad;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function jwt(): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ sub: randomString(ALPHABETS.digits!, 8), iat: 1700000000, role: 'service' }),
  );
  return `${header}.${payload}.${randomString(ALPHABETS.base64url!, 43)}`;
}

const PLACEHOLDER = /\{(b64):((?:[^{}]|\{[^{}]*\})*)\}|\{([A-Za-z0-9]+)(?::(\d+))?\}/g;

/** Expands every placeholder of a template; `«` `»` marks are kept (see expandExample). */
export function expandTemplate(template: string): string {
  return template.replace(PLACEHOLDER, (whole, b64: string | undefined, inner: string | undefined, kind: string | undefined, n: string | undefined) => {
    if (b64) return Buffer.from(expandTemplate(inner ?? '')).toString('base64');
    const length = n === undefined ? NaN : Number(n);
    if (kind === 'jwt') return jwt();
    if (kind === 'crc32' && length > 0) return checksummedBody(length);
    if (kind === 'badcrc32' && length > 0) return wrongChecksumBody(length);
    const alphabet = kind === undefined ? undefined : ALPHABETS[kind];
    if (alphabet && length > 0) return randomString(alphabet, length);
    throw new ConfigError(`unknown example placeholder ${whole} (see src/rules/example-template.ts)`);
  });
}

export interface ExpandedExample {
  text: string;
  /** The secret the rule must report, when the example marks it with «…». */
  secret?: string;
}

/** Expands a positive example, returning the text without marks and the marked secret. */
export function expandExample(template: string): ExpandedExample {
  const expanded = expandTemplate(template);
  const start = expanded.indexOf('«');
  const end = expanded.indexOf('»', start + 1);
  if (start < 0 || end < 0) return { text: expanded.replaceAll('«', '').replaceAll('»', '') };
  const secret = expanded.slice(start + 1, end);
  return { text: expanded.slice(0, start) + secret + expanded.slice(end + 1), secret };
}
