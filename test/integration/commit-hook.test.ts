// What a developer meets at `git commit`: the blocked-commit advice, renames, and `hook install --force`,
// through the CLI as a subprocess on real repositories.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { runCli } from '../helpers/run-cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tryCommit } from '../helpers/try-commit.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repo(): TestRepo {
  const r = TestRepo.init();
  cleanups.push(() => r.remove());
  return r;
}

describe('a commit blocked by the hook', () => {
  it('ends with what to do: remove or rotate, leakstop:allow, the baseline command, --no-verify', async () => {
    const r = repo();
    r.commit('initial', { 'README.md': 'hi\n' });
    expect((await runCli(['hook', 'install'], { cwd: r.dir })).code).toBe(0);
    const token = ghToken();
    r.write('config.env', `TOKEN=${token}\n`);
    r.git(['add', 'config.env']);
    const blocked = tryCommit(r, 'add config');
    expect(blocked.committed).toBe(false);
    expect(blocked.output).not.toContain(token);
    const advice = blocked.output.slice(blocked.output.indexOf('github-pat'));
    expect(advice).toMatch(/remove the secret/i);
    expect(advice).toMatch(/rotate/i);
    expect(advice).toContain('leakstop:allow');
    expect(advice).toContain('--write-baseline .leakstop-baseline.json');
    expect(advice).toContain('git commit --no-verify');
    // The advice comes last, after the summary, so it is what the developer reads first.
    expect(blocked.output.trimEnd().split('\n').at(-1)).toMatch(/--no-verify/);

    // The baseline command the advice gives really lets the commit through.
    const accept = await runCli(['scan', '--staged', '--write-baseline', '.leakstop-baseline.json'], { cwd: r.dir });
    expect(accept.code).toBe(0);
    expect((await runCli(['hook', 'install', '--baseline', '.leakstop-baseline.json'], { cwd: r.dir })).code).toBe(0);
    expect(tryCommit(r, 'add config').committed).toBe(true);
  });

  it('is not given when the staged changes are clean', async () => {
    const r = repo();
    r.write('a.txt', 'nothing secret\n');
    r.git(['add', 'a.txt']);
    const result = await runCli(['scan', '--staged'], { cwd: r.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('--no-verify');
  });
});

describe('scan --staged and renames', () => {
  it('lets a pure `git mv` of a file with a committed secret through', async () => {
    const r = repo();
    const token = ghToken();
    r.commit('old secret', { 'old/config.env': `A=1\nTOKEN=${token}\nB=2\n` });
    r.git(['mv', 'old/config.env', 'new-config.env']);
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: r.dir });
    expect(result.stdout.trim()).toBe('[]');
    expect(result.code).toBe(0);
  });

  it('blocks a moved file that also gains a secret line, at that line only', async () => {
    const r = repo();
    const [old, added] = [ghToken(), ghToken()];
    r.commit('old secret', { 'config.env': `A=1\nTOKEN=${old}\nB=2\nC=3\nD=4\n` });
    r.git(['mv', 'config.env', 'settings.env']);
    r.write('settings.env', `A=1\nTOKEN=${old}\nB=2\nC=3\nD=4\nNEW=${added}\n`);
    r.git(['add', 'settings.env']);
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: r.dir });
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as { path: string; line: number }[];
    expect(findings).toEqual([expect.objectContaining({ path: 'settings.env', line: 6 })]);
    expect(result.stdout + result.stderr).not.toContain(old);
    expect(result.stdout + result.stderr).not.toContain(added);
  });

  it('blocks the `git commit` of such a move through the hook', async () => {
    const r = repo();
    const token = ghToken();
    r.commit('old secret', { 'config.env': `TOKEN=${token}\nA=1\nB=2\nC=3\n` });
    expect((await runCli(['hook', 'install'], { cwd: r.dir })).code).toBe(0);
    r.git(['mv', 'config.env', 'moved.env']);
    expect(tryCommit(r, 'move').committed).toBe(true);
    r.git(['mv', 'moved.env', 'again.env']);
    r.write('again.env', `TOKEN=${token}\nA=1\nB=2\nC=3\nD=${ghToken()}\n`);
    r.git(['add', 'again.env']);
    expect(tryCommit(r, 'move and leak').committed).toBe(false);
  });
});

describe('leakstop hook install --force', () => {
  it('keeps the hook it replaces and says where', async () => {
    const r = repo();
    const hook = path.join(r.dir, '.git/hooks/pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const forced = await runCli(['hook', 'install', '--force'], { cwd: r.dir });
    expect(forced.code).toBe(0);
    const kept = path.join(r.dir, '.git/hooks/pre-commit.leakstop-replaced');
    expect(fs.readFileSync(kept, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(fs.statSync(kept).mode & 0o111).not.toBe(0);
    expect(forced.stdout).toContain(kept);
    expect(fs.readFileSync(hook, 'utf8')).toContain('leakstop');
  });

  it('never overwrites an earlier kept hook', async () => {
    const r = repo();
    const hooks = path.join(r.dir, '.git/hooks');
    fs.writeFileSync(path.join(hooks, 'pre-commit.leakstop-replaced'), '#!/bin/sh\necho first\n', { mode: 0o755 });
    fs.writeFileSync(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho second\n', { mode: 0o755 });
    const forced = await runCli(['hook', 'install', '--force'], { cwd: r.dir });
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(hooks, 'pre-commit.leakstop-replaced'), 'utf8')).toContain('echo first');
    const second = path.join(hooks, 'pre-commit.leakstop-replaced.1');
    expect(fs.readFileSync(second, 'utf8')).toContain('echo second');
    expect(forced.stdout).toContain(second);
  });

  it('replaces its own hook without keeping a copy', async () => {
    const r = repo();
    expect((await runCli(['hook', 'install'], { cwd: r.dir })).code).toBe(0);
    const again = await runCli(['hook', 'install', '--force'], { cwd: r.dir });
    expect(again.code).toBe(0);
    expect(fs.existsSync(path.join(r.dir, '.git/hooks/pre-commit.leakstop-replaced'))).toBe(false);
    expect(again.stdout).not.toContain('leakstop-replaced');
  });
});
