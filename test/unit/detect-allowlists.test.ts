import { afterAll, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { detectFragment } from '../../src/detect/detect-fragment.js';
import { isPathAllowlisted } from '../../src/detect/path-allowlisted.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import type { DroppedCandidate, Rule } from '../../src/types.js';
import { ruleFixture } from '../helpers/rule-fixtures.js';

const RULES = `
provider = "Demo"

[[rules]]
id = "loose-secret"
description = "Any quoted value assigned to secret (no entropy floor): exercises the filters"
regex = '''secret\\s*=\\s*"([^"]+)"'''
keywords = ["secret"]

[[rules]]
id = "demo-token"
description = "Demo token"
regex = '''\\b(dmo_[0-9A-Za-z]{30})\\b'''
keywords = ["dmo_"]
  [[rules.allowlists]]
  description = "documentation tokens end in 0000"
  regexes = ['''0000$''']
  [[rules.allowlists]]
  regexes = ['''^\\s*//\\s*sample:''']
  regexTarget = "line"
  [[rules.allowlists]]
  stopwords = ["qqqqqq"]
  [[rules.allowlists]]
  paths = ["**/fixtures/**", "*.snap"]

[[rules]]
id = "ctx-token"
description = "A key in context; demo keys are allowed by what the match says"
regex = '''(?:ctx_key|ctx_demo_key)\\s*=\\s*"([0-9a-f]{24})"'''
keywords = ["ctx_"]
  [[rules.allowlists]]
  regexes = ['''^ctx_demo_key''']
  regexTarget = "match"

[[rules]]
id = "env-token"
description = "Applies to .env files only"
regex = '''\\b(env_[0-9a-f]{24})\\b'''
keywords = ["env_"]
paths = ["*.env", "config/**/*.ini"]

[[rules]]
id = "and-token"
description = "An AND allowlist: test paths AND a TEST marker on the line"
regex = '''\\b(and_[0-9a-f]{24})\\b'''
keywords = ["and_"]
  [[rules.allowlists]]
  condition = "AND"
  paths = ["test/**"]
  regexes = ['''TEST''']
  regexTarget = "line"
`;

const USER_CONFIG = `
[[allowlists]]
description = "vendored code"
paths = ["vendor/**"]

[[allowlists]]
stopwords = ["notakey"]

[[allowlists]]
targetRules = ["loose-secret"]
regexes = ['''^internal-''']
`;

const fixture = ruleFixture({ 'demo.toml': RULES }, USER_CONFIG);
afterAll(() => fixture.remove());
const { engine } = fixture;

function reasons(text: string): DroppedCandidate['reason'][] {
  const dropped: DroppedCandidate[] = [];
  detectContent(text, engine, { onDrop: (candidate) => dropped.push(candidate) });
  return dropped.map((candidate) => candidate.reason);
}

function found(text: string, path = 'src/app.ts'): string[] {
  return detectFragment({ text, origin: { path } }, engine).map((finding) => finding.ruleId);
}

describe('built-in placeholders', () => {
  const placeholders = [
    '${API_SECRET}', '$API_SECRET', '{{ .Values.secret }}', '<your-secret>', '%s', '%(secret)s',
    'XXXXXXXXXXXXXXXX', 'xxxxx-xxxxx-xxxxx', '****************', '0000000000000000', 'your-api-key-here',
    'your_token', 'changeme', 'replace_me', 'placeholder-value', 'REDACTED', '…', 'true', 'null',
    'somepassword', 'my_secret', 'a123b45c6d78e9f012a34cd5e6a7890b12c3d45e6f78a1b234c56d7e890a1234',
  ];
  const stopwords = ['AKIAIOSFODNN7EXAMPLE', 'example-secret-value', 'my-sample-key', 'dummy-value-123', 'FAKE_VALUE_42', 'fake-key-4242', 'myMockKey9', 'test123abc'];

  it.each(placeholders)('drops %s as a placeholder', (value) => {
    expect(reasons(`secret = "${value}"`)).toEqual(['placeholder']);
  });

  it.each(stopwords)('drops %s for its stopword', (value) => {
    expect(reasons(`secret = "${value}"`)).toEqual(['stopword']);
  });

  it('keeps real-looking random values', () => {
    for (const template of ['{base62:32}', '{hex:40}', '{base64:40}', 'sk_{base62:24}']) {
      const value = expandTemplate(template);
      expect(detectContent(`secret = "${value}"`, engine).map((m) => m.secret.reveal())).toEqual([value]);
    }
  });
});

describe('inline allow', () => {
  it.each(['leakstop:allow', 'gitleaks:allow', 'pragma: allowlist secret'])('a line with "%s" is dropped, others are kept', (marker) => {
    const allowed = expandTemplate('dmo_{base62:30}');
    const kept = expandTemplate('dmo_{base62:30}');
    const text = `a = "${allowed}" // ${marker}\nb = "${kept}"\n`;
    expect(detectContent(text, engine).map((m) => m.secret.reveal())).toEqual([kept]);
    expect(reasons(text)).toEqual(['inline-allow']);
  });
});

describe('inline allow in a minified file', () => {
  it('counts a marker near the match only, not anywhere on a very long line', () => {
    const far = expandTemplate('dmo_{base62:30}');
    const near = expandTemplate('dmo_{base62:30}');
    const filler = 'function a(b){return b+1};'.repeat(200);
    const text = `var x="${far}";${filler}var y="${near}";/* leakstop:allow */${filler}`;
    expect(detectContent(text, engine).map((m) => m.secret.reveal())).toEqual([far]);
  });
});

describe('rule allowlists', () => {
  it('tests regexes against the secret by default', () => {
    expect(reasons(expandTemplate('x dmo_{base62:26}0000'))).toEqual(['allowlist-regex']);
  });

  it('tests regexes against the whole line with regexTarget = "line"', () => {
    const token = expandTemplate('dmo_{base62:30}');
    expect(reasons(`  // sample: ${token}`)).toEqual(['allowlist-regex']);
    expect(detectContent(`  // real: ${token}`, engine)).toHaveLength(1);
  });

  it('tests regexes against the regex match with regexTarget = "match"', () => {
    expect(reasons(expandTemplate('ctx_demo_key = "{hex:24}"'))).toEqual(['allowlist-regex']);
    expect(found(expandTemplate('ctx_key = "{hex:24}"'))).toEqual(['ctx-token']);
    // The line mentions ctx_demo_key, but the match does not start with it.
    expect(found(expandTemplate('see ctx_demo_key; ctx_key = "{hex:24}"'))).toEqual(['ctx-token']);
  });

  it('drops a secret containing a stopword, in any case', () => {
    expect(reasons(expandTemplate('dmo_{base62:10}QQQQQQ{base62:14}'))).toEqual(['allowlist-stopword']);
  });

  it('allows paths matching its globs; a glob without "/" matches the base name anywhere', () => {
    const text = expandTemplate('dmo_{base62:30}');
    expect(found(text, 'test/fixtures/keys.txt')).toEqual([]);
    expect(found(text, 'ui/__snapshots__/view.test.ts.snap')).toEqual([]);
    expect(found(text, 'src/keys.txt')).toEqual(['demo-token']);
  });

  it('with condition AND, allows only where every criterion holds', () => {
    const text = expandTemplate('and_{hex:24} // TEST');
    expect(found(text, 'test/unit/a.ts')).toEqual([]);
    expect(found(text, 'src/a.ts')).toEqual(['and-token']);
    expect(found(expandTemplate('and_{hex:24} // prod'), 'test/unit/a.ts')).toEqual(['and-token']);
  });
});

describe('rule paths', () => {
  it('apply the rule only to matching paths', () => {
    const text = expandTemplate('env_{hex:24}');
    expect(found(text, 'deploy/prod.env')).toEqual(['env-token']);
    expect(found(text, 'config/a/b/app.ini')).toEqual(['env-token']);
    expect(found(text, 'src/app.ts')).toEqual([]);
  });
});

describe('global allowlists from the user config', () => {
  it('allow by path for every rule, and say so before the file is read', () => {
    expect(found(expandTemplate('dmo_{base62:30}'), 'vendor/lib/a.js')).toEqual([]);
    expect(isPathAllowlisted(engine, 'vendor/lib/a.js')).toBe(true);
    expect(isPathAllowlisted(engine, './src/vendor.js')).toBe(false);
  });

  it('apply stopwords to every rule', () => {
    expect(reasons(`secret = "notakey-${expandTemplate('{base62:20}')}"`)).toEqual(['allowlist-stopword']);
  });

  it('with targetRules, apply to those rules only', () => {
    const value = expandTemplate('{base62:20}');
    expect(reasons(`secret = "internal-${value}"`)).toEqual(['allowlist-regex']);
  });
});

describe('registry-shape rules (bypassAllowlists)', () => {
  it('skip every allowlist, placeholder, inline allow and entropy floor', () => {
    const registryRule: Rule = {
      id: 'registry-shape', description: 'A registered key', provider: 'Us', regex: /\b(rgk_[0-9A-Za-z]{16})\b/,
      secretGroup: 1, keywords: ['rgk_'], entropy: 5.5, paths: [], allowlists: [], tags: [], severity: 'critical',
      examples: { match: [], noMatch: [] }, source: 'registry', bypassAllowlists: true,
    };
    const withRegistry = compileEngine(fixture.config, [registryRule]);
    const key = `rgk_EXAMPLE${'x'.repeat(9)}`; // a placeholder by every built-in measure
    const findings = detectFragment({ text: `k = "${key}" // leakstop:allow notakey`, origin: { path: 'vendor/x' } }, withRegistry);
    expect(findings.map((f) => [f.ruleId, f.secret.reveal()])).toEqual([['registry-shape', key]]);
  });

  it('extend the version the engine reports beyond the config\'s ruleset version', () => {
    expect(engine.version).toBe(fixture.config.rulesetVersion);
    const rule = { ...fixture.config.rules[0]!, id: 'extra-rule' };
    expect(compileEngine(fixture.config, [rule]).version).not.toBe(fixture.config.rulesetVersion);
  });
});
