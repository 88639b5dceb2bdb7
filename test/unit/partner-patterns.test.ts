// The secret types submitted to GitHub, the shape test behind `false_positive`, and the parser
// of what GitHub posts.
import { describe, expect, it } from 'vitest';
import { parsePartnerBatch } from '../../src/app/partner/partner-batch.js';
import { generateKey, issuedKeyShape } from '../../src/registry/key-format.js';
import { partnerPatterns } from '../../src/registry/partner-patterns.js';
import { registeredShapeTest } from '../../src/registry/shape-rules.js';
import type { KeyShape } from '../../src/types.js';

/** GitHub's `\A` / `\z` as JavaScript anchors, to try a pattern here. */
const asJs = (pattern: { before: string; regex: string; after: string }) =>
  new RegExp(`${pattern.before.replace('\\A', '^')}(${pattern.regex})${pattern.after.replace('\\z', '$')}`, 'm');

describe('partner patterns', () => {
  const hexShape: KeyShape = { prefix: '', bodyLength: 40, alphabet: 'hex' };

  it('has one secret type per shape, finding its keys and nothing longer', () => {
    const [live, legacy] = partnerPatterns([issuedKeyShape('lk_live_'), hexShape]);
    expect(live).toMatchObject({ type: 'lk_live_key', regex: 'lk_live_[0-9A-Za-z]{49}', checksum: expect.stringContaining('CRC32') });
    expect(legacy).toMatchObject({ type: 'hex40_key', regex: '[0-9a-fA-F]{40}' });
    expect(legacy!.checksum).toBeUndefined();
    const key = generateKey('lk_live_').reveal();
    expect(asJs(live!).exec(`API_KEY=${key}\n`)?.[1]).toBe(key);
    expect(asJs(live!).test(`API_KEY=${key}x\n`)).toBe(false);
    expect(asJs(legacy!).test(`sha ${'a'.repeat(40)} `)).toBe(true);
    expect(asJs(legacy!).test(`sha ${'a'.repeat(41)} `)).toBe(false);
  });

  it('holds no key: the output is the same whatever keys the registry holds', () => {
    expect(JSON.stringify(partnerPatterns([issuedKeyShape('lk_live_')]))).not.toMatch(/lk_live_[0-9A-Za-z]{49}(?![}\]])/);
  });

  it('tells a string of our shape from others, whole strings only', () => {
    const ofOurShape = registeredShapeTest([issuedKeyShape('lk_live_')]);
    const key = generateKey('lk_live_').reveal();
    expect(ofOurShape(key)).toBe(true);
    expect(ofOurShape(`${key}0`)).toBe(false);
    expect(ofOurShape(` ${key}`)).toBe(false);
    expect(ofOurShape(generateKey('lk_test_').reveal())).toBe(false);
  });
});

describe('parsePartnerBatch', () => {
  const parse = (text: string) => parsePartnerBatch(Buffer.from(text));
  const entry = { token: 'x', type: 't', url: 'https://example.test', source: 'content' };

  it('reads the array GitHub sends, keeping only its four fields', () => {
    expect(parse(JSON.stringify([{ ...entry, extra: 1 }]))).toEqual({ ok: true, tokens: [entry] });
    expect(parse('[]')).toEqual({ ok: true, tokens: [] });
  });

  it('refuses anything else with a reason that quotes nothing of the body', () => {
    const secretish = 'lk_live_not_a_real_key_but_quoted_nowhere';
    const cases: [string, RegExp][] = [
      [`[{"token": "${secretish}"`, /^the body is not JSON$/],
      [JSON.stringify({ token: secretish }), /not a JSON array/],
      [JSON.stringify([secretish]), /^entry 0 is not an object$/],
      [JSON.stringify([entry, { ...entry, url: 7, token: secretish }]), /^entry 1 has no string "url"$/],
      [JSON.stringify([{ ...entry, token: '' }]), /^entry 0 has an empty "token"$/],
    ];
    for (const [text, reason] of cases) {
      const parsed = parse(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatch(reason);
        expect(parsed.error).not.toContain(secretish);
      }
    }
  });
});
