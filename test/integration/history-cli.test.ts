// `leakstop scan --history` as a user runs it: the built CLI as a subprocess, real repositories,
// a real scan cache (under a temporary XDG_CACHE_HOME).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { CLI, runCli, type CliResult } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');

const { repo, dir } = scratchSpace();

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  commit: string;
  author: string;
  email: string;
  date: string;
  message: string;
  secretRedacted: string;
}

const findingsOf = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];

/** "Scanned 3 commits, 5 blobs, 4 from cache, 1.2 KB in 0.05s: …" → the counts. */
function summary(result: CliResult): { commits: number; blobs: number; fromCache: number } {
  const line = /Scanned (\d+) commits?, (\d+) blobs?(?:, (\d+) from cache)?,/.exec(result.stderr);
  if (!line) throw new Error(`no history summary in: ${result.stderr}`);
  return { commits: Number(line[1]), blobs: Number(line[2]), fromCache: Number(line[3] ?? 0) };
}

function history(target: string, extra: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['scan', '--history', target, '--format', 'json', ...extra], { env: { XDG_CACHE_HOME: dir(), ...env } });
}

describe('leakstop scan --history', { timeout: 240_000 }, () => {
  it('reports each leak with its commit, author and line, redacted, and exits 1', async () => {
    const r = repo();
    const token = ghToken();
    r.commit('first', { 'README.md': '# demo\n' });
    const added = r.commit('Add CI settings', { '.github/ci.env': `NAME=demo\nGH_LOGIN=${token}\n` });
    r.commit('Remove settings', { '.github/ci.env': 'NAME=demo\n' });

    const result = await history(r.dir);
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toMatchObject([
      { ruleId: 'github-pat', path: '.github/ci.env', line: 2, commit: added, author: 'Ada Tester', email: 'ada@example.test', message: 'Add CI settings' },
    ]);
    expect(summary(result)).toEqual({ commits: 3, blobs: 3, fromCache: 0 });
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it('answers a second scan from the cache: only blobs with findings are read again', async () => {
    const r = repo();
    const token = ghToken();
    const encoded = expandTemplate('{b64:ghp_{crc32:30}}');
    r.commit('one', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    r.commit('two', { 'a.txt': 'a2\n', 'leak.txt': `x\n${token}\n`, 'encoded.yml': `blob: ${encoded}\n` });
    const cacheHome = dir();
    const env = { XDG_CACHE_HOME: cacheHome };

    const first = await history(r.dir, [], env);
    const second = await history(r.dir, [], env);
    expect(findingsOf(first).map((f) => `${f.path}:${f.line}`).sort()).toEqual(['encoded.yml:1', 'leak.txt:2']);
    expect(summary(first)).toEqual({ commits: 2, blobs: 5, fromCache: 0 });
    // 5 blobs, 3 answered by the cache: the two read again are the two holding secrets.
    expect(summary(second)).toEqual({ commits: 2, blobs: 5, fromCache: 3 });
    expect(second.stdout).toBe(first.stdout);
    expect(fs.existsSync(path.join(cacheHome, 'leakstop', 'history-cache.sqlite'))).toBe(true);
    // The cache holds no secret, plain or encoded, in any form a grep could find.
    const cacheFiles = fs.readdirSync(path.join(cacheHome, 'leakstop')).map((file) => fs.readFileSync(path.join(cacheHome, 'leakstop', file)));
    for (const bytes of cacheFiles) {
      expect(bytes.includes(token)).toBe(false);
      expect(bytes.includes(encoded)).toBe(false);
      expect(bytes.includes(Buffer.from(encoded, 'base64').toString())).toBe(false);
    }

    // A clean repository's second scan reads no blob at all; a clone shares the cache by content.
    const clean = repo();
    clean.commit('one', { 'x.txt': 'x\n', 'y.txt': 'y\n' });
    await history(clean.dir, [], env);
    expect(summary(await history(clean.dir, [], env))).toEqual({ commits: 1, blobs: 2, fromCache: 2 });
    const clone = dir();
    execFileSync('git', ['clone', '-q', clean.dir, clone]);
    expect(summary(await history(clone, [], env))).toEqual({ commits: 1, blobs: 2, fromCache: 2 });

    // --no-cache reads everything and leaves the cache alone; other rules do not reuse it.
    expect(summary(await history(clean.dir, ['--no-cache'], env)).fromCache).toBe(0);
    const config = path.join(dir(), 'rules.toml');
    fs.writeFileSync(config, '[extend]\nuseDefault = true\n\n[[rules]]\nid = "demo-token"\ndescription = "Demo"\nregex = \'\'\'demo_[a-z0-9]{32}\'\'\'\nkeywords = ["demo_"]\n');
    expect(summary(await history(clean.dir, ['--config', config], env)).fromCache).toBe(0);
  });

  it('attributes each leak to the same commit when a second scan takes the commit walk from the cache', async () => {
    // 1,300 commits: more than one batch of the cache's commit lookup, leaks on either side of its edges.
    const r = repo();
    const leaksAt = new Map([[2, ghToken()], [499, ghToken()], [500, ghToken()], [501, ghToken()], [1000, ghToken()], [1299, ghToken()]]);
    const stream: string[] = [];
    for (let i = 0; i < 1300; i++) {
      const text = leaksAt.has(i) ? `step ${i}\nconst t = "${leaksAt.get(i)}";\n` : `step ${i}\n`;
      const message = `commit ${i}\n`;
      stream.push(`commit refs/heads/main\nmark :${i + 1}\ncommitter Ada Tester <ada@example.test> ${1_600_000_000 + i} +0000\n`,
        `data ${Buffer.byteLength(message)}\n${message}${i > 0 ? `from :${i}\n` : ''}M 644 inline file-${i % 40}.js\ndata ${Buffer.byteLength(text)}\n${text}\n`);
    }
    execFileSync('git', ['-C', r.dir, 'fast-import', '--quiet'], { input: stream.join('') });
    const env = { XDG_CACHE_HOME: dir() };

    const first = await history(r.dir, [], env);
    const second = await history(r.dir, [], env);
    const uncached = await history(r.dir, ['--no-cache'], env);
    expect(findingsOf(first).map((f) => f.message.trim()).sort()).toEqual([...leaksAt.keys()].map((i) => `commit ${i}`).sort());
    expect(second.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
    expect(summary(second)).toEqual({ commits: 1300, blobs: 1300, fromCache: 1294 });
  });

  it('gives the same report with worker threads as without', async () => {
    const r = repo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`src/module-${i}.js`] = `export const value${i} = ${i};\n`.repeat(1 + (i % 7));
    r.commit('many files', files);
    const tokens = Array.from({ length: 6 }, ghToken);
    tokens.forEach((token, i) => r.commit(`leak ${i}`, { [`src/module-${i * 50}.js`]: `// ${i}\nconst t = "${token}";\n` }));

    const inline = await history(r.dir, ['--no-cache', '--concurrency', '1']);
    const threads = await history(r.dir, ['--no-cache', '--concurrency', '2']);
    const auto = await history(r.dir, ['--no-cache']);
    expect(findingsOf(inline)).toHaveLength(6);
    expect(threads.stdout).toBe(inline.stdout);
    expect(auto.stdout).toBe(inline.stdout);
    expect(summary(threads)).toEqual({ commits: 7, blobs: 406, fromCache: 0 });
  });

  it('says what it scanned for empty and shallow repositories', async () => {
    const empty = await history(repo().dir);
    expect(empty.code).toBe(0);
    expect(empty.stdout.trim()).toBe('[]');
    expect(summary(empty)).toEqual({ commits: 0, blobs: 0, fromCache: 0 });

    const r = repo();
    r.commit('one', { 'a.txt': 'a\n' });
    r.commit('two', { 'a.txt': 'b\n' });
    const shallow = dir();
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.dir}`, shallow]);
    const result = await history(shallow);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Warning: shallow clone');
  });

  it('fails in one line, exit 2, on a path that is not a repository and on misused flags', async () => {
    const notRepo = await history(dir());
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/^leakstop: .* is not a git repository; give the path of a work tree or bare repository\n$/);

    const sinceAlone = await runCli(['scan', '.', '--since', 'HEAD']);
    expect(sinceAlone).toMatchObject({ code: 2, stderr: 'leakstop: --since needs --history\n' });
    const twoRepos = await runCli(['scan', '--history', 'a', 'b']);
    expect(twoRepos).toMatchObject({ code: 2, stderr: 'leakstop: --history scans one repository; give one path\n' });
    const badRevision = await history(repo().dir, ['--range', 'main..nope']);
    expect(badRevision.code).toBe(2);
    expect(badRevision.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows a progress bar on a terminal, and none with --quiet or when piped', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const onTerminal = (args: string[]): string =>
      execFileSync('script', ['-qec', [process.execPath, CLI, 'scan', '--history', r.dir, '--no-cache', ...args].map((arg) => `'${arg}'`).join(' '), '/dev/null'], {
        encoding: 'utf8',
      });
    expect(onTerminal([])).toMatch(/history \|.*\| \d+\/2 blobs/);
    expect(onTerminal(['--quiet'])).not.toContain('blobs');
    const piped = await history(r.dir, ['--no-cache']);
    expect(piped.stderr).not.toContain('history |');
  });
});
