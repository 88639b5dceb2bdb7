// What a provider submits to GitHub's secret scanning partner program: one secret type per
// shape of the registry's keys, with the regular expression that finds it and the boundaries
// around it. Made from the shapes alone, so it holds no key and no sample of one.
import type { KeyShape } from '../types.js';
import { rulesFromShapes, shapeAlphabetClass, shapePattern } from './shape-rules.js';

export interface PartnerPattern {
  /** The secret type's identifier, as GitHub echoes it in the `type` of each reported token. */
  type: string;
  /** A human-readable name of the secret type. */
  name: string;
  /** The secret itself. */
  regex: string;
  /** What may stand right before and right after it (GitHub's boundary expressions). */
  before: string;
  after: string;
  /** How a key of this shape proves itself offline, when it can. */
  checksum?: string;
}

const CHECKSUMS: Record<NonNullable<KeyShape['checksum']>, string> = {
  'crc32-base62': 'the last 6 characters are the CRC32 of the characters before them (after the prefix), base62 (0-9A-Za-z), zero-padded',
};

export function partnerPatterns(shapes: readonly KeyShape[]): PartnerPattern[] {
  const rules = rulesFromShapes(shapes);
  return shapes.map((shape, index) => {
    const alphabet = shapeAlphabetClass(shape);
    const pattern: PartnerPattern = {
      type: `${rules[index]!.id.replace(/^registry-/, '').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}_key`,
      name: rules[index]!.description.replace(/^Registered key/, 'API key'),
      regex: shapePattern(shape),
      // A prefix marks the start itself; a prefix-less key must not run on from a longer string.
      before: shape.prefix ? '(?:\\A|[^0-9A-Za-z_])' : `(?:\\A|[^${alphabet.slice(1, -1)}])`,
      after: `(?:\\z|[^${alphabet.slice(1, -1)}])`,
    };
    if (shape.checksum) pattern.checksum = CHECKSUMS[shape.checksum];
    return pattern;
  });
}
