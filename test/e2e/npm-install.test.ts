// Installing this project with npm as a newcomer and an operator do, on a fresh copy of the repository:
// `npm ci` warns about nothing of ours (npm 12 runs only the install scripts package.json allows),
// `npm pack` prints only the tarball's name, and the README's production install (`npm prune --omit=dev`
// after the build, or `npm ci --omit=dev` in a built checkout) works. Slow: it compiles the SQLite driver twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectSnapshot, userShellEnv } from '../helpers/project-snapshot.js';
import { tempDir } from '../helpers/git-repo.js';
import { runCommand } from '../helpers/run-command.js';

const INSTALL_TIMEOUT_MS = 25 * 60_000;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** npm's warnings, but for dependencies' deprecation notices, which are their authors' and not ours. */
const warningsOf = (output: string): string[] =>
  output.split('\n').filter((line) => /^npm (warn|WARN)/.test(line) && !/^npm warn deprecated/i.test(line));

describe('npm install paths', () => {
  it('npm ci, npm pack and the production installs work on a fresh clone without a warning of ours', { timeout: INSTALL_TIMEOUT_MS }, async () => {
    const { repo } = projectSnapshot();
    cleanups.push(() => repo.remove());
    const env = userShellEnv();
    const npm = async (args: string[]) => {
      const result = await runCommand('npm', args, { cwd: repo.dir, env });
      return { ...result, all: `${result.stdout}\n${result.stderr}` };
    };

    const ci = await npm(['ci']);
    expect(ci.code, ci.all).toBe(0);
    expect(warningsOf(ci.all)).toEqual([]);
    // The driver was compiled here (node-gyp's object files), not downloaded.
    expect(fs.existsSync(path.join(repo.dir, 'node_modules/better-sqlite3/build/Release/obj.target'))).toBe(true);

    const pack = await npm(['pack']);
    expect(pack.code, pack.all).toBe(0);
    expect(pack.stdout).toBe('leakstop-0.1.0.tgz\n');
    expect(warningsOf(pack.all)).toEqual([]);

    const registry = path.join(tempDir(), 'registry.db');
    cleanups.push(() => fs.rmSync(path.dirname(registry), { recursive: true, force: true }));
    const productionWorks = async (): Promise<void> => {
      expect(fs.existsSync(path.join(repo.dir, 'node_modules/typescript'))).toBe(false);
      fs.rmSync(registry, { force: true });
      const init = await runCommand(process.execPath, ['dist/cli/main.js', 'registry', 'init', '--registry', registry], { cwd: repo.dir, env });
      expect(init.code, init.stderr).toBe(0);
      expect(fs.existsSync(registry)).toBe(true);
    };

    // The README's recipe: build, then drop the dev dependencies.
    const prune = await npm(['prune', '--omit=dev']);
    expect(prune.code, prune.all).toBe(0);
    expect(warningsOf(prune.all)).toEqual([]);
    await productionWorks();

    // The command a user tries first: in a built checkout it keeps the build.
    const production = await npm(['ci', '--omit=dev']);
    expect(production.code, production.all).toBe(0);
    expect(warningsOf(production.all)).toEqual([]);
    await productionWorks();

    // Without TypeScript an unbuilt checkout cannot be built: prepare says so in one line.
    fs.rmSync(path.join(repo.dir, 'dist'), { recursive: true });
    const unbuilt = await npm(['run', 'prepare']);
    expect(unbuilt.code).not.toBe(0);
    expect(unbuilt.stderr).toMatch(/^leakstop: TypeScript is not installed, so dist\/ cannot be built: run `npm ci`/m);
  });
});
