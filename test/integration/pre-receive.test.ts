// Server-side push protection as a git server runs it: `leakstop hook install --pre-receive` in a
// real bare repository, real `git push`es over the file transport and over HTTP (`git http-backend`).
// Only the commits a push brings are scanned; a leak is refused with a readable message, never
// with its plaintext; `-o leakstop.allow=…` lets it in and is audited; an overrun budget lets it in.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { serveGitOverHttp, type GitHttpServer } from '../helpers/git-http-server.js';
import { CLI, runCli } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const { repo, dir } = scratchSpace();
const cacheHome = tempDir();
afterAll(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

interface Pushed {
  ok: boolean;
  stderr: string;
}

/** The pusher's environment: who they are, and nothing another server would set. */
const PUSHER_ENV = { USER: 'ada-pusher', GL_USERNAME: undefined, GITHUB_USER_LOGIN: undefined, REMOTE_USER: undefined, XDG_CACHE_HOME: cacheHome };

/** Asynchronous: the HTTP server answering the push runs in this very process. */
function push(work: TestRepo, args: string[], env: Record<string, string | undefined> = {}): Promise<Pushed> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['push', ...args], { cwd: work.dir, env: { ...process.env, ...PUSHER_ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, stderr }));
  });
}

async function server(): Promise<{ bare: TestRepo; work: TestRepo }> {
  const bare = TestRepo.init({ bare: true });
  const work = repo();
  const installed = await runCli(['hook', 'install', '--pre-receive', bare.dir]);
  expect(installed.code).toBe(0);
  expect(installed.stdout).toContain(path.join(bare.dir, 'hooks', 'pre-receive'));
  work.git(['remote', 'add', 'origin', bare.dir]);
  return { bare, work };
}

const refOf = (bare: TestRepo, ref: string): string | undefined => {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: bare.dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
};

const hasObject = (bare: TestRepo, sha: string): boolean => spawnSync('git', ['cat-file', '-e', sha], { cwd: bare.dir }).status === 0;

