// `leakstop scan` on real files and real git repositories, through the CLI as a subprocess.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { Scratch } from '../helpers/scratch.js';
import { findingsOf, fingerprintOf } from '../helpers/json-findings.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const fingerprint = fingerprintOf;

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const dirWith = (files: Record<string, string | Buffer>): string => scratch.dirWith(files);
const repo = (): TestRepo => scratch.repo();

function expectNoPlaintext(result: CliResult, ...secrets: string[]): void {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

describe('leakstop scan (files)', () => {
  it('finds a token at its exact place, redacted, with its keyed fingerprint', async () => {
    const token = ghToken();
    const dir = dirWith({ 'src/config.js': `// settings\nexport const token = "${token}";\n`, 'README.md': '# nothing here\n' });
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const findings = findingsOf(result);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'github-pat', path: 'src/config.js', line: 2, column: 23, secretFingerprint: fingerprint(token), registry: { match: false } });
    expect(findings[0]!.secretRedacted).toBe(`ghp_…${token.slice(-4)}`);
    expect(result.stderr).toMatch(/Scanned 2 files, \d+ B .*1 finding/);
    expectNoPlaintext(result, token);
  });

  it('exits 0 on a clean tree and still says what it scanned', async () => {
    const dir = dirWith({ 'a.txt': 'hello\n', 'b/c.py': 'print(1)\n' });
    const result = await runCli(['scan', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Scanned 2 files, 15 B in [\d.]+s: 0 findings/);
  });

  it('honours .gitignore at every level unless --no-gitignore', async () => {
    const token = ghToken();
    const dir = dirWith({ '.gitignore': 'secrets.env\n', 'sub/.gitignore': '*.local\n', 'secrets.env': `T=${token}\n`, 'sub/x.local': `T=${token}\n`, 'ok.txt': 'fine\n' });
    const honoured = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(honoured.code).toBe(0);
    const all = await runCli(['scan', '.', '--format', 'json', '--no-gitignore'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(findingsOf(all).map((f) => f.path).sort()).toEqual(['secrets.env', 'sub/x.local']);
  });

  it('shows the plaintext only with --reveal', async () => {
    const token = ghToken();
    const dir = dirWith({ 'k.env': `GITHUB_TOKEN=${token}\n` });
    const hidden = await runCli(['scan', '.'], { cwd: dir });
    expect(hidden.code).toBe(1);
    expect(hidden.stdout).toContain('github-pat');
    expectNoPlaintext(hidden, token);
    const shown = await runCli(['scan', '.', '--reveal', '--format', 'json'], { cwd: dir });
    expect(findingsOf(shown)[0]!.secret).toBe(token);
  });

  it('writes SARIF 2.1.0 as GitHub code scanning wants it', async () => {
    const token = ghToken();
    const dir = dirWith({ 'deploy/ci.yml': `env:\n  TOKEN: ${token}\n` });
    const out = path.join(dir, 'report.sarif');
    const result = await runCli(['scan', 'deploy', '--format', 'sarif', '--output', out], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules[0]).toMatchObject({ id: 'github-pat', shortDescription: { text: expect.any(String) } });
    expect(run.results[0]).toMatchObject({
      ruleId: 'github-pat',
      ruleIndex: 0,
      locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/ci.yml' }, region: { startLine: 2, startColumn: 10 } } }],
      partialFingerprints: { 'leakstop/v1': expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(fs.readFileSync(out, 'utf8')).not.toContain(token);
  });

  it('reads standard input with --stdin', async () => {
    const token = ghToken();
    const result = await runCli(['scan', '--stdin', '--format', 'json'], { input: `first\nsecond ${token}\n` });
    expect(result.code).toBe(1);
    expect(findingsOf(result)[0]).toMatchObject({ path: '<stdin>', line: 2, column: 8 });
    expectNoPlaintext(result, token);
  });

  it('finds a token inside a Kubernetes Secret\'s base64 data at the line that holds it', async () => {
    const token = ghToken();
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: gh\ndata:\n  token: ${Buffer.from(token).toString('base64')}\n`;
    const result = await runCli(['scan', '--stdin', '--format', 'json'], { input: manifest });
    expect(result.code).toBe(1);
    expect(findingsOf(result).find((f) => f.ruleId === 'github-pat')).toMatchObject({ line: 6, secretFingerprint: fingerprint(token) });
  });
});

describe('leakstop scan (rejections are final)', () => {
  it('does not report a token a specific rule rejected as a generic secret instead', async () => {
    // The same assignments with a valid token are found by the specific rule; with a wrong
    // checksum or a placeholder, the token is no token at all, so no rule may report it.
    const good = ghToken();
    const badChecksum = expandTemplate('ghp_{badcrc32:30}');
    const placeholder = `ghp_${'x'.repeat(36)}`;
    const text = `token = "${good}"\ntoken = "${badChecksum}"\napi_key = "${placeholder}"\nsecret: ${badChecksum}\n`;
    const result = await runCli(['scan', '--stdin', '--format', 'json'], { input: text });
    expect(findingsOf(result).map((f) => [f.ruleId, f.line])).toEqual([['github-pat', 1]]);
    expectNoPlaintext(result, good, badChecksum);
  });
});

describe('leakstop scan (path-limited rules)', () => {
  it('reports a <password> the Maven rule claims only in settings.xml, and as a generic secret elsewhere', async () => {
    const password = expandTemplate('{alpha:4}{digits:4}{base62:16}');
    const xml = `<servers>\n  <server>\n    <id>releases</id>\n    <password>${password}</password>\n  </server>\n</servers>\n`;
    const dir = dirWith({ '.m2/settings.xml': xml, 'deploy/config.xml': xml });
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(findingsOf(result).map((f) => [f.path, f.ruleId, f.line]).sort()).toEqual([
      ['.m2/settings.xml', 'maven-settings-password', 4],
      ['deploy/config.xml', 'generic-api-key', 4],
    ]);
    expectNoPlaintext(result, password);
  });
});

describe('leakstop scan (opt-in password hashes)', () => {
  it('reports password hashes only when the config enables the hash tag', async () => {
    const hash = expandTemplate('$2b$12${alnum:53}');
    const dir = dirWith({ 'db/seed.sql': `INSERT INTO users VALUES ('admin', '${hash}');\n`, 'leakstop.toml': '[extend]\nenableTags = ["hash"]\n' });
    expect(findingsOf(await runCli(['scan', 'db', '--format', 'json'], { cwd: dir }))).toEqual([]);
    const enabled = await runCli(['scan', 'db', '--format', 'json', '--config', 'leakstop.toml'], { cwd: dir });
    expect(findingsOf(enabled).map((f) => [f.ruleId, f.line])).toEqual([['bcrypt-hash', 1]]);
    expectNoPlaintext(enabled, hash);
  });
});

describe('leakstop scan (large trees)', () => {
  it('spreads detection over worker threads without changing the report', async () => {
    const filler = 'const value = compute(index, "plain words and numbers 12345");\n'.repeat(4000);
    const files: Record<string, string> = {};
    const tokens: string[] = [];
    for (let i = 0; i < 60; i++) {
      const token = ghToken();
      tokens.push(token);
      files[`pkg${i % 7}/file${i}.js`] = `${filler}const t${i} = "${token}";\n${filler}`;
    }
    const dir = dirWith(files);
    const single = await runCli(['scan', '.', '--format', 'json', '--concurrency', '1'], { cwd: dir });
    const threaded = await runCli(['scan', '.', '--format', 'json', '--concurrency', '2'], { cwd: dir });
    expect(single.code).toBe(1);
    expect(findingsOf(single)).toHaveLength(60);
    expect(threaded.stdout).toBe(single.stdout);
    expectNoPlaintext(threaded, ...tokens);
  });

  it('reports the same with the threads it picks itself (on two cores: this thread beside one worker)', async () => {
    // Enough files that the worker starts (after 200) and is handed batches once it is up.
    const filler = 'export const value = compute(index, "plain words and numbers 12345");\n'.repeat(600);
    const files: Record<string, string> = {};
    const tokens: string[] = [];
    for (let i = 0; i < 900; i++) {
      const token = i % 9 === 0 ? ghToken() : undefined;
      if (token) tokens.push(token);
      files[`pkg${i % 13}/file${i}.js`] = `${filler}${token ? `const t${i} = "${token}";\n` : ''}${filler}`;
    }
    const dir = dirWith(files);
    const single = await runCli(['scan', '.', '--format', 'json', '--concurrency', '1'], { cwd: dir });
    const picked = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(findingsOf(single)).toHaveLength(tokens.length);
    expect(picked.code).toBe(1);
    expect(picked.stdout).toBe(single.stdout);
    expectNoPlaintext(picked, ...tokens);
  });
});

describe('leakstop scan (hostile input)', () => {
  it('skips and counts binary files, skips and lists large ones, warns on unreadable paths', async () => {
    const token = ghToken();
    const dir = dirWith({
      'image.png': Buffer.from(`\x89PNG ${token}`),
      'blob.dat': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(token)]),
      'big.txt': `${'x'.repeat(3000)}\n${token}\n`,
      'ok.txt': 'fine\n',
    });
    const result = await runCli(['scan', '.', 'missing-dir', '--max-file-size', '2KB'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Skipped 2 binary files.');
    expect(result.stderr).toMatch(/big\.txt \(3\.0 KB\)/);
    expect(result.stderr).toMatch(/cannot read missing-dir: no such file or directory/);
  });

  it('fails with one line when no path given exists, rather than pass having scanned nothing', async () => {
    const result = await runCli(['scan', 'srcc', 'lib/missing.ts'], { cwd: dirWith({ 'ok.txt': 'fine\n' }) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('leakstop: no such file or directory: srcc, lib/missing.ts');
  });

  it('keeps line numbers right with CRLF, minified lines and invalid UTF-8', async () => {
    const [a, b, c] = [ghToken(), ghToken(), ghToken()];
    const dir = dirWith({
      'crlf.txt': `one\r\ntwo\r\nkey=${a}\r\n`,
      'min.js': `var x=1;${'y=2;'.repeat(5000)}t="${b}";`,
      'bad.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0x41, 0x0a]), Buffer.from(`t = "${c}"\n`)]),
    });
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    const byPath = Object.fromEntries(findingsOf(result).map((f) => [f.path, f]));
    expect(byPath['crlf.txt']).toMatchObject({ line: 3, column: 5, secretFingerprint: fingerprint(a) });
    expect(byPath['min.js']).toMatchObject({ line: 1, column: 8 + 20000 + 4, secretFingerprint: fingerprint(b) });
    expect(byPath['bad.txt']).toMatchObject({ line: 2, column: 6, secretFingerprint: fingerprint(c) });
  });

  it('answers a bad config with one line naming the file, and exit 2', async () => {
    const dir = dirWith({ 'bad.toml': '[[rules]]\nid = "x"\ndescription = "d"\nregex = "([a-z"\n' });
    const result = await runCli(['scan', '.', '--config', 'bad.toml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('bad.toml');
    expect(result.stderr).toContain('regex');
  });

  it('rejects an unknown format with one line and exit 2', async () => {
    const result = await runCli(['scan', '--stdin', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('leakstop: --format must be text, json, sarif, gitlab, junit or markdown, not "xml"');
  });
});

describe('leakstop scan --config (gitleaks)', () => {
  it('translates a gitleaks config on load', async () => {
    const secret = expandTemplate('acme_{base62:32}');
    const dir = dirWith({
      '.gitleaks.toml': [
        '[extend]', 'useDefault = false', '',
        '[[rules]]', 'id = "acme-key"', 'description = "Acme key"',
        `regex = '''(?i)\\b(acme_[a-z0-9]{32})\\b'''`, 'keywords = ["acme_"]', '',
      ].join('\n'),
      'app.cfg': `ACME=${secret}\n`,
    });
    const result = await runCli(['scan', 'app.cfg', '--config', '.gitleaks.toml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual([expect.objectContaining({ ruleId: 'acme-key', line: 1, secretFingerprint: fingerprint(secret) })]);
  });
});

describe('baselines', () => {
  it('are content-based: moved code stays quiet, a new secret on an old line is caught, stale entries reported', async () => {
    const [known, fresh] = [ghToken(), ghToken()];
    const dir = dirWith({ 'app.js': `const a = 1;\nconst t = "${known}";\n` });
    const baseline = path.join(dir, '.baseline.json');
    const write = await runCli(['scan', 'app.js', '--write-baseline', baseline], { cwd: dir });
    expect(write.code).toBe(0);
    expect(fs.readFileSync(baseline, 'utf8')).not.toContain(known);

    fs.writeFileSync(path.join(dir, 'app.js'), `// moved down\n\n\nconst a = 1;\nconst t = "${known}";\n`);
    const moved = await runCli(['scan', 'app.js', '--baseline', baseline], { cwd: dir });
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain('1 finding suppressed by the baseline.');

    fs.writeFileSync(path.join(dir, 'app.js'), `const a = 1;\nconst t = "${fresh}";\n`);
    const replaced = await runCli(['scan', 'app.js', '--baseline', baseline, '--format', 'json'], { cwd: dir });
    expect(replaced.code).toBe(1);
    expect(findingsOf(replaced)).toEqual([expect.objectContaining({ line: 2, secretFingerprint: fingerprint(fresh) })]);
    expect(replaced.stderr).toContain('1 baseline entry no longer matches anything (stale).');
  });
});

describe('leakstop scan --staged', () => {
  it('reports only added lines of the index, at the staged file\'s line numbers', async () => {
    const r = repo();
    const [old, added] = [ghToken(), ghToken()];
    r.commit('initial', { 'config.py': `A = 1\nOLD = "${old}"\nB = 2\n` });
    r.write('config.py', `A = 1\nOLD = "${old}"\nB = 2\nNEW = "${added}"\n`);
    r.git(['add', 'config.py']);
    r.write('config.py', 'unstaged edits do not count\n');
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: r.dir });
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual([expect.objectContaining({ path: 'config.py', line: 4, secretFingerprint: fingerprint(added) })]);
    expectNoPlaintext(result, old, added);
  });

  it('works before the first commit and with nothing staged', async () => {
    const r = repo();
    const empty = await runCli(['scan', '--staged'], { cwd: r.dir });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/Scanned 0 files/);
    const token = ghToken();
    r.write('dir with space/.env', `X=1\nTOKEN=${token}\n`);
    r.git(['add', '.']);
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: r.dir });
    expect(result.code).toBe(1);
    expect(findingsOf(result)).toEqual([expect.objectContaining({ path: 'dir with space/.env', line: 2 })]);
  });

  it('scans the staged blob, not the file beside it: edited after staging, CRLF-converted, a symbolic link', async () => {
    const r = repo();
    const [kept, converted, linked] = [ghToken(), ghToken(), ghToken()];
    r.commit('initial', { 'README.md': 'hi\n' });
    r.write('kept.env', `TOKEN=${kept}\n`);
    r.git(['add', 'kept.env']);
    // Same size, other bytes: the work-tree copy is not the staged blob.
    r.write('kept.env', `TOKEN=${'x'.repeat(kept.length)}\n`);
    r.git(['config', 'core.autocrlf', 'true']);
    r.write('converted.env', `A=1\r\nTOKEN=${converted}\r\n`);
    r.write('target.env', `TOKEN=${linked}\n`);
    fs.symlinkSync('target.env', path.join(r.dir, 'link.env'));
    r.git(['add', 'converted.env', 'link.env']);
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: r.dir });
    expect(result.code).toBe(1);
    expect(findingsOf(result).map(({ path: file, line, secretFingerprint }) => ({ file, line, secretFingerprint }))).toEqual([
      { file: 'converted.env', line: 2, secretFingerprint: fingerprint(converted) },
      { file: 'kept.env', line: 1, secretFingerprint: fingerprint(kept) },
    ]);
    expectNoPlaintext(result, kept, converted, linked);
  });

  it('finds the work tree as git does: a subdirectory, a linked work tree, GIT_DIR and GIT_WORK_TREE', async () => {
    const r = repo();
    r.commit('initial', { 'README.md': 'hi\n' });
    const [inMain, inLinked] = [ghToken(), ghToken()];
    r.write('app/deep/.env', `TOKEN=${inMain}\n`);
    r.git(['add', '.']);
    const fromSubdirectory = await runCli(['scan', '--staged', '--format', 'json'], { cwd: path.join(r.dir, 'app/deep') });
    expect(findingsOf(fromSubdirectory)).toEqual([expect.objectContaining({ path: '.env', secretFingerprint: fingerprint(inMain) })]);

    const linkedDir = path.join(scratch.dirWith({}), 'linked');
    r.git(['worktree', 'add', '-q', linkedDir]);
    fs.mkdirSync(path.join(linkedDir, 'src'));
    fs.writeFileSync(path.join(linkedDir, 'src/.env'), `TOKEN=${inLinked}\n`);
    execFileSync('git', ['add', 'src/.env'], { cwd: linkedDir });
    const fromLinked = await runCli(['scan', '--staged', '--format', 'json'], { cwd: path.join(linkedDir, 'src') });
    expect(findingsOf(fromLinked)).toEqual([expect.objectContaining({ path: '.env', secretFingerprint: fingerprint(inLinked) })]);

    // Run from elsewhere, the environment names the repository; a path outside the working directory is shown whole.
    const elsewhere = scratch.dirWith({});
    const byEnvironment = await runCli(['scan', '--staged', '--format', 'json'], {
      cwd: elsewhere, env: { GIT_DIR: path.join(r.dir, '.git'), GIT_WORK_TREE: r.dir },
    });
    expect(findingsOf(byEnvironment)).toEqual([expect.objectContaining({ secretFingerprint: fingerprint(inMain) })]);
    expect(findingsOf(byEnvironment)[0]!.path).toBe(path.join(r.dir, 'app/deep/.env'));
  });

  it('is a one-line error outside a git repository', async () => {
    const dir = dirWith({});
    const result = await runCli(['scan', '--staged'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^leakstop: .* is not inside a git work tree$/);
  });
});

