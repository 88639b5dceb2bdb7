// Installing this project with npm as a newcomer and an operator do, on a fresh copy of the repository:
// `npm ci` warns about nothing of ours (npm 12 runs only the install scripts package.json allows),
// `npm pack` prints only the tarball's name, and `npm ci --omit=dev` in a built checkout is a working
// production install. Slow: it compiles the SQLite driver twice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectSnapshot, userShellEnv } from '../helpers/project-snapshot.js';
import { tempDir } from '../helpers/git-repo.js';

const INSTALL_TIMEOUT_MS = 25 * 60_000;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** npm's warnings, but for dependencies' deprecation notices, which are their authors' and not ours. */
const warningsOf = (output: string): string[] =>
  output.split('\n').filter((line) => /^npm (warn|WARN)/.test(line) && !/^npm warn deprecated/i.test(line));

describe('npm install paths', () => {
  it('npm ci, npm pack and npm ci --omit=dev work on a fresh clone without a warning of ours', { timeout: INSTALL_TIMEOUT_MS }, () => {
    const { repo } = projectSnapshot();
    cleanups.push(() => repo.remove());
    const env = userShellEnv();
    const npm = (args: string[]) => {
      const result = spawnSync('npm', args, { cwd: repo.dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: `${result.stdout}\n${result.stderr}` };
    };

    const ci = npm(['ci']);
    expect(ci.code, ci.all).toBe(0);
    expect(warningsOf(ci.all)).toEqual([]);
    // The driver was compiled here (node-gyp's object files), not downloaded.
    expect(fs.existsSync(path.join(repo.dir, 'node_modules/better-sqlite3/build/Release/obj.target'))).toBe(true);

    const pack = npm(['pack']);
    expect(pack.code, pack.all).toBe(0);
    expect(pack.stdout).toBe('leakstop-0.1.0.tgz\n');
    expect(warningsOf(pack.all)).toEqual([]);

    const production = npm(['ci', '--omit=dev']);
    expect(production.code, production.all).toBe(0);
    expect(warningsOf(production.all)).toEqual([]);
    expect(fs.existsSync(path.join(repo.dir, 'node_modules/typescript'))).toBe(false);
    const registry = path.join(tempDir(), 'registry.db');
    cleanups.push(() => fs.rmSync(path.dirname(registry), { recursive: true, force: true }));
    const init = spawnSync(process.execPath, ['dist/src/cli/main.js', 'registry', 'init', '--registry', registry], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(fs.existsSync(registry)).toBe(true);

    // Without TypeScript an unbuilt checkout cannot be built: prepare says so in one line.
    fs.rmSync(path.join(repo.dir, 'dist'), { recursive: true });
    const unbuilt = npm(['run', 'prepare']);
    expect(unbuilt.code).not.toBe(0);
    expect(unbuilt.stderr).toMatch(/^leakstop: TypeScript is not installed, so dist\/ cannot be built: run `npm ci`/m);
  });
});
