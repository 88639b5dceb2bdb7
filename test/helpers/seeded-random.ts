// A seeded generator (xorshift32): a test that draws at random prints its seed, and the same
// seed draws the same numbers, so a failure is repeated exactly.
import { randomInt } from 'node:crypto';

export interface SeededRandom {
  seed: number;
  /** Uniform in [0, 1). */
  next(): number;
}

/** `seed` given (e.g. from an environment variable when repeating a failure), else a fresh one. */
export function seededRandom(seed: number = randomInt(1, 2 ** 31)): SeededRandom {
  let state = seed >>> 0 || 1;
  return {
    seed,
    next() {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state / 0x100000000;
    },
  };
}