describe('leakstop hook install', () => {
  it('installs a pre-commit hook that blocks a commit adding a secret', async () => {
    const r = repo();
    r.commit('initial', { 'README.md': 'hi\n' });
    const install = await runCli(['hook', 'install'], { cwd: r.dir });
    expect(install.code).toBe(0);
    const hook = path.join(r.dir, '.git/hooks/pre-commit');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);

    const token = ghToken();
    r.write('leak.txt', `token ${token}\n`);
    r.git(['add', 'leak.txt']);
    let blocked = '';
    try {
      r.git(['commit', '-q', '-m', 'leak']);
    } catch (error) {
      blocked = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    expect(blocked).toContain('github-pat');
    expect(blocked).not.toContain(token);
    expect(r.git(['log', '--oneline']).trim().split('\n')).toHaveLength(1);

    r.write('leak.txt', 'nothing secret\n');
    r.git(['add', 'leak.txt']);
    r.git(['commit', '-q', '-m', 'clean']);
    expect(r.git(['log', '--oneline']).trim().split('\n')).toHaveLength(2);
  });

  it('refuses to replace a foreign hook without --force', async () => {
    const r = repo();
    const hook = path.join(r.dir, '.git/hooks/pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const refused = await runCli(['hook', 'install'], { cwd: r.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not Leakstop's: re-run with --force/);
    expect(fs.readFileSync(hook, 'utf8')).toContain('echo mine');
    const forced = await runCli(['hook', 'install', '--force'], { cwd: r.dir });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(hook, 'utf8')).toContain('leakstop');
  });
});

describe('self-scan', () => {
  it('reports nothing on this repository', async () => {
    const result = await runCli(['scan', '.', '--format', 'json']);
    expect(findingsOf(result)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('reports nothing in this repository\'s whole history', async () => {
    const result = await runCli(['scan', '--history', '.', '--no-cache', '--format', 'json']);
    expect(findingsOf(result)).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Scanned [1-9]\d* commits?, [1-9]\d* blobs?/);
  });
});
