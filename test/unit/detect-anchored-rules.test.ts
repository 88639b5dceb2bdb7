// Rules whose every match starts with one of their keywords are tried only where the
// prefilter saw a keyword. That must never change what is found: the same texts scanned with
// and without anchoring give the same matches, for every built-in rule.
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import type { Engine } from '../../src/detect/engine.js';
import { literalPrefixes } from '../../src/detect/literal-prefixes.js';
import { expandExample, expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig, OPT_IN_TAGS } from '../../src/rules/load-config.js';
import type { Match } from '../../src/types.js';

describe('literal prefixes of a regex', () => {
  it.each([
    ['\\b(ghp_[0-9A-Za-z]{36})\\b', ['ghp_']],
    ['(?<![a-z])(?:github|gh[_.-])client', ['github', 'gh_', 'gh.', 'gh-']],
    ['re_(?<=\\bre_)[0-9]+', ['re_']],
    [':\\/\\/(?<=https?:\\/\\/)x', ['://x']],
    ['[MN][Tz]\\.', ['MT.', 'Mz.', 'NT.', 'Nz.']],
    ['(?:secret|passw(?:or)?d|key(?<=api_key))=', ['secret', 'passw', 'key']],
    ['\\x60tok', ['`tok']],
    ['(?:aws|AWS)[_.-]?secret', ['aws', 'AWS']],
    ['ab+c', ['ab']],
    // A caseless keyword spelt letter by letter, as the assignment grammar writes it: one prefix, not 2ⁿ.
    ['[aA][lL][gG][oO][lL][iI][aA][\\w.-]{0,30}', ['algolia']],
  ])('%s starts with one of %j', (source, expected) => {
    expect(literalPrefixes(source)?.sort()).toEqual([...expected].sort());
  });

  it.each([
    ['\\bAC[0-9a-f]{32}', ['AC']],
    ['(?:EAA|pk_)[A-Za-z0-9]+', ['EAA', 'pk_']],
    ['tok[eE]n', ['tok']],
    ['[_.]x', ['_x', '.x']],
  ])('%s starts with one of %j, case and all', (source, expected) => {
    expect(literalPrefixes(source, 'exact')?.sort()).toEqual([...expected].sort());
  });

  it('cannot tell, case and all, where a caseless keyword starts', () => {
    expect(literalPrefixes('[aA][lL][gG][oO]', 'exact')).toBeUndefined();
    expect(literalPrefixes('(?:ghp_|[gG]ho_)x', 'exact')).toBeUndefined();
  });

  it.each([
    ['[A-Z][a-z0-9]{21}'],
    ['[^a]bc'],
    ['(?:api|x)?key'],
    ['a?bc'],
    ['(?:abc|[0-9]+)x'],
    ['.*token'],
    ['\\w+=secret'],
    ['abc|'],
  ])('cannot tell where %s starts', (source) => {
    expect(literalPrefixes(source)).toBeUndefined();
  });
});

describe('anchored rules', () => {
  const config = loadConfig({ enableTags: [...OPT_IN_TAGS] });
  const anchored = compileEngine(config);
  const unanchored: Engine = compileEngine(config);
  for (const rule of unanchored.rules) delete rule.anchor;

  const comparable = (matches: Match[]) =>
    matches.map((match) => ({ ...match, secret: match.secret.reveal() }));

  it('cover most of the built-in rules, the generic one included', () => {
    const ids = anchored.rules.filter((rule) => rule.anchor).map((rule) => rule.rule.id);
    expect(ids.length).toBeGreaterThan(anchored.rules.length / 2);
    expect(ids).toContain('generic-api-key');
    expect(ids).toContain('github-pat');
    // Every rule built by the assignment grammar starts at its keyword.
    expect(anchored.rules.filter((rule) => rule.rule.assignment && !rule.anchor).map((rule) => rule.rule.id)).toEqual([]);
  });

  it('find exactly what running every regex over the whole text finds', () => {
    // Every example of every rule, positive and negative, in one text and each on its own,
    // between lines of code that mention keywords without secrets.
    const noise = [
      'const key = keys[index]; // token bucket, secret sauce, password field',
      'if (api_key_file) load(api_key_file); apikey = process.env.API_KEY;',
      'sk ac re_ pat gh_ cf_ :// https://example.com/path?token=',
    ];
    const pieces = config.rules.flatMap((rule) => [
      ...rule.examples.match.map((example) => expandExample(example.text).text),
      ...rule.examples.noMatch.map((template) => expandTemplate(template)),
    ]);
    // The prefilter folds case; a regex may not: every piece again with its letters' case swapped.
    const swapped = pieces.map((piece) => piece.replace(/[a-z]/gi, (char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())));
    const texts = [...pieces, [...pieces, ...noise].join('\n'), pieces.join(' '), noise.join('\n').repeat(40), swapped.join('\n'), [...pieces, ...swapped].join(' ')];
    let found = 0;
    for (const text of texts) {
      const expected = comparable(detectContent(text, unanchored));
      found += expected.length;
      expect(comparable(detectContent(text, anchored))).toEqual(expected);
    }
    expect(found).toBeGreaterThan(config.rules.length);
  });
});
