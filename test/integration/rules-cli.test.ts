// `leakstop rules list` and `leakstop rules test`, through the CLI as a subprocess.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir('leakstop-rules-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface ListedRule {
  id: string;
  provider: string;
  severity: string;
  tags: string[];
  keywords: string[];
}

describe('leakstop rules list', () => {
  it('prints every built-in rule with provider, severity, tags and keywords, and counts rules and providers', async () => {
    const result = await runCli(['rules', 'list', '--format', 'json']);
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as ListedRule[];
    expect(rules.find((rule) => rule.id === 'github-pat')).toMatchObject({ provider: 'GitHub', severity: 'critical', keywords: ['ghp_'] });
    const providers = new Set(rules.map((rule) => rule.provider)).size;
    expect(result.stderr).toBe(`${rules.length} rules, ${providers} providers.\n`);

    const text = await runCli(['rules', 'list']);
    expect(text.stdout.split('\n')[0]).toMatch(/^ID +PROVIDER +SEVERITY +TAGS +KEYWORDS$/);
    expect(text.stdout).toMatch(/^github-pat +GitHub +critical +\S+ +ghp_$/m);
  });

  it('keeps only the rules with a tag, and lists configured rules too', async () => {
    const config = write('config.toml', `[[rules]]\nid = "acme-token"\nregex = '''acme_[0-9a-f]{32}'''\nkeywords = ["acme_"]\ntags = ["acme"]\n`);
    const result = await runCli(['rules', 'list', '--format', 'json', '--tag', 'acme', '--config', config]);
    expect((JSON.parse(result.stdout) as ListedRule[]).map((rule) => rule.id)).toEqual(['acme-token']);
    const generic = JSON.parse((await runCli(['rules', 'list', '--format', 'json', '--tag', 'generic'])).stdout) as ListedRule[];
    expect(generic.map((rule) => rule.id)).toContain('generic-api-key');
    expect(generic.every((rule) => rule.tags.includes('generic'))).toBe(true);
  });

  it('rejects an unknown format with one line and exit 2', async () => {
    const result = await runCli(['rules', 'list', '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('leakstop: --format must be text or json, not "yaml"\n');
  });
});

describe('leakstop rules test', () => {
  it('shows every candidate of a file, found or dropped and why, with secrets redacted', async () => {
    const good = expandTemplate('ghp_{crc32:30}');
    const bad = expandTemplate('ghp_{badcrc32:30}');
    const placeholder = expandTemplate('change-me-{base62:16}');
    const file = write('settings.env', `GITHUB_TOKEN=${good}\ntoken = "${bad}"\nsecret = "${placeholder}"\n`);
    const result = await runCli(['rules', 'test', file, '--format', 'json']);
    expect(result.code).toBe(1);
    const verdicts = JSON.parse(result.stdout) as { line: number; ruleId: string; verdict: string; reason?: string; secretRedacted?: string }[];
    expect(verdicts.map(({ line, ruleId, verdict, reason }) => [line, ruleId, verdict, reason])).toEqual([
      [1, 'generic-api-key', 'dropped', 'superseded'],
      [1, 'github-pat', 'found', undefined],
      [2, 'generic-api-key', 'dropped', 'rejected-by-specific-rule'],
      [2, 'github-pat', 'dropped', 'checksum'],
      [3, 'generic-api-key', 'dropped', 'placeholder'],
    ]);
    expect(verdicts[1]!.secretRedacted).toMatch(/^ghp_….{4}$/);
    expect(result.stderr).toBe(`5 candidate(s) in ${file}: 1 found, 4 dropped.\n`);

    const text = await runCli(['rules', 'test', file]);
    expect(text.stdout).toMatch(/^2 +github-pat +dropped: checksum +ghp_\S+…\S+$/m);
    for (const output of [result.stdout, result.stderr, text.stdout, text.stderr]) {
      expect(output).not.toContain(good);
      expect(output).not.toContain(bad);
      expect(output).not.toContain(placeholder);
    }
  });

  it('drops a token shaped like a JWT whose header and payload decode to no JSON, with reason "structure"', async () => {
    const real = expandTemplate('{jwt}');
    const shaped = expandTemplate('eyJ{base64url:30}.eyJ{base64url:40}.{base64url:43}');
    const file = write('tokens.txt', `session ${real}\nsession ${shaped}\n`);
    const result = await runCli(['rules', 'test', file, '--format', 'json']);
    const verdicts = JSON.parse(result.stdout) as { line: number; ruleId: string; verdict: string; reason?: string }[];
    expect(verdicts.map(({ line, ruleId, verdict, reason }) => [line, ruleId, verdict, reason])).toEqual([
      [1, 'jwt', 'found', undefined],
      [2, 'jwt', 'dropped', 'structure'],
    ]);
    const text = await runCli(['rules', 'test', file]);
    expect(text.stdout).toMatch(/^2 +jwt +dropped: structure +eyJ\S*…\S+$/m);
    for (const output of [result.stdout, text.stdout]) {
      expect(output).not.toContain(real);
      expect(output).not.toContain(shaped);
    }
  });

  it('fails with one line on a file it cannot read', async () => {
    const result = await runCli(['rules', 'test', path.join(dir, 'missing.env')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^leakstop: cannot read .*missing\.env: ENOENT\n$/);
  });
});
