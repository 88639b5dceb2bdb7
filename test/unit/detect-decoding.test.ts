import { afterAll, describe, expect, it } from 'vitest';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { DEMO_TOKEN_RULE, ruleFixture } from '../helpers/rule-fixtures.js';

const RULES = `${DEMO_TOKEN_RULE}
[[rules]]
id = "db-url"
description = "Password in a database URL"
regex = '''postgres://[^:/\\s]+:([^@/\\s]+)@'''
keywords = ["postgres://"]
`;

const fixture = ruleFixture({ 'demo.toml': RULES });
afterAll(() => fixture.remove());
const { engine } = fixture;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('base64-encoded secrets', () => {
  it('finds a token in a Kubernetes Secret\'s data at the line and column of the encoded value', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const manifest = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: api',
      'data:',
      `  username: ${b64('deploy-bot')}`,
      `  token: ${b64(token)}`,
      'type: Opaque',
    ].join('\n');
    const matches = detectContent(manifest, engine);
    expect(matches).toHaveLength(1);
    const encoded = b64(token);
    expect(matches[0]).toMatchObject({ ruleId: 'demo-token', line: 7, column: 10, endLine: 7, endColumn: 10 + encoded.length, decodedFrom: ['base64'] });
    expect(matches[0]!.secret.reveal()).toBe(token);
  });

  it('finds every secret of a base64-encoded .env file, on the encoded line', () => {
    const first = expandTemplate('dmo_{base62:30}');
    const second = expandTemplate('dmo_{base62:30}');
    const env = b64(`API_TOKEN=${first}\nOTHER=${second}\n`);
    const matches = detectContent(`# ci\nENV_FILE: "${env}"\n`, engine);
    expect(matches.map((m) => [m.line, m.column, m.secret.reveal()])).toEqual([[2, 12, first], [2, 12, second]]);
  });

  it('decodes base64 inside base64 once more, and no deeper', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const twice = detectContent(`value: ${b64(b64(`token=${token}`))}`, engine);
    expect(twice.map((m) => m.decodedFrom)).toEqual([['base64', 'base64']]);
    expect(detectContent(`value: ${b64(b64(b64(`token=${token}`)))}`, engine)).toEqual([]);
  });

  it('decodes at most 1 MB per text: a larger encoded blob is skipped, later segments are not', () => {
    const hidden = expandTemplate('dmo_{base62:30}');
    const visible = expandTemplate('dmo_{base62:30}');
    const blob = b64(`${'lorem ipsum dolor sit amet '.repeat(45_000)}${hidden}`);
    const matches = detectContent(`big: ${blob}\nsmall: ${b64(visible)}\n`, engine);
    expect(matches.map((m) => [m.line, m.secret.reveal()])).toEqual([[2, visible]]);
  });

  it('ignores base64-looking runs that do not decode to text', () => {
    const binary = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString('base64');
    expect(detectContent(`blob: ${binary}\nidentifierThatIsQuiteLongIndeed = 1`, engine)).toEqual([]);
  });
});

describe('URL-encoded secrets', () => {
  it('finds a password that only matches decoded, at the encoded segment', () => {
    const password = expandTemplate('{base62:12}');
    const url = `postgres://app:${password}@db.internal:5432/app`;
    const text = `callback=${encodeURIComponent(url)}&next=1`;
    const matches = detectContent(`line one\n${text}\n`, engine);
    expect(matches.map((m) => [m.ruleId, m.line, m.column, m.decodedFrom, m.secret.reveal()])).toEqual([
      ['db-url', 2, 1, ['url'], password],
    ]);
  });

  it('reports a token found directly inside an encoded segment once, as found directly', () => {
    const token = expandTemplate('dmo_{base62:30}');
    const text = `https://example.test/cb?a=%20b&t=${token}`;
    const matches = detectContent(text, engine);
    expect(matches.map((m) => [m.column, m.decodedFrom])).toEqual([[text.indexOf(token) + 1, []]]);
  });
});
