// The reports other CIs read — GitLab's secret-detection report, JUnit XML and the markdown job
// summary — checked against their documented shapes through the CLI, with no plaintext secret in any.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';
import { parseXml, type XmlElement } from '../helpers/parse-xml.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const { repo, dir } = scratchSpace();

/** Everything a run showed: stdout, stderr and the report file. */
const everything = (result: CliResult, file?: string): string =>
  `${result.stdout}\n${result.stderr}\n${file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''}`;

/** A scan from a directory with no CI variables, so nothing links unless a test says so. */
function scan(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['scan', ...args], {
    cwd,
    env: { GITHUB_SERVER_URL: undefined, GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined, CI_PROJECT_URL: undefined, CI_COMMIT_SHA: undefined, XDG_CACHE_HOME: dir(), ...env },
  });
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

interface GitlabReport {
  version: string;
  schema: string;
  scan: Record<string, unknown> & { analyzer: Record<string, unknown>; scanner: Record<string, unknown> };
  vulnerabilities: {
    id: string;
    category: string;
    name: string;
    description: string;
    severity: string;
    solution: string;
    identifiers: { type: string; name: string; value: string }[];
    location: { file: string; start_line: number; end_line: number; commit: { sha: string; author?: string } };
  }[];
}

/** The required fields and formats of security-report-schemas' secret-detection-report-format.json. */
function expectGitlabShape(report: GitlabReport): void {
  expect(report.version).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/);
  expect(report.schema).toMatch(/^https?:\/\/.+secret-detection-report-format\.json$/);
  for (const tool of [report.scan.analyzer, report.scan.scanner]) {
    expect(tool).toMatchObject({ id: expect.stringMatching(/.+/), name: expect.stringMatching(/.+/), version: expect.stringMatching(/.+/), vendor: { name: expect.stringMatching(/.+/) } });
  }
  expect(report.scan).toMatchObject({ type: 'secret_detection', status: 'success', start_time: expect.stringMatching(TIME), end_time: expect.stringMatching(TIME) });
  for (const vulnerability of report.vulnerabilities) {
    expect(vulnerability.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical']).toContain(vulnerability.severity);
    expect(vulnerability.name.length).toBeLessThanOrEqual(255);
    expect(vulnerability.identifiers.length).toBeGreaterThanOrEqual(1);
    for (const identifier of vulnerability.identifiers) for (const field of ['type', 'name', 'value'] as const) expect(identifier[field]).toMatch(/.+/);
    expect(vulnerability.location.commit.sha).toMatch(/.+/);
    expect(vulnerability).not.toHaveProperty('raw_source_code_extract');
  }
}

