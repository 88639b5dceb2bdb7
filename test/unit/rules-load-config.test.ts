import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { ConfigError } from '../../src/errors.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig, parseMaxFileSize } from '../../src/rules/load-config.js';
import { tempDir } from '../helpers/git-repo.js';

const DEMO = `
provider = "Demo"

[[rules]]
id = "demo-token"
description = "Demo token"
regex = '''\\b(dmo_[0-9A-Za-z]{30})\\b'''
keywords = ["DMO_"]
tags = ["demo"]
  [rules.examples]
  match = ['t = "«dmo_{base62:30}»"']
  noMatch = ["dmo_short"]

[[rules]]
id = "whole"
description = "No group"
provider = "Other"
regex = '''(?i)wml_[0-9a-f]{24}'''
severity = "low"
checksum = "crc32-base62"
`;

const OTHER = `
provider = "Second"
[[rules]]
id = "second-token"
description = "Second token"
regex = '''snd_[0-9a-f]{24}'''
keywords = ["snd_"]
`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function setup(files: Record<string, string>): string {
  const dir = tempDir('leakstop-config-');
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function loadError(files: Record<string, string>, withConfig = false): string {
  const dir = setup(files);
  const rulesDir = path.join(dir, 'rules');
  try {
    loadConfig(withConfig ? { rulesDir, configPath: path.join(dir, 'config.toml') } : { rulesDir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replaceAll(dir + path.sep, '');
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: rule files', () => {
  it('loads every rules/*.toml in name order with defaults filled in', () => {
    const dir = setup({ 'rules/b-demo.toml': DEMO, 'rules/a-second.toml': OTHER, 'rules/README.md': '# not a rule file' });
    const config = loadConfig({ rulesDir: path.join(dir, 'rules') });
    expect(config.rules.map((rule) => [rule.id, rule.provider, rule.secretGroup, rule.severity])).toEqual([
      ['second-token', 'Second', 0, 'medium'],
      ['demo-token', 'Demo', 1, 'medium'],
      ['whole', 'Other', 0, 'low'],
    ]);
    const [, demo, whole] = config.rules;
    expect(demo!.keywords).toEqual(['dmo_']);
    expect(demo!.examples).toEqual({ match: [{ text: 't = "«dmo_{base62:30}»"' }], noMatch: ['dmo_short'] });
    expect(demo!.source).toBe(path.join(dir, 'rules', 'b-demo.toml'));
    expect(whole!.regex.flags).toBe('i');
    expect(whole!.checksum).toBe('crc32-base62');
    expect(config.maxFileSize).toBe(10 * 1024 * 1024);
    expect(config.sources).toEqual([path.join(dir, 'rules', 'a-second.toml'), path.join(dir, 'rules', 'b-demo.toml')]);
  });

  it('loads the built-in rule pack from the package by default', () => {
    const config = loadConfig();
    expect(config.rules.length).toBeGreaterThan(0);
    expect(config.rulesetVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(config.sources.every((file) => file.endsWith('.toml'))).toBe(true);
  });

  it.each([
    ['an invalid regex', `[[rules]]\nid = "x"\ndescription = "d"\nprovider = "p"\nregex = '''(unclosed'''`,
      /^rules\/bad\.toml: rules\[0\] \(x\): regex: Invalid regular expression: .*$/],
    ['a regex matching the empty string', `[[rules]]\nid = "x"\ndescription = "d"\nprovider = "p"\nregex = '''a*'''`,
      /^rules\/bad\.toml: rules\[0\] \(x\): regex: matches the empty string/],
    ['an unknown field', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\nkeyword = ["abc"]`,
      /^rules\/bad\.toml: rules\[0\] \(x\): keyword: unknown field$/],
    ['a missing id', `provider = "p"\n[[rules]]\ndescription = "d"\nregex = "abc"`, /^rules\/bad\.toml: rules\[0\]: id: is required/],
    ['a missing provider', `[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"`, /^rules\/bad\.toml: rules\[0\] \(x\): provider: is required/],
    ['a wrong type', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\nentropy = "high"`,
      /^rules\/bad\.toml: rules\[0\] \(x\): entropy: must be a number, not a string$/],
    ['a secret group the regex lacks', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "a(b)c"\nsecretGroup = 2`,
      /^rules\/bad\.toml: rules\[0\] \(x\): secretGroup: must be a group number from 0 to 1/],
    ['an unknown group name', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "a(?<k>b)c"\nsecretGroup = "key"`,
      /secretGroup: the regex has no group named "key"/],
    ['an unknown checksum', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\nchecksum = "md5"`,
      /rules\[0\] \(x\): checksum: must be one of crc32-base62$/],
    ['an unknown severity', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\nseverity = "urgent"`,
      /rules\[0\] \(x\): severity: must be one of critical, high, medium, low, info$/],
    ['a bad allowlist regex', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\n[[rules.allowlists]]\nregexes = ["ok", "[z-a]"]`,
      /^rules\/bad\.toml: rules\[0\] \(x\): allowlists\[0\]: regexes\[1\]: Invalid regular expression/],
    ['an empty allowlist', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\n[[rules.allowlists]]\ndescription = "nothing"`,
      /allowlists\[0\]: regexes: an allowlist needs at least one of/],
    ['a duplicate id', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abd"`,
      /^rules\/bad\.toml: rules\[1\] \(x\): duplicate rule id$/],
    ['invalid TOML', `provider = "p"\n[[rules]\nid = "x"`, /^rules\/bad\.toml: line 2, column \d+: invalid TOML: /],
    ['an assignment with a regex too', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nregex = "abc"\nassignment = { keyword = ["acme"], value = "[0-9a-f]{32}" }`,
      /^rules\/bad\.toml: rules\[0\] \(x\): regex: is set by \[rules\.assignment\]; remove it$/],
    ['an assignment without a keyword', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { value = "[0-9a-f]{32}" }`,
      /rules\[0\] \(x\): assignment: keyword: is required/],
    ['an assignment keyword that is no word', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { keyword = ["acme|corp"], value = "[0-9a-f]{32}" }`,
      /rules\[0\] \(x\): assignment: keyword\[0\]: must be letters and digits/],
    ['an assignment value matching the empty string', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { keyword = ["acme"], value = "[0-9a-f]*" }`,
      /rules\[0\] \(x\): assignment: value: matches the empty string$/],
    ['an assignment value with a named group', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { keyword = ["acme"], value = "(?<v>[0-9a-f]{32})" }`,
      /rules\[0\] \(x\): assignment: value: must not hold named groups$/],
    ['an assignment flag that is no flag', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { keyword = ["mysql"], flag = ["p"], value = "[0-9a-f]{32}" }`,
      /rules\[0\] \(x\): assignment: flag\[0\]: must be a command-line flag/],
    ['an unknown assignment field', `provider = "p"\n[[rules]]\nid = "x"\ndescription = "d"\nassignment = { keyword = ["acme"], value = "[0-9a-f]{32}", names = ["key"] }`,
      /rules\[0\] \(x\): assignment: names: unknown field$/],
  ])('rejects %s with one line naming the file and the field', (_, toml, expected) => {
    expect(loadError({ 'rules/bad.toml': toml })).toMatch(expected);
  });

  it('builds an assignment rule from its keyword and value: keywords for the prefilter, the secret in its group', () => {
    const dir = setup({ 'rules/acme.toml': `provider = "Acme"\n[[rules]]\nid = "acme-key"\ndescription = "Acme key"\nassignment = { keyword = ["acme corp", "acme"], name = ["key"], value = "[0-9a-f]{32}" }\n` });
    const config = loadConfig({ rulesDir: path.join(dir, 'rules') });
    const [rule] = config.rules;
    expect(rule).toMatchObject({ id: 'acme-key', keywords: ['corp', 'acme'], secretGroup: 'secret',
      assignment: { keywords: ['acme corp', 'acme'], names: ['key'], value: '[0-9a-f]{32}' } });
    const value = expandTemplate('{hex:32}');
    for (const text of [`ACME_API_KEY=${value}`, `acmeCorpKey: "${value}"`, `<acme.key>${value}</acme.key>`, `--acme-key ${value}`]) {
      expect(new RegExp(rule!.regex.source, rule!.regex.flags).exec(text)?.groups?.secret, text).toBe(value);
    }
    // A name ending in `_ID` names something about the key: an allowlist every assignment rule carries drops it.
    const engine = compileEngine(config);
    expect(detectContent(`ACME_KEY_ID=${value}`, engine)).toEqual([]);
    expect(detectContent(`ACME_KEY=${value}`, engine).map((match) => match.secret.reveal())).toEqual([value]);
  });

  it('rejects an opt-in tag the config does not know', () => {
    expect(loadError({ 'rules/a.toml': OTHER, 'config.toml': '[extend]\nenableTags = ["hashes"]\n' }, true))
      .toBe('config.toml: extend: enableTags[0]: "hashes" is not an opt-in tag (hash)');
  });

  it('rejects a rule id defined in two files, naming both', () => {
    expect(loadError({ 'rules/a.toml': OTHER, 'rules/b.toml': OTHER })).toBe(
      'rules/b.toml: rule id "second-token" is already defined in rules/a.toml',
    );
  });

  it('rejects a directory without rule files', () => {
    expect(loadError({ 'rules/readme.txt': 'x' })).toBe('rules: no rule files (*.toml) found');
  });
});

describe('loadConfig: user config', () => {
  it('adds its rules to the built-in ones, replaces same-id rules and disables listed ones', () => {
    const dir = setup({
      'rules/demo.toml': DEMO,
      'rules/second.toml': OTHER,
      'config.toml': `
provider = "Mine"
maxFileSize = "2MB"
[extend]
disabledRules = ["whole"]
[[rules]]
id = "second-token"
description = "Replaced"
regex = '''snd_[0-9a-f]{32}'''
[[rules]]
id = "own-token"
description = "Own"
regex = '''own_[0-9a-f]{24}'''
[[allowlists]]
paths = ["fixtures/**"]
`,
    });
    const config = loadConfig({ rulesDir: path.join(dir, 'rules'), configPath: path.join(dir, 'config.toml') });
    expect(config.rules.map((rule) => [rule.id, rule.description, rule.provider])).toEqual([
      ['demo-token', 'Demo token', 'Demo'],
      ['second-token', 'Replaced', 'Mine'],
      ['own-token', 'Own', 'Mine'],
    ]);
    expect(config.allowlists).toHaveLength(1);
    expect(config.maxFileSize).toBe(2 * 1024 * 1024);
    expect(config.sources.at(-1)).toBe(path.join(dir, 'config.toml'));
  });

  it('uses only its own rules with useDefault = false', () => {
    const dir = setup({
      'rules/demo.toml': DEMO,
      'config.toml': `[extend]\nuseDefault = false\n[[rules]]\nid = "own"\ndescription = "Own"\nregex = "own_[0-9]{8}"`,
    });
    const config = loadConfig({ rulesDir: path.join(dir, 'rules'), configPath: path.join(dir, 'config.toml') });
    expect(config.rules.map((rule) => rule.id)).toEqual(['own']);
  });

  it.each([
    ['an unknown disabled rule', '[extend]\ndisabledRules = ["nope"]', /^config\.toml: extend: disabledRules\[0\]: no rule "nope"/],
    ['a bad maxFileSize', 'maxFileSize = "lots"', /^config\.toml: maxFileSize: "lots" is not a size/],
    ['an unknown top-level field', 'maxfilesize = 10', /^config\.toml: maxfilesize: unknown field$/],
    ['an unknown extend field', '[extend]\nuse_default = true', /^config\.toml: extend: use_default: unknown field$/],
  ])('rejects %s naming the file and the field', (_, toml, expected) => {
    expect(loadError({ 'rules/demo.toml': DEMO, 'config.toml': toml }, true)).toMatch(expected);
  });

  it('names a config file that does not exist', () => {
    const dir = setup({ 'rules/demo.toml': DEMO });
    expect(() => loadConfig({ rulesDir: path.join(dir, 'rules'), configPath: path.join(dir, 'missing.toml') }))
      .toThrow(/missing\.toml: cannot read config: no such file or directory$/);
  });
});

describe('rulesetVersion', () => {
  const version = (dir: string, config?: string) =>
    loadConfig(config ? { rulesDir: path.join(dir, 'rules'), configPath: path.join(dir, config) } : { rulesDir: path.join(dir, 'rules') }).rulesetVersion;

  it('is stable, and independent of where the rules are installed', () => {
    const a = setup({ 'rules/demo.toml': DEMO });
    const b = setup({ 'rules/demo.toml': DEMO });
    expect(version(a)).toBe(version(a));
    expect(version(a)).toBe(version(b));
  });

  it('changes when a rule changes, a rule file is added, or the user config changes', () => {
    const base = version(setup({ 'rules/demo.toml': DEMO }));
    expect(version(setup({ 'rules/demo.toml': DEMO.replace('{30}', '{31}') }))).not.toBe(base);
    expect(version(setup({ 'rules/demo.toml': DEMO, 'rules/second.toml': OTHER }))).not.toBe(base);
    const withConfig = version(setup({ 'rules/demo.toml': DEMO, 'c.toml': 'maxFileSize = 1000' }), 'c.toml');
    expect(withConfig).not.toBe(base);
    expect(version(setup({ 'rules/demo.toml': DEMO, 'c.toml': 'maxFileSize = 2000' }), 'c.toml')).not.toBe(withConfig);
  });
});

describe('parseMaxFileSize', () => {
  it.each([
    ['10MB', 10 * 1024 ** 2], ['10 mb', 10 * 1024 ** 2], ['512KiB', 512 * 1024], ['1.5G', 1.5 * 1024 ** 3],
    ['1048576', 1048576], ['100b', 100], [4096, 4096],
  ] as const)('reads %j as %d bytes', (input, bytes) => {
    expect(parseMaxFileSize(input)).toEqual({ ok: true, bytes });
  });

  it.each(['abc', '10TB', '0', '-5MB', 0, -1, 1.5])('refuses %j', (input) => {
    expect(parseMaxFileSize(input).ok).toBe(false);
  });
});
