// The registry's hashes in memory, so a lookup costs no query: every registered key's 32-byte
// SHA-256 in one buffer and an open-addressing table of positions into it. A million keys take
// 32 MB of digests and 8 MB of table, against ~150 MB for a Set of hex strings.
const DIGEST = 32;

function powerOfTwoAtLeast(n: number): number {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}

export class HashIndex {
  #digests: Buffer;
  #count = 0;
  /** Position + 1 of a digest in #digests; 0 is an empty slot. Kept at most half full. */
  #slots: Int32Array;
  #mask: number;
  /** The hex hash being looked up, decoded without allocating. */
  readonly #probe = Buffer.alloc(DIGEST);

  constructor(expected = 0) {
    this.#digests = Buffer.alloc(Math.max(1024, expected) * DIGEST);
    this.#slots = new Int32Array(powerOfTwoAtLeast(expected * 2));
    this.#mask = this.#slots.length - 1;
  }

  get size(): number {
    return this.#count;
  }

  /** Memory held: the digests and the slot table. */
  get byteLength(): number {
    return this.#digests.byteLength + this.#slots.byteLength;
  }

  add(digest: Uint8Array): void {
    if (digest.length !== DIGEST) throw new Error(`a SHA-256 digest has ${DIGEST} bytes, not ${digest.length}`);
    if (this.#find(digest) >= 0) return;
    if ((this.#count + 1) * DIGEST > this.#digests.byteLength) {
      const grown = Buffer.alloc(this.#digests.byteLength * 2);
      this.#digests.copy(grown);
      this.#digests = grown;
    }
    if ((this.#count + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    this.#digests.set(digest, this.#count * DIGEST);
    this.#count++;
    this.#place(this.#count);
  }

  /** Whether the hex SHA-256 is registered. */
  has(hexHash: string): boolean {
    if (hexHash.length !== DIGEST * 2 || this.#probe.write(hexHash, 'hex') !== DIGEST) return false;
    return this.#find(this.#probe) >= 0;
  }

  /** The slot holding the digest, or -1. SHA-256 is uniform, so its first bytes are the slot. */
  #find(digest: Uint8Array): number {
    const view = Buffer.isBuffer(digest) ? digest : Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength);
    const second = view.readUInt32LE(4);
    for (let slot = view.readUInt32LE(0) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) return -1;
      const at = (entry - 1) * DIGEST;
      // The next four bytes rule out almost every collision before the full comparison.
      if (this.#digests.readUInt32LE(at + 4) === second && this.#digests.compare(view, 0, DIGEST, at, at + DIGEST) === 0) return slot;
    }
  }

  #place(entry: number): void {
    const at = (entry - 1) * DIGEST;
    let slot = this.#digests.readUInt32LE(at) & this.#mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & this.#mask;
    this.#slots[slot] = entry;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (let entry = 1; entry <= this.#count; entry++) this.#place(entry);
  }
}
