// Turning bytes into scannable text, or saying why not: the one place that decides
// what counts as binary or too large, for files, staged blobs and stdin alike.
import { isAscii } from 'node:buffer';
import path from 'node:path';
import binaryExtensions from 'binary-extensions';

const BINARY_EXTENSIONS = new Set(binaryExtensions.map((extension) => `.${extension}`));
/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary (unless it is UTF-16). */
const SNIFF_BYTES = 8000;
/** Tab, line feed, form feed, carriage return: the control codes text holds. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

export type TextOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'large'; size: number };

/** `binary`: NUL bytes that are not UTF-16 (git's own test for binary). */
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';

export function hasBinaryExtension(file: string): boolean {
  return BINARY_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/**
 * UTF-16 is told by its byte-order mark, or without one by its NUL bytes: in mostly-ASCII
 * UTF-16 text one byte of each pair is zero, always the same one, and the other almost never;
 * and its characters are text, not control codes. Windows tools (PowerShell's `>`, regedit,
 * many .NET apps) write such files.
 */
function detectEncoding(bytes: Uint8Array): Encoding {
  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  // Most files have no NUL at all: found by one native search, without a look at the pairs.
  if (!sniffed.includes(0)) {
    // UTF-16 without a NUL has no ASCII, not even a line feed: a "BOM" before ASCII lines is a coincidence.
    return bom && !sniffed.includes(0x0a) ? bom : 'utf-8';
  }
  const pairs = Math.floor(sniffed.byteLength / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (sniffed[2 * pair] === 0) zeroEven++;
    if (sniffed[2 * pair + 1] === 0) zeroOdd++;
  }
  const mostly = (count: number): boolean => count >= pairs * 0.5;
  const hardly = (count: number): boolean => count <= pairs * 0.02;
  const candidate = bom ?? (mostly(zeroOdd) && hardly(zeroEven) ? 'utf-16le' : mostly(zeroEven) && hardly(zeroOdd) ? 'utf-16be' : undefined);
  if (!candidate) return 'binary';
  const high = candidate === 'utf-16le' ? 1 : 0;
  let controls = 0;
  for (let pair = 0; pair < pairs; pair++) {
    const unit = (sniffed[2 * pair + high]! << 8) | sniffed[2 * pair + 1 - high]!;
    if (unit < 0x20 && !TEXT_CONTROLS.has(unit)) controls++;
  }
  return hardly(controls) ? candidate : 'binary';
}

const UTF8_BLOCK = 16 * 1024;

/**
 * UTF-8 decoding where ASCII bytes are copied rather than decoded: the same string at about half
 * the cost, block by block, as most source files are ASCII but for a few characters (lodash.js:
 * 7 bytes of 546 KB). Blocks end before a character's first byte, so none is cut in two.
 */
function decodeUtf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  const parts: string[] = [];
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(bytes.length, start + UTF8_BLOCK);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end++;
    parts.push(bytes.toString(isAscii(bytes.subarray(start, end)) ? 'latin1' : 'utf8', start, end));
    start = end;
  }
  return parts.join('');
}

/** Invalid input becomes U+FFFD, so positions stay stable and nothing throws; a UTF-16 BOM is dropped. */
function decode(bytes: Uint8Array, encoding: Exclude<Encoding, 'binary'>): string {
  if (encoding === 'utf-8') return decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return new TextDecoder(encoding).decode(bytes);
}

/** Text as best it can be read, binary or not (stdin, and secrets cut back out of cached blobs). */
export function decodeText(bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  return decode(bytes, encoding === 'binary' ? 'utf-8' : encoding);
}

export function toText(bytes: Uint8Array, maxSize: number): TextOutcome {
  if (bytes.byteLength > maxSize) return { kind: 'large', size: bytes.byteLength };
  const encoding = detectEncoding(bytes);
  if (encoding === 'binary') return { kind: 'binary' };
  return { kind: 'text', text: decode(bytes, encoding) };
}
