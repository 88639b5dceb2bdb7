import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { placeholderReason } from '../../src/detect/placeholder.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { detectFragment } from '../../src/detect/detect-fragment.js';
import { placeMatches } from '../../src/detect/place-matches.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import type { DroppedCandidate } from '../../src/types.js';
import { DEMO_TOKEN_RULE, ruleFixture } from '../helpers/rule-fixtures.js';

const RULES = `${DEMO_TOKEN_RULE}severity = "high"
guidance = "Rotate it in the demo console."

[[rules]]
id = "named-group"
description = "Named secret group"
regex = '''nmd_id=(?<id>[0-9]{4}) nmd_key=(?<key>[0-9a-f]{24})'''
secretGroup = "key"
keywords = ["nmd_"]

[[rules]]
id = "whole-match"
description = "No capture group: the whole match is the secret"
regex = '''wml_[0-9a-f]{24}'''
keywords = ["wml_"]

[[rules]]
id = "checksummed"
description = "Checksummed token"
regex = '''\\b(crt_[0-9A-Za-z]{36})\\b'''
keywords = ["crt_"]
checksum = "crc32-base62"

[[rules]]
id = "assigned"
description = "High-entropy value assigned to a key-like name"
regex = '''(?i)(?:api_?key|secret)\\s*[:=]\\s*["']([^"'\\s]{8,})["']'''
keywords = ["api_key", "apikey", "secret"]
entropy = 3.5

[[rules]]
id = "either-branch"
description = "The secret is in whichever branch matched"
regex = '''(?:aaa_([0-9a-f]{8})|bbb_([0-9a-f]{8}))'''
keywords = ["aaa_", "bbb_"]

[[rules]]
id = "gated"
description = "Runs only where its keyword occurs"
regex = '''gtd_[0-9a-f]{16}'''
keywords = ["gatekw"]

[[rules]]
id = "repeated-secret"
description = "The secret text recurs inside its own match"
regex = '''(rpt_[a-z]{8})_(rpt_[a-z]{8})'''
secretGroup = 2
keywords = ["rpt_"]
`;

const fixture = ruleFixture({ 'demo.toml': RULES });
afterAll(() => fixture.remove());
const { engine } = fixture;

function drops(text: string): DroppedCandidate[] {
  const dropped: DroppedCandidate[] = [];
  detectContent(text, engine, { onDrop: ({ ruleId, line, reason }) => dropped.push({ ruleId, line, reason }) });
  return dropped;
}

