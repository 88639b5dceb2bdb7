// The keyword prefilter against the plainest reference: fold the text's case the way the
// prefilter promises (a code unit matches a keyword character when it is that character or its
// one-character upper case), then indexOf every keyword at every offset.
import { describe, expect, it } from 'vitest';
import { buildKeywordPrefilter, REGION_SIZE } from '../../src/detect/keyword-prefilter.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The folding the prefilter is specified by, one code unit at a time (no context, no length change). */
function fold(text: string): string {
  let folded = '';
  for (const unit of text.split('')) {
    const lower = unit.toLowerCase();
    folded += lower.length === 1 && lower.toUpperCase() === unit ? lower : unit;
  }
  return folded;
}

interface Reference {
  found: number[];
  regions?: number[][];
  starts: number[][];
}

function reference(keywords: readonly string[], text: string): Reference {
  const folded = fold(text);
  const starts = keywords.map((keyword) => {
    const lower = keyword.toLowerCase();
    const at: number[] = [];
    for (let i = folded.indexOf(lower); i >= 0; i = folded.indexOf(lower, i + 1)) at.push(i);
    return at;
  });
  const found = starts.map((at) => Number(at.length > 0));
  if (text.length <= 2 * REGION_SIZE) return { found, starts };
  // A keyword belongs to the region holding its last character.
  const regions = Array.from({ length: Math.ceil(text.length / REGION_SIZE) }, () => keywords.map(() => 0));
  starts.forEach((at, id) => {
    for (const start of at) regions[Math.floor((start + keywords[id]!.length - 1) / REGION_SIZE)]![id] = 1;
  });
  return { found, regions, starts };
}

const KEYWORDS = [
  'ghp_', 'akia', 'secret', 'key', 'ac', 'sk', 'sk-proj-', 'token', 'password', 'begin rsa private key',
  'xoxb-', 'aaaaaaaaaa', 'aaa', '://', 'pragma: allowlist secret', 'dd_api', 'eyj', 'ключ', 'σήμα', 'clé',
];

/** Filler: ASCII code, Latin-1, CJK, emoji (surrogate pairs), and the case-folding traps. */
const FILLER = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:/ \n\t"\'=',
  'é', 'É', 'ü', 'ß', '日本', '語', '😀', '\u212a' /* Kelvin sign */, '\u0130' /* İ */, 'Σ', 'ς', 'К', 'Ё', '\u017f' /* ſ */,
];

function randomCase(keyword: string, next: () => number): string {
  return [...keyword].map((ch) => (next() < 0.5 ? ch.toUpperCase() : ch)).join('');
}

function plantedText(next: () => number, length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const part = next() < 0.15
      ? randomCase(KEYWORDS[Math.floor(next() * KEYWORDS.length)]!, next)
      : FILLER[Math.floor(next() * FILLER.length)]!;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

function actual(keywords: readonly string[], text: string): Reference {
  const prefilter = buildKeywordPrefilter(keywords, new Set(keywords.keys()));
  const result = prefilter.scan(text);
  return {
    found: [...result.found],
    ...(result.regions ? { regions: result.regions.map((region) => [...region]) } : {}),
    starts: keywords.map((_, id) => result.starts[id] ?? []),
  };
}

describe('keyword prefilter', () => {
  it('finds every keyword occurrence lower-cased indexOf finds, at the same UTF-16 offsets, on random texts', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const text = plantedText(next, 1 + Math.floor(next() * 400));
      expect(actual(KEYWORDS, text), JSON.stringify(text)).toEqual(reference(KEYWORDS, text));
    }
  });

  it('agrees per region on texts longer than two regions, keywords straddling region boundaries included', () => {
    const next = random(12);
    for (let round = 0; round < 4; round++) {
      let text = plantedText(next, 2 * REGION_SIZE + Math.floor(next() * 3 * REGION_SIZE));
      const boundary = REGION_SIZE * (1 + Math.floor(next() * 2));
      text = text.slice(0, boundary - 3) + 'SeCrEt' + text.slice(boundary + 3);
      expect(actual(KEYWORDS, text)).toEqual(reference(KEYWORDS, text));
    }
  });

  it('records every occurrence of a keyword repeated tens of thousands of times, overlapping ones too', () => {
    const text = `${'aC'.repeat(30_000)}é${'a'.repeat(20_000)}`;
    expect(actual(KEYWORDS, text)).toEqual(reference(KEYWORDS, text));
  });
});
