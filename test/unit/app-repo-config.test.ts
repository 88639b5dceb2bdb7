// `.github/leakstop.yml`: what a repository's maintainers may set, and one clear line for
// what they may not.
import { describe, expect, it } from 'vitest';
import { compileRepoRules, MAX_REPO_RULES, parseRepoConfig } from '../../src/app/repo-config.js';

describe('per-repository config', () => {
  it('reads the path allowlist, stopwords, incident repository, third-party switch and extra rules', () => {
    const parsed = parseRepoConfig(`
allowlist:
  paths: ["test/fixtures/**"]
  stopwords: ["Dummy"]
incidents:
  repository: acme/security
annotateThirdPartyKeys: false
rules:
  - id: acme-internal
    description: ACME internal token
    regex: 'acme_[0-9a-z]{32}'
    keywords: [acme_]
`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { config } = parsed;
    expect(config.allowlist?.paths).toEqual(['test/fixtures/**']);
    expect(config.allowlist?.stopwords).toEqual(['dummy']);
    expect(config.incidentRepository).toBe('acme/security');
    // By default only a public repository's incidents go there.
    expect(config.incidentRepositoryFor).toBe('public');
    expect(config.annotateThirdPartyKeys).toBe(false);
    const [rule] = compileRepoRules(config.extraRules);
    expect(rule?.id).toBe('acme-internal');
    expect(new RegExp(rule!.regex.source, rule!.regex.flags).test(`x = acme_${'a1'.repeat(16)}`)).toBe(true);
  });

  it('opts in to reporting GitHub tokens to GitHub for revocation', () => {
    expect(parseRepoConfig('revokeGitHubTokens: true\n')).toMatchObject({ ok: true, config: { revokeGitHubTokens: true } });
  });

  it('sends every incident to the incident repository with `for: all`', () => {
    const parsed = parseRepoConfig('incidents:\n  repository: acme/security\n  for: all\n');
    expect(parsed).toMatchObject({ ok: true, config: { incidentRepository: 'acme/security', incidentRepositoryFor: 'all' } });
  });

  it('gives the defaults for a missing or empty file', () => {
    for (const text of [undefined, '', '\n# nothing yet\n']) {
      const parsed = parseRepoConfig(text);
      expect(parsed).toMatchObject({ ok: true, config: { annotateThirdPartyKeys: true, revokeGitHubTokens: false, extraRules: [] } });
    }
  });

  it.each([
    ['annotateThirdParty: false', 'annotateThirdParty: unknown field'],
    ['incidents: { repository: "not a repo" }', 'incidents: repository: must be owner/name'],
    ['incidents: { repository: acme/security, for: everyone }', 'incidents: for: must be public or all'],
    ['incidents: { for: all }', 'incidents: for: needs incidents.repository'],
    ['annotateThirdPartyKeys: "yes"', 'annotateThirdPartyKeys: must be true or false'],
    ['revokeGitHubTokens: 1', 'revokeGitHubTokens: must be true or false'],
    ['rules: [{ id: x, description: d, regex: "(" }]', 'rules[0] (x): regex:'],
    ['rules: [{ id: x, description: d, regex: "a*" }]', 'matches the empty string'],
    ['allowlist: { regexes: ["x"] }', 'allowlist: regexes: unknown field'],
    [': : :', '.github/leakstop.yml:'],
  ])('refuses %s with one line naming the field', (text, expected) => {
    const parsed = parseRepoConfig(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(expected);
    expect(parsed.error).toMatch(/^\.github\/leakstop\.yml: /);
    expect(parsed.error).not.toContain('\n');
  });

  it(`refuses more than ${MAX_REPO_RULES} extra rules and very long patterns`, () => {
    const rule = (id: number, regex = 'tok_[a-z]{20}') => `  - { id: r${id}, description: d, regex: '${regex}' }`;
    const many = `rules:\n${Array.from({ length: MAX_REPO_RULES + 1 }, (_, i) => rule(i)).join('\n')}`;
    expect(parseRepoConfig(many)).toMatchObject({ ok: false, error: expect.stringContaining(`at most ${MAX_REPO_RULES} rules`) });
    const long = `rules:\n${rule(1, `x${'[a-z]'.repeat(300)}`)}`;
    expect(parseRepoConfig(long)).toMatchObject({ ok: false, error: expect.stringContaining('longer than') });
  });
});