describe('detectContent', () => {
  it('finds a token with its exact secret, line and columns (end exclusive)', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const matches = detectContent(`first line\n  const t = "${token}";\n`, engine);
    expect(matches).toHaveLength(1);
    const [match] = matches;
    expect(match!.ruleId).toBe('demo-token');
    expect(match!.secret.reveal()).toBe(token);
    expect(match!).toMatchObject({ line: 2, column: 14, endLine: 2, endColumn: 14 + token.length, decodedFrom: [] });
  });

  it('reports a named secret group, and the whole match when a rule has no group', () => {
    const key = expandTemplate('{hex:24}');
    const whole = expandTemplate('wml_{hex:24}');
    const matches = detectContent(`nmd_id=1234 nmd_key=${key}\n${whole}`, engine);
    expect(matches.map((m) => [m.ruleId, m.secret.reveal(), m.line, m.column])).toEqual([
      ['named-group', key, 1, 21],
      ['whole-match', whole, 2, 1],
    ]);
  });

  it('places a secret group exactly even when its text also occurs earlier in the match', () => {
    const matches = detectContent('x rpt_abcdefgh_rpt_abcdefgh', engine);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ column: 16, endColumn: 28 });
    expect(matches[0]!.secret.reveal()).toBe('rpt_abcdefgh');
  });

  it('takes the secret from the first group that matched when the configured one did not', () => {
    // Drawn again when it spells a placeholder ("deadbeef", "12345678"), which the global filter drops.
    let value = expandTemplate('{hex:8}');
    while (placeholderReason(value)) value = expandTemplate('{hex:8}');
    expect(detectContent(`x bbb_${value}`, engine).map((m) => [m.secret.reveal(), m.column])).toEqual([[value, 7]]);
  });

  it('runs a rule only when one of its keywords occurs, in any case', () => {
    const value = expandTemplate('gtd_{hex:16}');
    expect(detectContent(`value ${value}`, engine)).toEqual([]);
    expect(detectContent(`// GateKW\nvalue ${value}`, engine).map((m) => [m.ruleId, m.line])).toEqual([['gated', 2]]);
    expect(detectContent(`value ${value} gatekw`, engine)).toHaveLength(1);
  });

  it('accepts a valid CRC32 checksum and drops a wrong one with reason "checksum"', () => {
    const good = expandTemplate('crt_{crc32:30}');
    const bad = expandTemplate('crt_{badcrc32:30}');
    const matches = detectContent(`a ${good}\nb ${bad}\n`, engine);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.secret.reveal()).toBe(good);
    expect(matches[0]!.checksumValid).toBe(true);
    expect(drops(`a ${good}\nb ${bad}\n`)).toEqual([{ ruleId: 'checksummed', line: 2, reason: 'checksum' }]);
  });

  it('drops a value under the entropy floor with reason "entropy" and reports the entropy it keeps', () => {
    const strong = expandTemplate('{base62:40}');
    const text = `secret = "aaaaaaab"\nsecret = "${strong}"`;
    const matches = detectContent(text, engine);
    expect(matches.map((m) => m.line)).toEqual([2]);
    expect(matches[0]!.entropy).toBeGreaterThan(3.5);
    expect(drops(text)).toEqual([{ ruleId: 'assigned', line: 1, reason: 'entropy' }]);
  });

  it('sorts matches by position across rules and never repeats one', () => {
    const a = expandTemplate('dmo_{base62:30}');
    const b = expandTemplate('crt_{crc32:30}');
    const c = expandTemplate('wml_{hex:24}');
    const matches = detectContent(`${c}\n${b} ${a}\n${a}`, engine);
    expect(matches.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [1, 1, 'whole-match'],
      [2, 1, 'checksummed'],
      [2, 42, 'demo-token'],
      [3, 1, 'demo-token'],
    ]);
  });

  it('never puts the plaintext in a match\'s JSON or in a dropped candidate', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const bad = expandTemplate('crt_{badcrc32:30}');
    const text = `${token}\n${bad}`;
    expect(JSON.stringify(detectContent(text, engine))).not.toContain(token);
    expect(JSON.stringify(drops(text))).not.toContain(bad.slice(4));
  });

  it('is pure: the same text gives the same matches, whatever was scanned before', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const first = detectContent(`x ${token}`, engine).map((m) => ({ ...m, secret: m.secret.reveal() }));
    detectContent(expandTemplate('secret = "{base62:40}"'), engine);
    const again = detectContent(`x ${token}`, engine).map((m) => ({ ...m, secret: m.secret.reveal() }));
    expect(again).toEqual(first);
  });
});

describe('placeMatches and detectFragment', () => {
  it('builds findings with the secret hash, a keyed fingerprint, redaction and the origin', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const findings = detectFragment({
      text: `token: ${token}\n`,
      origin: { path: './src/app.ts', repo: 'acme/api', commit: 'c0ffee', author: 'Ada', email: 'ada@example.test', date: '2024-01-01T00:00:00Z' },
    }, engine);
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    const hash = createHash('sha256').update(token).digest('hex');
    expect(finding).toMatchObject({
      ruleId: 'demo-token', description: 'Demo token', severity: 'high', guidance: 'Rotate it in the demo console.',
      path: 'src/app.ts', repo: 'acme/api', commit: 'c0ffee', author: 'Ada', line: 1, column: 8,
      secretHash: hash, registry: { match: false }, checksumValid: false, decodedFrom: [],
    });
    expect(finding.secretFingerprint).toBe(engine.fingerprintKey.fingerprint(token));
    expect(finding.fingerprint).toBe(createHash('sha256').update(`demo-token:src/app.ts:${finding.secretFingerprint}`).digest('hex'));
    expect(finding.secretRedacted).toBe(finding.secret.redacted);
    expect(finding.secretRedacted).not.toBe(token);
    expect(JSON.stringify(finding)).not.toContain(token);
  });

  it('places one content result at several paths: same secret hash, different fingerprints', () => {
    const matches = detectContent(expandTemplate('dmo_{base62:30}'), engine);
    const [a] = placeMatches(matches, { path: 'a.txt' }, engine);
    const [b] = placeMatches(matches, { path: 'b.txt' }, engine);
    expect(a!.secretHash).toBe(b!.secretHash);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });

  it('keeps only findings starting on the given lines (staged mode)', () => {
    const text = [1, 2, 3].map(() => expandTemplate('dmo_{base62:30}')).join('\n');
    const findings = detectFragment({ text, origin: { path: 'f' }, lines: new Set([1, 3]) }, engine);
    expect(findings.map((f) => f.line)).toEqual([1, 3]);
  });
});
