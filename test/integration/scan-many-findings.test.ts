// One finding per secret and place, and files holding very many findings: through the CLI as a
// subprocess, on inputs generated at run time.
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo } from '../helpers/git-repo.js';
import { dirWith } from '../helpers/temp-files.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));


interface JsonFinding {
  ruleId: string;
  line: number;
  description: string;
  notListed?: number;
}

const findingsOf = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];

describe('one secret at one place is one finding', () => {
  it('reports an AWS secret key named as one and next to its key id once', async () => {
    const keyId = expandTemplate('AKIA{base32:16}');
    const secret = expandTemplate('{base64:40}');
    const dir = dirWith({ '.env': `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n` }, cleanups);
    const result = await runCli(['scan', '.env', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const onSecretLine = findingsOf(result).filter((finding) => finding.line === 2);
    // Both AWS rules match it; the one whose match holds the key id too reports it.
    expect(onSecretLine.map((finding) => finding.ruleId)).toEqual(['aws-secret-access-key-with-key-id']);
  });

  it('does not report a GitHub token with a wrong checksum as a generic secret instead', async () => {
    const dir = dirWith({ 'config.py': `token = "${expandTemplate('ghp_{badcrc32:30}')}"\n` }, cleanups);
    const result = await runCli(['scan', 'config.py', '--format', 'json'], { cwd: dir });
    expect(findingsOf(result)).toEqual([]);
    expect(result.code).toBe(0);
  });
});

// 150,000 generic findings in one file (~7.5 MB, under the default 10 MB limit).
const MANY = 150_000;
const manyFindings = (): string =>
  Array.from({ length: MANY }, (_, i) => expandTemplate(`password${i % 10} = "{base62:36}"`)).join('\n') + '\n';

function expectCapped(result: CliResult): void {
  expect(result.stderr).not.toContain('Maximum call stack');
  expect(result.code).toBe(1);
  const findings = findingsOf(result).filter((finding) => finding.ruleId === 'generic-api-key');
  // The first 1,000 are listed, then one summary stands for the rest.
  expect(findings).toHaveLength(1001);
  const summary = findings[1000]!;
  expect(summary.notListed).toBeGreaterThan(MANY - 1000 - 2000); // a few random values fail the rule's own filters
  expect(summary.description).toContain(`${summary.notListed} more in this file`);
  expect(findings.slice(0, 1000).every((finding) => finding.notListed === undefined)).toBe(true);
}

describe('a file with very many findings', () => {
  const text = manyFindings();

  it('is scanned as a path: capped, with a summary, no crash', async () => {
    const dir = dirWith({ 'many.env': text }, cleanups);
    expectCapped(await runCli(['scan', 'many.env', '--format', 'json', '--quiet'], { cwd: dir }));
  });

  it('is scanned from stdin the same way', async () => {
    expectCapped(await runCli(['scan', '--stdin', '--format', 'json', '--quiet'], { input: text }));
  });

  it('is scanned staged the same way', async () => {
    const repo = TestRepo.init();
    cleanups.push(() => repo.remove());
    repo.write('many.env', text);
    repo.git(['add', 'many.env']);
    expectCapped(await runCli(['scan', '--staged', '--format', 'json', '--quiet'], { cwd: repo.dir }));
  });

  it('in staged mode counts only the added lines, so a new secret below many old ones is listed', async () => {
    const repo = TestRepo.init();
    cleanups.push(() => repo.remove());
    const old = Array.from({ length: 1500 }, () => expandTemplate('password = "{base62:36}"')).join('\n');
    repo.write('app.env', `${old}\n`);
    repo.git(['add', 'app.env']);
    repo.git(['commit', '-qm', 'old secrets']);
    repo.write('app.env', `${old}\n${expandTemplate('password = "{base62:36}"')}\n`);
    repo.git(['add', 'app.env']);
    const result = await runCli(['scan', '--staged', '--format', 'json', '--quiet'], { cwd: repo.dir });
    expect(findingsOf(result).map((finding) => [finding.line, finding.notListed])).toEqual([[1501, undefined]]);
  });
});
