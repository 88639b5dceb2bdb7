import { afterAll, describe, expect, it } from 'vitest';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import type { DroppedCandidate } from '../../src/types.js';
import { DEMO_TOKEN_RULE, ruleFixture } from '../helpers/rule-fixtures.js';

const RULES = `${DEMO_TOKEN_RULE}
[[rules]]
id = "rest-of-line"
description = "Everything after the marker to the end of the line"
regex = '''eol_secret=([^\\n]+)'''
keywords = ["eol_secret"]

[[rules]]
id = "key-block"
description = "A multi-line key block"
regex = '''-----BEGIN DEMO KEY-----[\\s\\S]*?-----END DEMO KEY-----'''
keywords = ["-----begin demo key"]
`;

const fixture = ruleFixture({ 'demo.toml': RULES });
afterAll(() => fixture.remove());
const { engine } = fixture;

describe('positions', () => {
  it('counts lines and columns right in CRLF text and keeps \\r out of secrets', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const value = expandTemplate('{base62:20}');
    const text = `one\r\ntwo\r\n    ${token}\r\neol_secret=${value}\r\n`;
    const matches = detectContent(text, engine);
    expect(matches.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([
      ['demo-token', 3, 5, 39],
      ['rest-of-line', 4, 12, 32],
    ]);
    expect(matches[1]!.secret.reveal()).toBe(value);
  });

  it('gives a multi-line secret in CRLF text its end line and no \\r', () => {
    const body = [1, 2, 3].map(() => expandTemplate('{base64:40}')).join('\r\n');
    const text = `x\r\n-----BEGIN DEMO KEY-----\r\n${body}\r\n-----END DEMO KEY-----\r\n`;
    const [match] = detectContent(text, engine);
    expect(match).toMatchObject({ line: 2, column: 1, endLine: 6, endColumn: 23 });
    expect(match!.secret.reveal()).not.toContain('\r');
  });

  it('gives the exact column in a minified single-line file', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const filler = 'function a(b){return b+1};'.repeat(4000);
    const text = `${filler}var k="${token}";${filler}`;
    const [match] = detectContent(text, engine);
    expect(match).toMatchObject({ line: 1, column: filler.length + 8, endColumn: filler.length + 8 + token.length });
  });

  it('counts a replacement character as one column in text decoded from invalid UTF-8', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(` = ${token}\n`)]);
    const text = bytes.toString('utf8'); // as a source decodes it: each bad byte becomes U+FFFD
    const [match] = detectContent(text, engine);
    expect(match).toMatchObject({ line: 2, column: 7 });
    expect(match!.secret.reveal()).toBe(token);
  });

  it('reports dropped candidates on their own line', () => {
    const dropped: DroppedCandidate[] = [];
    detectContent('a\r\nb\r\neol_secret=${FROM_ENV}\r\n', engine, { onDrop: ({ ruleId, line, reason }) => dropped.push({ ruleId, line, reason }) });
    expect(dropped).toEqual([{ ruleId: 'rest-of-line', line: 3, reason: 'placeholder' }]);
  });

  it('handles empty text and text without newlines', () => {
    expect(detectContent('', engine)).toEqual([]);
    expect(detectContent(expandTemplate('dmo_{base62:30}'), engine).map((m) => [m.line, m.column])).toEqual([[1, 1]]);
  });
});
