import { describe, expect, it } from 'vitest';
import { crc32Base62, hasValidChecksum } from '../../src/detect/checksum.js';
import { shannonEntropy } from '../../src/detect/entropy.js';
import { BASE64_ALPHABET, MIN_BASE64_RUN } from '../../src/detect/encoded-segments.js';
import { buildKeywordPrefilter } from '../../src/detect/keyword-prefilter.js';
import { LineIndex } from '../../src/detect/line-index.js';
import { placeholderReason } from '../../src/detect/placeholder.js';
import { structuredValue } from '../../src/detect/structure.js';
import { expandTemplate } from '../../src/rules/example-template.js';

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['aabb', 1],
    ['abcd', 2],
    ['abcdefgh', 3],
    ['0123456789abcdef', 4],
    ['aaab', 0.8112781244591328],
  ])('of %j is %d bits per character', (text, bits) => {
    expect(shannonEntropy(text)).toBeCloseTo(bits, 12);
  });

  it('is the same whatever was measured before (no state kept between calls)', () => {
    shannonEntropy('zzzzzzzz');
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('crc32-base62 checksum', () => {
  it('accepts a token whose last six characters are the CRC32 of its random part', () => {
    const token = expandTemplate('ghp_{crc32:30}');
    expect(hasValidChecksum('crc32-base62', token)).toBe(true);
    expect(token.slice(-6)).toBe(crc32Base62(token.slice(4, -6)));
  });

  it('rejects a wrong checksum, a changed character and a too short body', () => {
    expect(hasValidChecksum('crc32-base62', expandTemplate('ghp_{badcrc32:30}'))).toBe(false);
    const token = expandTemplate('npm_{crc32:30}');
    const flipped = token.slice(0, 8) + (token[8] === 'a' ? 'b' : 'a') + token.slice(9);
    expect(hasValidChecksum('crc32-base62', flipped)).toBe(false);
    expect(hasValidChecksum('crc32-base62', 'ghp_abc')).toBe(false);
  });
});

describe('structures', () => {
  const hasValidStructure = (kind: Parameters<typeof structuredValue>[0], secret: string) => structuredValue(kind, secret) !== undefined;

  const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signature = () => expandTemplate('{base64url:43}');

  it('accepts a header naming its alg over a JSON-object payload', () => {
    expect(hasValidStructure('jwt', expandTemplate('{jwt}'))).toBe(true);
    expect(hasValidStructure('jwt', `${segment({ alg: 'RS256', kid: 'k1' })}.${segment({})}.${signature()}`)).toBe(true);
  });

  it('rejects random base64url after eyJ, a header without alg, and a payload that is no JSON object', () => {
    expect(hasValidStructure('jwt', expandTemplate('eyJ{base64url:30}.eyJ{base64url:40}.{base64url:43}'))).toBe(false);
    expect(hasValidStructure('jwt', `${segment({ typ: 'JWT' })}.${segment({ sub: '1' })}.${signature()}`)).toBe(false);
    expect(hasValidStructure('jwt', `${segment({ alg: 'HS256' })}.${segment([1, 2])}.${signature()}`)).toBe(false);
    expect(hasValidStructure('jwt', `${segment({ alg: 'HS256' })}.${Buffer.from('{"sub":').toString('base64url')}.${signature()}`)).toBe(false);
    expect(hasValidStructure('jwt', segment({ alg: 'HS256' }))).toBe(false);
  });

  it('reads Basic credentials as user:password and gives the password, or the user id before an empty one', () => {
    const password = expandTemplate('{base62:20}');
    expect(structuredValue('basic-credentials', Buffer.from(`deploy:${password}`).toString('base64'))).toBe(password);
    expect(structuredValue('basic-credentials', Buffer.from(`${password}:`).toString('base64'))).toBe(password);
    expect(structuredValue('basic-credentials', Buffer.from(password).toString('base64'))).toBeUndefined();
    expect(structuredValue('basic-credentials', expandTemplate('{base64:40}'))).toBeUndefined();
  });
});

describe('keyword prefilter', () => {
  const prefilter = buildKeywordPrefilter(['ghp_', 'key', 'monkey', 'sk_live_', 'sk_', 'ünï']);
  const present = (text: string) => prefilter.keywords.filter((_, id) => prefilter.scan(text).found[id] === 1);

  it('finds every keyword occurring in the text, ignoring case, including overlapping ones', () => {
    expect(present('const MONKEY = 1')).toEqual(['key', 'monkey']);
    expect(present('SK_LIVE_abc')).toEqual(['sk_live_', 'sk_']);
    expect(present('GHP_ and ÜNÏ')).toEqual(['ghp_', 'ünï']);
    expect(present('nothing to see')).toEqual([]);
  });

  it('records where the keywords it is asked for start', () => {
    const recording = buildKeywordPrefilter(['key', 'monkey', 'sk_'], new Set([0, 2]));
    const { starts } = recording.scan('monkey KEY sk_x key');
    expect(starts[0]).toEqual([3, 7, 16]);
    expect(starts[1]).toBeUndefined();
    expect(starts[2]).toEqual([11]);
  });

  it('works without keywords', () => {
    const empty = buildKeywordPrefilter([]);
    expect(empty.scan('anything at all, 0123456789abcdef').found).toHaveLength(0);
  });
});

describe('base64 runs, found by the keyword prefilter in its pass', () => {
  const prefilter = buildKeywordPrefilter(['key', 'sk_']);
  const base64RunStarts = (text: string) => prefilter.scan(text).base64Runs;
  /** Every character tested: the definition the sampled search must agree with. */
  const reference = (text: string): number[] => {
    const starts: number[] = [];
    for (let at = 0, run = 0; at < text.length; at++) {
      run = BASE64_ALPHABET.includes(text[at]!) ? run + 1 : 0;
      if (run === MIN_BASE64_RUN) starts.push(at + 1 - MIN_BASE64_RUN);
    }
    return starts;
  };

  it('finds where runs of 16 or more base64 characters start', () => {
    const run = 'QUJDREVGR0hJSktMTU5PUA';
    expect(base64RunStarts(`x: ${run} short+/ab ${run}==`)).toEqual([3, 36]);
    expect(base64RunStarts(run.slice(0, 16))).toEqual([0]);
    expect(base64RunStarts(run.slice(0, 15))).toEqual([]);
  });

  it('agrees with testing every character on random texts of runs of every length', () => {
    const pieces = ['-', ' ', '\n', '=', '_', '.'];
    for (let trial = 0; trial < 2000; trial++) {
      let text = '';
      while (text.length < 200) {
        const length = Math.floor(Math.random() * 40);
        for (let i = 0; i < length; i++) text += BASE64_ALPHABET[Math.floor(Math.random() * 64)];
        text += pieces[Math.floor(Math.random() * pieces.length)];
      }
      text = text.slice(Math.floor(Math.random() * 20));
      expect(base64RunStarts(text), text).toEqual(reference(text));
    }
  });

  it('agrees on a text making more events than one pass of the scanner holds, keywords among the runs', () => {
    const pieces = ['key ', 'sk_', ' ', 'KEY', '\n'];
    let text = '';
    while (text.length < 300_000) {
      const length = Math.floor(Math.random() * 30);
      for (let i = 0; i < length; i++) text += BASE64_ALPHABET[Math.floor(Math.random() * 64)];
      text += pieces[Math.floor(Math.random() * pieces.length)];
    }
    const scanned = prefilter.scan(text);
    expect(scanned.base64Runs).toEqual(reference(text));
    expect(scanned.found[0]).toBe(1);
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    expect([0, 1, 2, 3, 6, 7, 8].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 }, { line: 1, column: 2 }, { line: 1, column: 3 }, { line: 2, column: 1 },
      { line: 3, column: 1 }, { line: 4, column: 1 }, { line: 4, column: 2 },
    ]);
  });
});

