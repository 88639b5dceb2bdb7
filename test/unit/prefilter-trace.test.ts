// A prefilter pass composed from another version's trace (a file's lineage) is the pass over the
// whole text, event for event: the same keywords, regions, recorded starts and base64 runs, whatever the edit.
import { describe, expect, it } from 'vitest';
import { FileLineage } from '../../src/detect/file-lineage.js';
import { buildKeywordPrefilter, REGION_SIZE } from '../../src/detect/keyword-prefilter.js';
import { seededRandom } from '../helpers/seeded-random.js';

const KEYWORDS = ['password', 'pass', 'sk_live_', 'ghp_', 'AKIA', 'token', 'api_key', '-----BEGIN', 'xoxb-', 'a'];
const prefilter = buildKeywordPrefilter(KEYWORDS, new Set(KEYWORDS.keys()));

/** Pieces real files are made of: keywords (any case), base64 runs, code, line breaks. */
function piece(random: () => number): string {
  const pick = random();
  if (pick < 0.25) {
    const keyword = KEYWORDS[Math.floor(random() * KEYWORDS.length)]!;
    return random() < 0.5 ? keyword : keyword.toUpperCase();
  }
  if (pick < 0.45) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    return Array.from({ length: 4 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  }
  if (pick < 0.6) return '\n';
  if (pick < 0.65) return 'é€😀';
  return [' = "', '";', ' ', '(', ')', ':', 'const x', 'passw', 'ord'][Math.floor(random() * 9)]!;
}

function text(random: () => number, pieces: number): string {
  return Array.from({ length: pieces }, () => piece(random)).join('');
}

/** Another version: a few spans replaced, inserted or deleted, anywhere (the ends included). */
function edit(random: () => number, before: string): string {
  let after = before;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * (after.length + 1));
    const cut = random() < 0.3 ? 0 : Math.floor(random() * 30);
    after = after.slice(0, at) + (random() < 0.2 ? '' : text(random, 1 + Math.floor(random() * 4))) + after.slice(at + cut);
  }
  return after;
}

describe('prefilter traces', () => {
  it('compose to the whole pass over thousands of random edits', () => {
    const draw = seededRandom(1103);
    const random = () => draw.next();
    for (let round = 0; round < 3000; round++) {
      const lineage = new FileLineage();
      let version = text(random, 20 + Math.floor(random() * 300));
      expect(lineage.prefilter(version, prefilter)).toEqual(prefilter.scan(version));
      for (let edits = 0; edits < 4; edits++) {
        version = edit(random, version);
        expect(lineage.prefilter(version, prefilter)).toEqual(prefilter.scan(version));
      }
    }
  });

  it('compose in texts long enough for regions', () => {
    const draw = seededRandom(77);
    const random = () => draw.next();
    const lineage = new FileLineage();
    let version = text(random, 3 * REGION_SIZE / 8);
    lineage.prefilter(version, prefilter);
    for (let edits = 0; edits < 30; edits++) {
      version = edit(random, version);
      const composed = lineage.prefilter(version, prefilter);
      expect(composed.regions).toBeDefined();
      expect(composed).toEqual(prefilter.scan(version));
    }
  });
});

describe('prefilter traces of texts edited in several far-apart places', () => {
  /** Another version: edits spread over the text, and sometimes a stretch moved elsewhere or copied. */
  function scatteredEdit(random: () => number, before: string): string {
    let after = before;
    for (let edits = 2 + Math.floor(random() * 6); edits > 0; edits--) after = edit(random, after);
    if (random() < 0.3) {
      const from = Math.floor(random() * after.length);
      const moved = after.slice(from, from + 2000 + Math.floor(random() * 6000));
      const rest = random() < 0.5 ? after.slice(0, from) + after.slice(from + moved.length) : after;
      const to = Math.floor(random() * (rest.length + 1));
      after = rest.slice(0, to) + moved + rest.slice(to);
    }
    return after;
  }

  it('compose to the whole pass', () => {
    const draw = seededRandom(2024);
    const random = () => draw.next();
    for (let round = 0; round < 60; round++) {
      const lineage = new FileLineage();
      let version = text(random, 1500 + Math.floor(random() * 6000));
      lineage.prefilter(version, prefilter);
      for (let edits = 0; edits < 8; edits++) {
        version = scatteredEdit(random, version);
        expect(lineage.prefilter(version, prefilter)).toEqual(prefilter.scan(version));
      }
    }
  });
});
