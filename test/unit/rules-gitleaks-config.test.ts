import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectFragment } from '../../src/detect/detect-fragment.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig } from '../../src/rules/load-config.js';
import { tempDir } from '../helpers/git-repo.js';
import { DEMO_TOKEN_RULE } from '../helpers/rule-fixtures.js';

/** A gitleaks config using the Go regex syntax and the fields people migrate with. */
const GITLEAKS = `
title = "team gitleaks config"

[allowlist]
description = "global allow list"
paths = ['''(?:^|/)testdata/''', '''\\.lock$''']
regexes = ['''(?i)^true|false$''']
stopwords = ["notreal"]

[[rules]]
id = "acme-key"
description = "ACME key"
regex = '''(?i)acme[_-]?key\\s*[:=]\\s*['"]?(?P<key>[a-z0-9]{32})'''
secretGroup = 1
entropy = 3
keywords = ["acme"]
tags = ["acme"]
[rules.allowlist]
stopwords = ["deadbeef"]

[[rules]]
id = "mixed-case"
description = "A case-sensitive prefix, then a case-insensitive body"
regex = '''\\b(mxd-(?i)[a-z0-9]{32})\\b'''
keywords = ["mxd-"]

[[rules]]
id = "partly-sensitive"
regex = '''(?i)\\b(?:(?-i:ACME|[Aa]cme)_tok)\\s*=\\s*([a-f0-9]{24})'''
keywords = ["_tok"]

[[rules]]
id = "config-only"
regex = '''cfg_[0-9a-f]{24}\\z'''
path = '''(?i)\\.(?:ya?ml|ini)$'''
keywords = ["cfg_"]
  [[rules.allowlists]]
  condition = "AND"
  regexTarget = "line"
  regexes = ['''#\\s*ci-only''']
  paths = ['''^ci/''']
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function setup(config: string): { rulesDir: string; configPath: string; dir: string } {
  const dir = tempDir('leakstop-gitleaks-');
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'rules'));
  fs.writeFileSync(path.join(dir, 'rules', 'demo.toml'), DEMO_TOKEN_RULE);
  fs.writeFileSync(path.join(dir, '.gitleaks.toml'), config);
  return { dir, rulesDir: path.join(dir, 'rules'), configPath: path.join(dir, '.gitleaks.toml') };
}

function load(config: string) {
  const { rulesDir, configPath } = setup(config);
  return loadConfig({ rulesDir, configPath });
}

function configError(config: string): string {
  const { dir, rulesDir, configPath } = setup(config);
  try {
    loadConfig({ rulesDir, configPath });
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replaceAll(dir + path.sep, '');
  }
  throw new Error('expected a ConfigError');
}

describe('a gitleaks config', () => {
  const config = load(GITLEAKS);
  const engine = compileEngine(config);
  const found = (text: string, file = 'src/app.ts') =>
    detectFragment({ text, origin: { path: file } }, engine).map((f) => [f.ruleId, f.secret.reveal()]);

  it('replaces the built-in rules unless it says [extend] useDefault = true, as gitleaks does', () => {
    expect(config.rules.map((rule) => rule.id)).toEqual(['acme-key', 'mixed-case', 'partly-sensitive', 'config-only']);
    const extended = load(`${GITLEAKS}\n[extend]\nuseDefault = true\n`);
    expect(extended.rules.map((rule) => rule.id)).toEqual(['demo-token', 'acme-key', 'mixed-case', 'partly-sensitive', 'config-only']);
  });

  it('keeps a leading (?i) as a flag and a named group (?P<key>) as the secret', () => {
    const key = expandTemplate('{alnum:32}').toLowerCase();
    expect(found(`ACME_KEY = "${key}"`)).toEqual([['acme-key', key]]);
    expect(config.rules[0]!.regex.flags).toBe('i');
  });

  it('applies its rule allowlist and its global allowlist', () => {
    expect(found(`acme-key: ${expandTemplate('deadbeef{hex:24}')}`)).toEqual([]);
    expect(found(`acmekey=${expandTemplate('notreal{lower:25}')}`)).toEqual([]);
    expect(found(`acme_key="${expandTemplate('{lower:32}')}"`, 'pkg/testdata/keys.txt')).toEqual([]);
  });

  it('honours (?i) switched on part-way: the prefix stays case-sensitive', () => {
    const body = expandTemplate('{upper:32}');
    expect(found(`mxd-${body}`)).toEqual([['mixed-case', `mxd-${body}`]]);
    expect(found(`MXD-${body}`)).toEqual([]);
  });

  it('honours (?-i:…) inside a case-insensitive rule', () => {
    const value = expandTemplate('{hex:24}');
    expect(found(`Acme_tok = ${value}`)).toEqual([['partly-sensitive', value]]);
    expect(found(`ACME_TOK = ${value}`)).toEqual([['partly-sensitive', value]]);
    expect(found(`aCmE_tok = ${value}`)).toEqual([]);
  });

  it('keeps a rule path regex as a path restriction, \\z as the end of the text, and AND allowlists', () => {
    const value = expandTemplate('cfg_{hex:24}');
    expect(found(value, 'deploy/app.YAML')).toEqual([['config-only', value]]);
    expect(found(value, 'src/app.ts')).toEqual([]);
    expect(found(`${value}\nmore`, 'deploy/app.yaml')).toEqual([]);
    expect(found(`# ci-only\n${value}`, 'ci/app.yaml')).toEqual([['config-only', value]]);
    expect(found(`x: 1\n# ci-only ${value}`, 'ci/app.yaml')).toEqual([]);
    expect(found(`# ci-only ${value}`, 'deploy/app.yaml')).toEqual([['config-only', value]]);
  });
});

describe('gitleaks configs Leakstop cannot translate', () => {
  it.each([
    ['an ungreedy flag', `title = "t"\n[[rules]]\nid = "lazy"\nregex = '''(?U)a+b'''`,
      /^\.gitleaks\.toml: rules\[0\] \(lazy\): regex: the \(\?U\) ungreedy flag has no JavaScript equivalent$/],
    ['a path-only rule', `title = "t"\n[[rules]]\nid = "pem-file"\npath = '''\\.pem$'''`,
      /^\.gitleaks\.toml: rules\[0\] \(pem-file\): path: path-only gitleaks rules are not supported/],
    ['a composite rule', `title = "t"\n[[rules]]\nid = "combo"\nregex = "a"\n[[rules.required]]\nid = "x"`,
      /^\.gitleaks\.toml: rules\[0\] \(combo\): required: composite gitleaks rules are not supported/],
    ['an extended config file', `[extend]\npath = "base.toml"`, /^\.gitleaks\.toml: extend: path: extending another gitleaks config is not supported/],
    ['a field gitleaks does not have', `title = "t"\n[[rules]]\nid = "x"\nregex = "abc"\nseverity = "high"`,
      /^\.gitleaks\.toml: rules\[0\] \(x\): severity: unknown field \(not a gitleaks rule field\)$/],
  ])('refuses %s with one line naming the file and the rule', (_, toml, expected) => {
    expect(configError(toml)).toMatch(expected);
  });
});
