// The common prefix and suffix of two versions of a text's UTF-16 code units, compared a chunk at a
// time in native code (Buffer.compare), so only the chunk that differs is read unit by unit; and
// where a run of units occurs in another text, by native search.

const CHUNK = 2048;

const bytesOf = (units: Uint16Array): Buffer => Buffer.from(units.buffer, units.byteOffset, units.byteLength);

/** The length of the longest common prefix of a and b. */
export function commonPrefix(a: Uint16Array, b: Uint16Array): number {
  const limit = Math.min(a.length, b.length);
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let at = 0;
  while (at + CHUNK <= limit && x.compare(y, 2 * at, 2 * (at + CHUNK), 2 * at, 2 * (at + CHUNK)) === 0) at += CHUNK;
  while (at < limit && a[at] === b[at]) at++;
  return at;
}

/** The length of the longest common suffix of a and b, at most `limit`. */
export function commonSuffix(a: Uint16Array, b: Uint16Array, limit: number): number {
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let length = 0;
  while (length + CHUNK <= limit && x.compare(y, 2 * (b.length - length - CHUNK), 2 * (b.length - length), 2 * (a.length - length - CHUNK), 2 * (a.length - length)) === 0) length += CHUNK;
  while (length < limit && a[a.length - length - 1] === b[b.length - length - 1]) length++;
  return length;
}

/** Where `needle` first occurs in `haystack`, in code units; -1 if nowhere. */
export function indexOfUnits(haystack: Uint16Array, needle: Uint16Array): number {
  const [bytes, pattern] = [bytesOf(haystack), bytesOf(needle)];
  // A byte search may find the pattern straddling two units: only even offsets are units.
  for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) if (at % 2 === 0) return at / 2;
  return -1;
}
