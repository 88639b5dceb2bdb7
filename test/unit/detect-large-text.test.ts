import { afterAll, describe, expect, it } from 'vitest';
import { detectContent } from '../../src/detect/detect-content.js';
import { REGION_SIZE } from '../../src/detect/keyword-prefilter.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { DEMO_TOKEN_RULE, ruleFixture } from '../helpers/rule-fixtures.js';

const RULES = `${DEMO_TOKEN_RULE}
[[rules]]
id = "named-value"
description = "A value named by a keyword that is not part of it"
regex = '''acme_value\\s*=\\s*"([0-9a-f]{24})"'''
keywords = ["acme_value"]

[[rules]]
id = "key-block"
description = "A multi-line key block"
regex = '''-----BEGIN DEMO KEY-----[\\s\\S]*?-----END DEMO KEY-----'''
keywords = ["-----begin demo key"]

[[rules]]
id = "far-keyword"
description = "A rule whose keyword is far from its matches"
regex = '''\\bfar_[0-9a-f]{16}\\b'''
keywords = ["farmarker"]
`;

const fixture = ruleFixture({ 'demo.toml': RULES });
afterAll(() => fixture.remove());
const { engine } = fixture;

/** Minified-looking filler without keywords: one long line, as a bundle is. */
const filler = (length: number) => 'function a(b){return b+1};'.repeat(Math.ceil(length / 26)).slice(0, length);

describe('large texts', () => {
  it('finds every match of a rule whose keywords are spread through a large file, each once', () => {
    const tokens = [0, 1, 2, 3, 4].map(() => expandTemplate('dmo_{base62:30}'));
    // Tokens right across region boundaries and deep inside regions.
    const text = [
      filler(REGION_SIZE - 10), tokens[0], filler(5 * REGION_SIZE), tokens[1], filler(REGION_SIZE / 2), tokens[2],
      filler(3 * REGION_SIZE + 7), tokens[3], filler(REGION_SIZE), tokens[4],
    ].join(' ');
    const matches = detectContent(text, engine);
    expect(matches.map((m) => m.secret.reveal())).toEqual(tokens);
    expect(matches.map((m) => m.column)).toEqual(tokens.map((token) => text.indexOf(token) + 1));
  });

  it('finds a match whose keyword is at the end of one region and whose secret starts the next', () => {
    const value = expandTemplate('{hex:24}');
    const assignment = `acme_value = "${value}"`;
    const text = `${filler(3 * REGION_SIZE - 14)}${assignment}${filler(3 * REGION_SIZE)}`;
    expect(detectContent(text, engine).map((m) => m.secret.reveal())).toEqual([value]);
  });

  it('finds a multi-line block that crosses a region boundary, once', () => {
    const body = Array.from({ length: 40 }, () => expandTemplate('{base64:64}')).join('\n');
    const block = `-----BEGIN DEMO KEY-----\n${body}\n-----END DEMO KEY-----`;
    const text = `${filler(2 * REGION_SIZE - 500)}\n${block}\n${filler(3 * REGION_SIZE)}`;
    const matches = detectContent(text, engine);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.secret.reveal()).toBe(block);
  });

  it('runs a rule only near its keywords: a keyword far away in a large file does not enable it', () => {
    const value = expandTemplate('far_{hex:16}');
    const near = `${filler(4 * REGION_SIZE)} farmarker ${value} ${filler(4 * REGION_SIZE)}`;
    expect(detectContent(near, engine)).toHaveLength(1);
    const far = `farmarker ${filler(8 * REGION_SIZE)} ${value} ${filler(REGION_SIZE)}`;
    expect(detectContent(far, engine)).toEqual([]);
    // In a text of two regions or less, a keyword anywhere enables the rule, as in gitleaks.
    expect(detectContent(`farmarker ${filler(REGION_SIZE)} ${value}`, engine)).toHaveLength(1);
  });
});
