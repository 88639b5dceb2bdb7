// The registry's hashes in memory, so a lookup costs no query: every registered key's SHA-256
// as eight 32-bit words in one typed array, and an open-addressing table of positions into it.
// A million keys take 32 MB of digests and 8 MB of table, against ~150 MB for a Set of hex
// strings. A lookup reads the hex hash a word at a time, allocating nothing.
const WORDS = 8;

/** Hex digit values by character code; -1 for anything else. */
const HEX = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) {
    values['0123456789abcdef'.charCodeAt(i)] = i;
    values['0123456789ABCDEF'.charCodeAt(i)] = i;
  }
  return values;
})();

/** The 32-bit word at hex[8w, 8w+8), or -1 when one of its characters is not a hex digit. */
function hexWord(hex: string, w: number): number {
  let value = 0;
  for (let i = w * 8; i < w * 8 + 8; i++) {
    const code = hex.charCodeAt(i);
    const digit = code < 128 ? HEX[code]! : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function powerOfTwoAtLeast(n: number): number {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}

export class HashIndex {
  #words: Uint32Array;
  #count = 0;
  /** Position + 1 of a digest in #words; 0 is an empty slot. Kept at most half full. */
  #slots: Int32Array;
  #mask: number;
  readonly #scratch = new Uint32Array(WORDS);

  constructor(expected = 0) {
    this.#words = new Uint32Array(Math.max(1024, expected) * WORDS);
    this.#slots = new Int32Array(powerOfTwoAtLeast(expected * 2));
    this.#mask = this.#slots.length - 1;
  }

  get size(): number {
    return this.#count;
  }

  /** Memory held: the digests and the slot table. */
  get byteLength(): number {
    return this.#words.byteLength + this.#slots.byteLength;
  }

  /** Adds a 32-byte digest (a no-op when it is there already). */
  add(digest: Uint8Array): void {
    if (digest.length !== WORDS * 4) throw new Error(`a SHA-256 digest has 32 bytes, not ${digest.length}`);
    const words = this.#scratch;
    for (let w = 0, i = 0; w < WORDS; w++, i += 4) words[w] = ((digest[i]! << 24) | (digest[i + 1]! << 16) | (digest[i + 2]! << 8) | digest[i + 3]!) >>> 0;
    if (this.#holds(words)) return;
    if ((this.#count + 1) * WORDS > this.#words.length) {
      const grown = new Uint32Array(this.#words.length * 2);
      grown.set(this.#words);
      this.#words = grown;
    }
    if ((this.#count + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    this.#words.set(words, this.#count * WORDS);
    this.#count++;
    this.#place(this.#count);
  }

  #holds(words: Uint32Array): boolean {
    for (let slot = words[0]! & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return false;
      const at = (entry - 1) * WORDS;
      let same = true;
      for (let w = 0; w < WORDS && same; w++) same = this.#words[at + w] === words[w];
      if (same) return true;
    }
  }

  /** Whether the hex SHA-256 (either case) is registered. */
  has(hexHash: string): boolean {
    if (hexHash.length !== WORDS * 8) return false;
    const first = hexWord(hexHash, 0);
    if (first < 0) return false;
    // SHA-256 is uniform, so its first word is a good slot.
    for (let slot = first & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return false;
      const at = (entry - 1) * WORDS;
      if (this.#words[at] === first && this.#sameRest(hexHash, at)) return true;
    }
  }

  #sameRest(hex: string, at: number): boolean {
    for (let w = 1; w < WORDS; w++) if (this.#words[at + w] !== hexWord(hex, w)) return false;
    return true;
  }

  #place(entry: number): void {
    let slot = this.#words[(entry - 1) * WORDS]! & this.#mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & this.#mask;
    this.#slots[slot] = entry;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (let entry = 1; entry <= this.#count; entry++) this.#place(entry);
  }
}