describe('leakstop scan --pre-receive (file transport)', { timeout: 240_000 }, () => {
  it('accepts a clean push and refuses a leaking one with a message per finding, storing nothing of it', async () => {
    const { bare, work } = await server();
    const clean = work.commit('clean', { 'README.md': 'hello\n' });
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    expect(refOf(bare, 'refs/heads/main')).toBe(clean);

    const token = ghToken();
    const leak = work.commit('add config', { 'config/app.env': `NAME=app\nTOKEN=${token}\n` });
    const refused = await push(work, ['origin', 'HEAD:refs/heads/main']);
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain('remote: Leakstop: push rejected: 1 secret in the pushed commits.');
    expect(refused.stderr).toContain(`remote:   config/app.env:2  github-pat  ghp_…${token.slice(-4)}`);
    expect(refused.stderr).toContain(`added in commit ${leak.slice(0, 12)} by Ada Tester`);
    expect(refused.stderr).toMatch(/fix: .*Personal access tokens/);
    expect(refused.stderr).toContain('git commit --amend');
    expect(refused.stderr).toContain('git rebase -i <commit>^');
    expect(refused.stderr).toContain('git push -o leakstop.allow="<why>"');
    expect(refused.stderr).toContain('pre-receive hook declined');
    expect(refused.stderr).not.toContain(token);
    expect(refOf(bare, 'refs/heads/main')).toBe(clean);
    // git dropped the quarantine: the leaking commit never reached the server's objects.
    expect(hasObject(bare, leak)).toBe(false);
  });

  it('-o leakstop.allow="reason" lets the push in, says who and why, and appends to the audit file', async () => {
    const { bare, work } = await server();
    const token = ghToken();
    const leak = work.commit('fixture', { 'test/fixture.env': `${token}\n` });
    const allowed = await push(work, ['-o', 'leakstop.allow=test fixture, revoked', 'origin', 'HEAD:refs/heads/main']);
    expect(allowed.ok).toBe(true);
    expect(allowed.stderr).toContain('remote: Leakstop: 1 secret let through by ada-pusher: "test fixture, revoked"');
    expect(allowed.stderr).toContain(`test/fixture.env:1  github-pat  ghp_…${token.slice(-4)}`);
    expect(refOf(bare, 'refs/heads/main')).toBe(leak);
    const audit = fs.readFileSync(path.join(bare.dir, 'leakstop-allow.log'), 'utf8');
    const entry = JSON.parse(audit.trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({
      pusher: 'ada-pusher',
      reason: 'test fixture, revoked',
      refs: [{ ref: 'refs/heads/main', after: leak }],
      findings: [{ ruleId: 'github-pat', path: 'test/fixture.env', line: 1, commit: leak, secretRedacted: `ghp_…${token.slice(-4)}` }],
    });
    expect(fs.statSync(path.join(bare.dir, 'leakstop-allow.log')).mode & 0o777).toBe(0o600);
    expect(allowed.stderr + audit).not.toContain(token);

    // What is on the server already is not scanned again: a clean push on top of it goes in.
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    work.commit('more', { 'b.txt': 'b\n' });
    const onTop = await push(work, ['origin', 'HEAD:refs/heads/main']);
    expect(onTop.ok).toBe(true);
    expect(onTop.stderr).not.toContain('Leakstop');
  });

  it('a new branch is judged by the commits no ref on the server has; deleting a branch is always let in', async () => {
    const { bare, work } = await server();
    const token = ghToken();
    work.commit('base', { 'a.txt': 'a\n' });
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    // The allowed old leak lives on `main`; a branch off it with clean commits is clean.
    work.commit('old leak', { 'old.env': `${token}\n` });
    expect((await push(work, ['-o', 'leakstop.allow=old', 'origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit('feature', { 'f.txt': 'f\n' });
    const branch = await push(work, ['origin', 'HEAD:refs/heads/feature']);
    expect(branch.ok).toBe(true);
    expect(branch.stderr).not.toContain('Leakstop');

    const other = ghToken();
    work.git(['checkout', '-q', '-b', 'leaky', 'main']);
    work.commit('leak on a new branch', { 'n.env': `${other}\n` });
    const refused = await push(work, ['origin', 'HEAD:refs/heads/leaky']);
    expect(refused.ok).toBe(false);
    // Only the new branch's own commit: the old leak on main is not listed again.
    expect(refused.stderr).toContain('1 secret in the pushed commits');
    expect(refused.stderr).toContain('n.env:1');
    expect(refused.stderr).not.toContain('old.env');
    expect(refOf(bare, 'refs/heads/leaky')).toBeUndefined();

    const deleted = await push(work, ['origin', ':refs/heads/feature']);
    expect(deleted.ok).toBe(true);
    expect(refOf(bare, 'refs/heads/feature')).toBeUndefined();
  });

  it('a force push is judged by its rewritten commits: a leak amended in is refused, amended out is accepted', async () => {
    const { bare, work } = await server();
    const token = ghToken();
    work.commit('one', { 'a.txt': 'a\n' });
    work.commit('two', { 'b.txt': 'b\n' });
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    work.write('b.txt', `b\n${token}\n`);
    work.git(['commit', '-q', '-a', '--amend', '-m', 'two, amended']);
    const refused = await push(work, ['--force', 'origin', 'HEAD:refs/heads/main']);
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain('b.txt:2  github-pat');
    work.write('b.txt', 'b\nfrom the environment\n');
    work.git(['commit', '-q', '-a', '--amend', '-m', 'two, fixed']);
    const fixed = work.git(['rev-parse', 'HEAD']).trim();
    expect((await push(work, ['--force', 'origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    expect(refOf(bare, 'refs/heads/main')).toBe(fixed);
  });

  it('a tag brings its commit and its message: a tag of a new leaking commit or with a secret in its message is refused, a plain tag of a commit on the server is not', async () => {
    const { bare, work } = await server();
    work.commit('base', { 'a.txt': 'a\n' });
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
    work.git(['tag', '-a', '-m', 'release', 'v1']);
    expect((await push(work, ['origin', 'refs/tags/v1'])).ok).toBe(true);
    const token = ghToken();
    work.commit('leak', { 'k.env': `${token}\n` });
    work.git(['tag', '-a', '-m', 'release 2', 'v2']);
    const refused = await push(work, ['origin', 'refs/tags/v2']);
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain('k.env:1  github-pat');
    expect(refOf(bare, 'refs/tags/v2')).toBeUndefined();
    expect(refused.stderr).not.toContain(token);

    // A tag's own message is new with it, even on a commit the server has.
    const inMessage = ghToken();
    work.git(['tag', '-a', '-m', `deploy with ${inMessage}`, 'v1.1', 'HEAD~1']);
    const tagged = await push(work, ['origin', 'refs/tags/v1.1']);
    expect(tagged.ok).toBe(false);
    expect(tagged.stderr).toMatch(/the tag v1\.1 of commit [0-9a-f]{12}  github-pat  ghp_…/);
    expect(tagged.stderr).not.toContain(inMessage);
  });

  it('a scan over its time budget lets the push in with a warning', async () => {
    const { bare, work } = await server();
    // An administrator's own hook script with a budget no scan can meet.
    fs.writeFileSync(path.join(bare.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' scan --pre-receive --timeout 0.001\n`, { mode: 0o755 });
    const token = ghToken();
    const leak = work.commit('leak', { 'k.env': `${token}\n` });
    const pushed = await push(work, ['origin', 'HEAD:refs/heads/main']);
    expect(pushed.ok).toBe(true);
    expect(pushed.stderr).toContain('remote: Leakstop: warning: the scan did not finish within its 0.001s budget, so this push was let in unscanned.');
    expect(refOf(bare, 'refs/heads/main')).toBe(leak);
  });

  it('judges pushes where the server account cannot keep a fingerprint key file', async () => {
    const { work } = await server();
    const notADir = path.join(dir(), 'file');
    fs.writeFileSync(notADir, '');
    const token = ghToken();
    work.commit('leak', { 'k.env': `${token}\n` });
    const refused = await push(work, ['origin', 'HEAD:refs/heads/main'], { XDG_CONFIG_HOME: path.join(notADir, 'config'), LEAKSTOP_FINGERPRINT_KEY: undefined });
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain('k.env:1  github-pat');
    expect(refused.stderr).not.toContain('leakstop: ');
  });

  it('rejects a bad --timeout and a hook install into a work tree with one line', async () => {
    const bad = await runCli(['scan', '--pre-receive', '--timeout', '0'], { input: '' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('leakstop: --timeout must be a number of seconds above 0, not "0"\n');
    const work = repo();
    const install = await runCli(['hook', 'install', '--pre-receive', work.dir]);
    expect(install.code).toBe(2);
    expect(install.stderr).toMatch(/^leakstop: .* is not a bare repository: a pre-receive hook belongs on the server/);
    const hookOnly = await runCli(['scan', '--timeout', '3', dir()]);
    expect(hookOnly.stderr).toBe('leakstop: --timeout needs --pre-receive\n');
  });
});

describe('leakstop scan --pre-receive (HTTP through git http-backend)', { timeout: 240_000 }, () => {
  let root: string;
  let http: GitHttpServer;
  beforeAll(async () => {
    root = dir();
    http = await serveGitOverHttp(root, 'http-pusher', { XDG_CACHE_HOME: cacheHome });
  });
  afterAll(() => http.close());

  it('refuses a leaking push over HTTP and lets it in with leakstop.allow, naming the authenticated user', async () => {
    const bareDir = path.join(root, 'app.git');
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', bareDir]);
    expect((await runCli(['hook', 'install', '--pre-receive', bareDir])).code).toBe(0);
    const work = repo();
    work.git(['remote', 'add', 'origin', `${http.url}/app.git`]);
    work.commit('clean', { 'a.txt': 'a\n' });
    expect((await push(work, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);

    const token = ghToken();
    const leak = work.commit('leak', { 'deploy/key.env': `KEY=${token}\n` });
    const refused = await push(work, ['origin', 'HEAD:refs/heads/main']);
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain(`remote:   deploy/key.env:1  github-pat  ghp_…${token.slice(-4)}`);
    expect(refused.stderr).not.toContain(token);

    const allowed = await push(work, ['-o', 'leakstop.allow=rotated already', 'origin', 'HEAD:refs/heads/main']);
    expect(allowed.ok).toBe(true);
    expect(allowed.stderr).toContain('let through by http-pusher: "rotated already"');
    expect(spawnSync('git', ['rev-parse', 'refs/heads/main'], { cwd: bareDir, encoding: 'utf8' }).stdout.trim()).toBe(leak);
    expect(fs.readFileSync(path.join(bareDir, 'leakstop-allow.log'), 'utf8')).toContain('"pusher":"http-pusher"');
  });
});
