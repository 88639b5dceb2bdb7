import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { translateGoRegex } from '../../src/rules/go-regex.js';

function compile(go: string): RegExp {
  const result = translateGoRegex(go);
  if (!result.ok) throw new Error(result.error);
  return new RegExp(result.source, result.flags);
}

function whole(go: string): RegExp {
  return compile(`^(?:${go})$`.replace('^(?:(?i)', '(?i)^(?:'));
}

describe('translateGoRegex', () => {
  it('turns whole-pattern flags into JS flags', () => {
    expect(translateGoRegex('(?i)abc')).toEqual({ ok: true, source: 'abc', flags: 'i' });
    expect(translateGoRegex('(?is)a.c')).toEqual({ ok: true, source: 'a.c', flags: 'is' });
    expect(translateGoRegex('(?m)^x$')).toEqual({ ok: true, source: '^x$', flags: 'm' });
  });

  it('emulates (?i) switched on part-way: only the rest of the group ignores case', () => {
    const regex = compile('^p8e-(?i)[a-z0-9]{4}$');
    expect(regex.test('p8e-AbC1')).toBe(true);
    expect(regex.test('P8E-abc1')).toBe(false);
    const grouped = compile('^(?:x(?i)y)z$');
    expect(grouped.test('xYz')).toBe(true);
    expect(grouped.test('xYZ')).toBe(false);
  });

  it('emulates (?-i:…) inside a case-insensitive pattern', () => {
    const regex = compile('(?i)^key_(?-i:ACME|[Aa]cme)_[a-f]{2}$');
    expect(regex.test('KEY_Acme_AF')).toBe(true);
    expect(regex.test('key_ACME_af')).toBe(true);
    expect(regex.test('key_aCmE_af')).toBe(false);
    const scoped = compile('^(?i:ab)c$');
    expect(scoped.test('ABc')).toBe(true);
    expect(scoped.test('ABC')).toBe(false);
  });

  it('adds the other case to classes under an emulated (?i), negated ones too', () => {
    const regex = compile('^a(?i)[b-d][^x-z]$');
    expect(regex.test('aCa')).toBe(true);
    expect(regex.test('aCX')).toBe(false);
    expect(regex.test('aCx')).toBe(false);
  });

  it('translates named groups, \\A, \\z, \\Q…\\E and octal or hex escapes', () => {
    expect(compile('(?P<key>[0-9]+)').exec('ab 42')?.groups?.key).toBe('42');
    const anchored = compile('\\Aab\\z');
    expect([anchored.test('ab'), anchored.test('ab\n'), anchored.test('xab')]).toEqual([true, false, false]);
    expect(compile('^\\Q.*+\\E$').test('.*+')).toBe(true);
    expect(compile('^\\Q.*+\\E$').test('abc')).toBe(false);
    expect(compile('^\\x{41}\\x42\\101$').test('ABA')).toBe(true);
  });

  it('keeps \\A and \\z anchored to the text under (?m)', () => {
    const regex = compile('(?m)\\Aab$');
    expect(regex.test('ab\ncd')).toBe(true);
    expect(regex.test('x\nab')).toBe(false);
  });

  it('emulates (?s) and (?m) switched on part-way', () => {
    expect(compile('^a(?s:.)b$').test('a\nb')).toBe(true);
    expect(compile('^a.b$').test('a\nb')).toBe(false);
    expect(compile('^a.b$').test('a\rb')).toBe(true); // Go's . excludes only \n
    const lines = compile('x\\n(?m:^y$)');
    expect(lines.test('x\ny\nz')).toBe(true);
    expect(lines.test('x\nyz')).toBe(false);
  });

  it('expands POSIX classes', () => {
    expect(whole('[[:alpha:]]+[[:digit:]]').test('abZ9')).toBe(true);
    expect(whole('[^[:space:]]+').test('a b')).toBe(false);
    expect(whole('[[:xdigit:]]{4}').test('0aF9')).toBe(true);
  });

  it('reads Go literal syntax JavaScript would misread', () => {
    expect(whole('[]a]+').test(']a]')).toBe(true); // ] first in a class is a literal
    expect(whole('a{b').test('a{b')).toBe(true); // a brace that is no repetition is a literal
    expect(whole('x{2,3}').test('xxx')).toBe(true);
    expect(whole('a\\-b\\"c').test('a-b"c')).toBe(true);
    expect(whole('[a\\-z]+').test('a-z')).toBe(true);
    expect(whole('[a\\-z]+').test('b')).toBe(false);
  });

  it('uses the u flag for Unicode classes', () => {
    const result = translateGoRegex('\\pL+\\p{Greek}');
    expect(result.ok && result.flags).toBe('u');
    expect(compile('^\\pL+\\p{Greek}$').test('héllo\u03bb')).toBe(true);
  });

  it('translates regexes from gitleaks\' default config with the same meaning', () => {
    const adobe = compile(String.raw`\b(p8e-(?i)[a-z0-9]{32})(?:[\x60'"\s;]|\\[nr]|$)`);
    const body = expandTemplate('{alnum:32}');
    expect(adobe.exec(`x p8e-${body};`)?.[1]).toBe(`p8e-${body}`);
    expect(adobe.test(`x P8E-${body};`)).toBe(false);

    const meraki = compile(String.raw`[\w.-]{0,50}?(?i:[\w.-]{0,50}?(?:(?-i:[Mm]eraki|MERAKI))(?:[ \t\w.-]{0,20})[\s'"]{0,3})(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([0-9a-f]{40})(?:[\x60'"\s;]|\\[nr]|$)`);
    const hex = expandTemplate('{hex:40}');
    expect(meraki.exec(`MERAKI_API_KEY = "${hex}"`)?.[1]).toBe(hex);
    expect(meraki.exec(`meraki_api_key = "${hex}"`)?.[1]).toBe(hex);
    expect(meraki.test(`mERAKI_api_key = "${hex}"`)).toBe(false);

    const curl = compile(String.raw`\bcurl\b(?:.*?|.*?(?:[\r\n]{1,2}.*?){1,5})[ \t\n\r](?:-H|--header)(?:=|[ \t]{0,5})(?:"(?i)(?:Authorization:[ \t]{0,5}(?:Basic[ \t]([a-z0-9+/]{8,}={0,3})|(?:Bearer|(?:Api-)?Token)[ \t]([\w=~@.+/-]{8,})|([\w=~@.+/-]{8,}))|(?:(?:X-(?:[a-z]+-)?)?(?:Api-?)?(?:Key|Token)):[ \t]{0,5}([\w=~@.+/-]{8,}))")`);
    const token = expandTemplate('{alnum:24}');
    expect(curl.exec(`curl -H "authorization: bearer ${token}" https://api.example.test`)?.[2]).toBe(token);
  });

  it.each([
    ['(?U)a+', /ungreedy/],
    ['a\\C', /any byte/],
    ['(?<=a)b', /unsupported group syntax/],
    ['[[:^alpha:]]', /unsupported character class/],
    ['\\e', /unsupported escape/],
  ])('refuses %s with a reason', (go, reason) => {
    const result = translateGoRegex(go);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });
});
