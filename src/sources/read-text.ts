// Turning bytes into scannable text, or saying why not: the one place that decides
// what counts as binary or too large, for files, staged blobs and stdin alike.
import path from 'node:path';
import binaryExtensions from 'binary-extensions';

const BINARY_EXTENSIONS = new Set(binaryExtensions.map((extension) => `.${extension}`));
/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
const SNIFF_BYTES = 8000;

export type TextOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'large'; size: number };

export function hasBinaryExtension(file: string): boolean {
  return BINARY_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Invalid UTF-8 becomes U+FFFD, so positions stay stable and nothing throws. */
export function decodeText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

export function toText(bytes: Uint8Array, maxSize: number): TextOutcome {
  if (bytes.byteLength > maxSize) return { kind: 'large', size: bytes.byteLength };
  if (isBinary(bytes)) return { kind: 'binary' };
  return { kind: 'text', text: decodeText(bytes) };
}
