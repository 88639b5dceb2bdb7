// The blob→introduction index of a history walk: every (blob, path) the selected history holds,
// attributed to the oldest commit that introduced that blob at that path. This index is the
// only part of a history scan whose size grows with the history, so it is kept compact:
// commits as binary SHAs in one buffer, paths interned, places in typed arrays.

export interface Place {
  /** Raw path (latin1: one char per byte); see display-path.ts. */
  path: string;
  /** Number of the commit in date order: a larger number is an older commit. */
  commit: number;
}

/** A walk's commits in order: binary SHAs of `shaBytes` each, one after another. */
export interface CommitList {
  list: Buffer;
  shaBytes: number;
}

const INITIAL = 1024;

function grown<T extends Int32Array<ArrayBuffer> | Buffer>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

const int32s = (size: number): Int32Array<ArrayBuffer> => new Int32Array(size);

export class BlobIndex {
  readonly #blobNumbers = new Map<string, number>();
  readonly #blobShas: string[] = [];
  readonly #pathNumbers = new Map<string, number>();
  readonly #paths: string[] = [];
  /** SHA-1 (20 bytes) or SHA-256 (32) repositories; fixed by the first commit. */
  #shaBytes = 0;
  #commitShas = Buffer.alloc(0);
  #commits = 0;
  /** Per blob: its first place, or -1. Places of one blob form a linked list through #placeNext. */
  #firstPlace = int32s(INITIAL);
  #placePath = int32s(INITIAL);
  #placeCommit = int32s(INITIAL);
  #placeNext = int32s(INITIAL);
  #places = 0;

  /** Numbers the commits of the walk; they must come newest first (`git rev-list --date-order`). */
  addCommit(sha: string): number {
    if (this.#shaBytes === 0) this.#shaBytes = sha.length / 2;
    const number = this.#commits++;
    this.#commitShas = grown(this.#commitShas, this.#commits * this.#shaBytes, (size) => Buffer.alloc(size));
    this.#commitShas.write(sha, number * this.#shaBytes, this.#shaBytes, 'hex');
    return number;
  }

  /** Numbers the commits of an earlier walk, as its commitList() gave them. */
  addCommitList({ list, shaBytes }: CommitList): void {
    this.#shaBytes ||= shaBytes;
    if (shaBytes !== this.#shaBytes) throw new Error('a commit list of another SHA length');
    this.#commitShas = Buffer.concat([this.#commitShas.subarray(0, this.#commits * shaBytes), list]);
    this.#commits += list.length / shaBytes;
  }

  /** The walk's commits in order, binary, with the length of one (addCommitList takes them back). */
  commitList(): CommitList {
    return { list: Buffer.from(this.#commitShas.subarray(0, this.#commits * this.#shaBytes)), shaBytes: this.#shaBytes };
  }

  /** Records that `commit` introduced `blob` at `path`; of several, the oldest commit is kept. */
  addPlace(blob: string, path: string, commit: number): void {
    let blobNumber = this.#blobNumbers.get(blob);
    if (blobNumber === undefined) {
      blobNumber = this.#blobShas.length;
      this.#blobNumbers.set(blob, blobNumber);
      this.#blobShas.push(blob);
      this.#firstPlace = grown(this.#firstPlace, blobNumber + 1, int32s);
      this.#firstPlace[blobNumber] = -1;
    }
    let pathNumber = this.#pathNumbers.get(path);
    if (pathNumber === undefined) {
      pathNumber = this.#paths.length;
      this.#pathNumbers.set(path, pathNumber);
      this.#paths.push(path);
    }
    for (let place = this.#firstPlace[blobNumber]!; place >= 0; place = this.#placeNext[place]!) {
      if (this.#placePath[place] === pathNumber) {
        if (commit > this.#placeCommit[place]!) this.#placeCommit[place] = commit;
        return;
      }
    }
    const place = this.#places++;
    this.#placePath = grown(this.#placePath, this.#places, int32s);
    this.#placeCommit = grown(this.#placeCommit, this.#places, int32s);
    this.#placeNext = grown(this.#placeNext, this.#places, int32s);
    this.#placePath[place] = pathNumber;
    this.#placeCommit[place] = commit;
    this.#placeNext[place] = this.#firstPlace[blobNumber]!;
    this.#firstPlace[blobNumber] = place;
  }

  get blobCount(): number {
    return this.#blobShas.length;
  }

  get commitCount(): number {
    return this.#commits;
  }

  /** Blob SHA by number; numbers follow discovery order. */
  blobSha(blob: number): string {
    return this.#blobShas[blob]!;
  }

  blobNumber(sha: string): number | undefined {
    return this.#blobNumbers.get(sha);
  }

  commitSha(commit: number): string {
    return this.#commitShas.toString('hex', commit * this.#shaBytes, (commit + 1) * this.#shaBytes);
  }

  /** Every place of a blob, ordered by raw path. */
  placesOf(blob: number): Place[] {
    const places: Place[] = [];
    for (let place = this.#firstPlace[blob]!; place >= 0; place = this.#placeNext[place]!) {
      places.push({ path: this.#paths[this.#placePath[place]!]!, commit: this.#placeCommit[place]! });
    }
    return places.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
