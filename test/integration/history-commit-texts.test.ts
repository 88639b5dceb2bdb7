// Keys pasted into git metadata, as a user meets them with `leakstop scan --history`: a commit
// message, an annotated tag's message and a git note are scanned as fragments of their commit
// (reported at `commit:<sha>`), and a secret in any report field — message, author, path — is
// redacted in every format, on stdout, stderr and --output files alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const stripeKey = (): string => expandTemplate('sk_live_{base62:24}');

const { repo, dir } = scratchSpace();

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  commit: string | null;
  author: string | null;
  message: string | null;
  within?: string;
  secret?: string;
}

const findingsOf = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];

function scan(target: string, extra: string[], cacheHome = dir()): Promise<CliResult> {
  return runCli(['scan', '--history', target, ...extra], { env: { XDG_CACHE_HOME: cacheHome } });
}

/** Every output of a run: stdout, stderr and the --output file when there is one. */
function everything(result: CliResult, output?: string): string {
  return `${result.stdout}\n${result.stderr}\n${output && fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : ''}`;
}

describe('leakstop scan --history: secrets in git metadata', { timeout: 240_000 }, () => {
  it('reports a key in a commit message at commit:<sha>, in text, JSON and SARIF, and prints its plaintext nowhere', async () => {
    const r = repo();
    const stripe = stripeKey();
    const token = ghToken();
    r.commit('first', { 'README.md': '# demo\n' });
    const subject = r.commit(`add stripe key ${stripe} for prod`, { 'app.txt': 'hello\n' });
    const body = r.commit(`Deploy settings\n\nThe CI login is\nGH=${token}\n`, { 'app.txt': 'hello again\n' });

    const json = await scan(r.dir, ['--format', 'json']);
    expect(json.code).toBe(1);
    const findings = findingsOf(json);
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'stripe-secret-key', path: `commit:${subject}`, line: 1, column: 16, commit: subject, within: 'message' }),
      expect.objectContaining({ ruleId: 'github-pat', path: `commit:${body}`, line: 4, column: 4, commit: body, within: 'message' }),
    ]));
    expect(findings).toHaveLength(2);
    // The subject line is shown, with the key in it redacted.
    const subjectFinding = findings.find((finding) => finding.commit === subject)!;
    expect(subjectFinding.message).toMatch(/^add stripe key sk_live_\w{4}…\w{3} for prod$/);
    expect(everything(json)).not.toContain(stripe);
    expect(everything(json)).not.toContain(token);

    const text = await scan(r.dir, ['--format', 'text']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`commit:${subject}:1:16`);
    expect(text.stdout).toContain('add stripe key sk_live_');
    expect(everything(text)).not.toContain(stripe);

    const sarifFile = path.join(dir(), 'report.sarif');
    const sarif = await scan(r.dir, ['--format', 'sarif', '--output', sarifFile]);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.runs[0]!.results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.artifactLocation.uri]).sort()).toEqual([
      ['github-pat', `commit:${body}`],
      ['stripe-secret-key', `commit:${subject}`],
    ]);
    expect(everything(sarif, sarifFile)).not.toContain(stripe);
    expect(everything(sarif, sarifFile)).not.toContain(token);
  });

  it("finds keys in an annotated tag's message and in a git note, at the commit they belong to", async () => {
    const r = repo();
    const inTag = ghToken();
    const inNote = stripeKey();
    const first = r.commit('first', { 'README.md': '# demo\n' });
    const tagged = r.commit('release', { 'app.txt': 'v1\n' });
    r.git(['tag', '-a', 'v1.0', '-m', `Release 1.0\n\ntoken ${inTag}`]);
    r.git(['notes', 'add', '-m', `deployed with ${inNote}`, first]);

    for (const extra of [[], ['--branch', 'main']]) {
      const result = await scan(r.dir, ['--format', 'json', ...extra]);
      expect(result.code).toBe(1);
      expect(findingsOf(result).map(({ ruleId, path: where, line, commit, within }) => ({ ruleId, path: where, line, commit, within })).sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual([
        { ruleId: 'github-pat', path: `commit:${tagged}`, line: 3, commit: tagged, within: 'tag v1.0' },
        { ruleId: 'stripe-secret-key', path: `commit:${first}`, line: 1, commit: first, within: 'note refs/notes/commits' },
      ]);
      expect(everything(result)).not.toContain(inTag);
      expect(everything(result)).not.toContain(inNote);
    }

    // The notes ref's own commits are not history of the project: nothing is found twice.
    const text = await scan(r.dir, ['--format', 'text']);
    expect(text.stdout).toContain(`commit:${tagged}:3:7 (tag v1.0)`);
    expect(everything(text)).not.toContain(inTag);
    expect(everything(text)).not.toContain(inNote);
  });

  it('scans only the selected commits’ messages under --range and --since', async () => {
    const r = repo();
    const older = ghToken();
    const newer = ghToken();
    const first = r.commit(`first ${older}`, { 'README.md': '# demo\n' });
    const second = r.commit(`second ${newer}`, { 'app.txt': 'x\n' });

    const ranged = findingsOf(await scan(r.dir, ['--format', 'json', '--range', `${first}..${second}`]));
    expect(ranged.map((finding) => finding.path)).toEqual([`commit:${second}`]);
    const since = findingsOf(await scan(r.dir, ['--format', 'json', '--since', first]));
    expect(since.map((finding) => finding.path)).toEqual([`commit:${second}`]);
  });

  it('redacts a secret in an author name or a path, in every format, and a cached second scan reports the same', async () => {
    const r = repo();
    const inAuthor = stripeKey();
    const inPath = ghToken();
    const inFile = ghToken();
    const inMessage = ghToken();
    r.commit('first', { 'README.md': '# demo\n' });
    r.commit(`add the key ${inMessage}`, { [`keys/${inPath}.txt`]: `token=${inFile}\n` }, { GIT_AUTHOR_NAME: `Deploy ${inAuthor}` });
    const plaintexts = [inAuthor, inPath, inFile, inMessage];

    const cacheHome = dir();
    const first = await scan(r.dir, ['--format', 'json'], cacheHome);
    const second = await scan(r.dir, ['--format', 'json'], cacheHome);
    expect(first.code).toBe(1);
    expect(second.stderr).toMatch(/from cache/);
    expect(findingsOf(second)).toEqual(findingsOf(first));
    const findings = findingsOf(first);
    expect(findings.map((finding) => finding.within ?? 'file').sort()).toEqual(['file', 'message']);
    for (const finding of findings) {
      expect(finding.author).toMatch(/^Deploy sk_live_\w{4}…\w{3}$/);
      expect(finding.message).toMatch(/^add the key ghp_…\w{4}$/);
    }
    expect(findings.find((finding) => !finding.within)!.path).toMatch(/^keys\/ghp_…\w{4}\.txt$/);

    const sarifFile = path.join(dir(), 'report.sarif');
    const outputs = [
      first,
      second,
      await scan(r.dir, ['--format', 'text'], cacheHome),
      await scan(r.dir, ['--format', 'sarif', '--output', sarifFile], cacheHome),
    ];
    const seen = `${outputs.map((result) => everything(result)).join('\n')}\n${fs.readFileSync(sarifFile, 'utf8')}`;
    for (const plaintext of plaintexts) expect(seen).not.toContain(plaintext);

    // --reveal shows what was asked for, in plaintext: the secrets and the fields that hold them.
    const revealed = findingsOf(await scan(r.dir, ['--format', 'json', '--reveal'], cacheHome));
    expect(revealed.map((finding) => finding.secret).sort()).toEqual([inFile, inMessage].sort());
    expect(revealed[0]!.author).toBe(`Deploy ${inAuthor}`);
  });

  it('shows nothing of a multi-line key pasted into the first paragraph of a message, which the subject joins into one line', async () => {
    const r = repo();
    const key = expandTemplate('-----BEGIN RSA PRIVATE KEY-----\n{base64:64}\n{base64:64}\n{base64:64}\n{base64:20}==\n-----END RSA PRIVATE KEY-----');
    const sha = r.commit(`deploy key:\n${key}`, { 'README.md': '# demo\n' });
    const json = await scan(r.dir, ['--format', 'json']);
    expect(findingsOf(json).map(({ ruleId, path: where, line }) => ({ ruleId, path: where, line }))).toEqual([{ ruleId: 'private-key-rsa', path: `commit:${sha}`, line: 2 }]);
    const text = await scan(r.dir, ['--format', 'text']);
    for (const line of key.split('\n').slice(1, -1)) {
      expect(everything(json)).not.toContain(line.slice(0, 16));
      expect(everything(text)).not.toContain(line.slice(0, 16));
    }
  });
});
