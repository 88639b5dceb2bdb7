// The common prefix and suffix of two versions of a text's UTF-16 code units, compared a chunk at a
// time in native code (Buffer.compare), in smaller chunks within the one that differs, so only a few
// units are read one by one; and where a run of units occurs in another text, by native search.

/** Chunk sizes in turn: reading the last 2,048 units one by one cost more than the native compares did. */
const CHUNKS = [2048, 128, 8];

const bytesOf = (units: Uint16Array): Buffer => Buffer.from(units.buffer, units.byteOffset, units.byteLength);

/** The length of the longest common prefix of a and b. */
export function commonPrefix(a: Uint16Array, b: Uint16Array): number {
  const limit = Math.min(a.length, b.length);
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let at = 0;
  for (const chunk of CHUNKS) {
    while (at + chunk <= limit && x.compare(y, 2 * at, 2 * (at + chunk), 2 * at, 2 * (at + chunk)) === 0) at += chunk;
  }
  while (at < limit && a[at] === b[at]) at++;
  return at;
}

/** The length of the longest common suffix of a and b, at most `limit`. */
export function commonSuffix(a: Uint16Array, b: Uint16Array, limit: number): number {
  const [x, y] = [bytesOf(a), bytesOf(b)];
  let length = 0;
  for (const chunk of CHUNKS) {
    while (length + chunk <= limit && x.compare(y, 2 * (b.length - length - chunk), 2 * (b.length - length), 2 * (a.length - length - chunk), 2 * (a.length - length)) === 0) length += chunk;
  }
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