describe('placeholderReason on real random tokens', () => {
  // A seeded generator: the outcome is the same on every run, so this test is deterministic.
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const random = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const ALPHABETS = {
    base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    hex: '0123456789abcdef',
    base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  };

  it('drops fewer than 1 in 10,000 of 40,000 random tokens', () => {
    let dropped = 0;
    for (let i = 0; i < 10_000; i++) {
      for (const [alphabet, length] of [[ALPHABETS.base62, 36], [ALPHABETS.hex, 40], [ALPHABETS.base64, 40], [ALPHABETS.upper, 24]] as const) {
        if (placeholderReason(random(alphabet, length)) !== undefined) dropped++;
      }
    }
    expect(dropped).toBeLessThan(4);
  });

  it('keeps random upper-case tokens that happen to spell a short stopword', () => {
    expect(placeholderReason(`dt0c01.QZFAKEWR${random(ALPHABETS.base62, 20)}`)).toBeUndefined();
    expect(placeholderReason(`${random(ALPHABETS.base62, 20)}xmockz${random(ALPHABETS.base62, 20)}`)).toBeUndefined();
  });

  it('keeps formats that carry runs of one character', () => {
    expect(placeholderReason(`${'A'.repeat(21)}${random(ALPHABETS.base62, 90)}`)).toBeUndefined();
    expect(placeholderReason(`${random(ALPHABETS.base62, 11)}AAAAAAAAAA${random(ALPHABETS.base62, 43)}`)).toBeUndefined();
    expect(placeholderReason('sk_live_1111111111111111111')).toBe('placeholder');
  });

  it('never drops a long key block for a word or run its base64 may hold by chance', () => {
    const block = `${'AAAAAAAAAAAA'}${random(ALPHABETS.base64, 300)}fakexxxxxEXAMPLE`;
    expect(placeholderReason(block)).toBeUndefined();
  });

  it('drops a key block with EXAMPLE written into it more than once, as AWS documentation shows keys', () => {
    const lines = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? 'EXAMPLE' : '') + random(ALPHABETS.base64, 64 - (i % 2 === 0 ? 7 : 0)));
    expect(placeholderReason(`-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----`)).toBe('stopword');
  });
});