describe('leakstop scan --format gitlab|junit|markdown', { timeout: 120_000 }, () => {
  it('--format gitlab writes a secret-detection report GitLab accepts, redacted, at the checkout commit', async () => {
    const token = ghToken();
    const r = repo();
    const head = r.commit('app', { 'config/app.env': `NAME=app\nTOKEN=${token}\n` });
    const out = path.join(dir(), 'gl-secret-detection-report.json');
    const result = await scan(r.dir, ['--format', 'gitlab', '--output', out, '.']);
    expect(result.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as GitlabReport;
    expectGitlabShape(report);
    expect(report.vulnerabilities).toHaveLength(1);
    expect(report.vulnerabilities[0]).toMatchObject({
      category: 'secret_detection',
      severity: 'Critical',
      identifiers: [{ type: 'leakstop_rule_id', value: 'github-pat' }],
      location: { file: 'config/app.env', start_line: 2, commit: { sha: head } },
    });
    expect(report.vulnerabilities[0]!.description).toContain(`ghp_…${token.slice(-4)}`);
    expect(report.vulnerabilities[0]!.solution).toMatch(/Personal access tokens/);
    expect(everything(result, out)).not.toContain(token);
  });

  it('--format gitlab of a history scan names each finding\'s commit and author; a clean scan has no vulnerabilities', async () => {
    const token = ghToken();
    const r = repo();
    const leak = r.commit('leak', { 'a.txt': `${token}\n` });
    r.commit('remove', { 'a.txt': 'clean\n' });
    const result = await scan(r.dir, ['--history', '--format', 'gitlab', '.']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as GitlabReport;
    expectGitlabShape(report);
    expect(report.vulnerabilities.map((v) => v.location)).toEqual([
      { file: 'a.txt', start_line: 1, end_line: 1, commit: expect.objectContaining({ sha: leak, author: 'Ada Tester' }) },
    ]);
    expect(everything(result)).not.toContain(token);

    const clean = await scan(dir(), ['--format', 'gitlab', '.']);
    expect(clean.code).toBe(0);
    const empty = JSON.parse(clean.stdout) as GitlabReport;
    expectGitlabShape(empty);
    expect(empty.vulnerabilities).toEqual([]);
  });

  it('--format junit is one failing test case per finding, XML-escaped, with rule and redacted secret', async () => {
    const [one, two] = [ghToken(), ghToken()];
    const cwd = dir();
    // A file name holding XML's special characters must not break the document.
    fs.writeFileSync(path.join(cwd, 'a&b<"c">.env'), `X=${one}\n`);
    fs.writeFileSync(path.join(cwd, 'plain.txt'), `\n\n${two}\n`);
    const result = await scan(cwd, ['--format', 'junit', '.']);
    expect(result.code).toBe(1);
    const suites = parseXml(result.stdout);
    expect(suites.name).toBe('testsuites');
    expect(suites.attributes).toMatchObject({ tests: '2', failures: '2' });
    const suite = suites.children.find((child) => child.name === 'testsuite')!;
    expect(suite.attributes).toMatchObject({ tests: '2', failures: '2', errors: '0' });
    const cases = suite.children.filter((child) => child.name === 'testcase');
    expect(cases.map((c) => c.attributes.file).sort()).toEqual(['a&b<"c">.env', 'plain.txt']);
    const failureOf = (c: XmlElement): XmlElement => c.children.find((child) => child.name === 'failure')!;
    const plain = cases.find((c) => c.attributes.file === 'plain.txt')!;
    expect(plain.attributes).toMatchObject({ classname: 'leakstop.github-pat', name: 'github-pat at plain.txt:3', line: '3' });
    expect(failureOf(plain).attributes.message).toBe(`github-pat: ghp_…${two.slice(-4)} at plain.txt:3`);
    expect(failureOf(plain).text).toMatch(/fix: .*Personal access tokens/);
    expect(everything(result)).not.toContain(one);
    expect(everything(result)).not.toContain(two);
  });

  it('--format junit of a clean scan holds one passing test case, so CIs see a report', async () => {
    const cwd = dir();
    fs.writeFileSync(path.join(cwd, 'readme.txt'), 'nothing here\n');
    const result = await scan(cwd, ['--format', 'junit', '.']);
    expect(result.code).toBe(0);
    const suite = parseXml(result.stdout).children[0]!;
    expect(suite.attributes).toMatchObject({ tests: '1', failures: '0' });
    const cases = suite.children.filter((child) => child.name === 'testcase');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.children).toEqual([]);
    expect(suite.children.find((child) => child.name === 'system-out')!.text).toMatch(/^Scanned 1 file/);
  });

  it('--format markdown is the job-summary table, linked to the line at its commit on GitHub', async () => {
    const token = ghToken();
    const r = repo();
    const leak = r.commit('leak', { 'src/pipe|name.env': `A=1\nT=${token}\n` });
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/app' };
    const result = await scan(r.dir, ['--history', '--format', 'markdown', '.'], env);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('### Leakstop: 1 secret found');
    const header = lines.indexOf('| rule | where | secret (redacted) | what to do |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('| --- | --- | --- | --- |');
    const row = lines[header + 2]!;
    // Four cells: the pipe in the path is escaped.
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
    expect(row).toContain('| github-pat |');
    expect(row).toContain(`(https://github.com/octo/app/blob/${leak}/src/pipe%7Cname.env#L2)`);
    expect(row).toContain(`\`ghp_…${token.slice(-4)}\``);
    expect(row).toMatch(/Personal access tokens/);
    expect(result.stdout).toMatch(/Scanned 1 commit/);
    expect(everything(result)).not.toContain(token);
  });

  it('--format markdown links into GitLab from GitLab CI, and links nothing when no repository is known', async () => {
    const token = ghToken();
    const r = repo();
    const head = r.commit('leak', { 'k.env': `T=${token}\n` });
    const gitlab = await scan(r.dir, ['--format', 'markdown', '.'], { CI_PROJECT_URL: 'https://gitlab.example/group/app', CI_COMMIT_SHA: head });
    expect(gitlab.stdout).toContain(`(https://gitlab.example/group/app/-/blob/${head}/k.env#L1)`);
    const local = await scan(r.dir, ['--format', 'markdown', '.']);
    expect(local.code).toBe(1);
    expect(local.stdout).toContain('| github-pat | `k.env:1` |');
    expect(local.stdout).not.toContain('](');
    expect(everything(gitlab) + everything(local)).not.toContain(token);
  });

  it('an unknown format names the formats there are', async () => {
    const result = await scan(dir(), ['--format', 'xml', '.']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('leakstop: --format must be text, json, sarif, gitlab, junit or markdown, not "xml"\n');
  });
});
