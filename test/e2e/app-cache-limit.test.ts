// LEAKSTOP_CACHE_MAX_BYTES: the per-repository bare caches stay under the limit — the least
// recently used ones are removed (never one being worked on) and fetched again in full when
// their repository is pushed to next.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

let world: AppWorld;
let installationId: number;
const OWNER = 'umbrella';
const work: Record<string, TestRepo> = {};

async function pushAndDeliver(repo: string, files: Record<string, string>) {
  work[repo]!.commit('change', files);
  const pushed = await world.push(work[repo]!, OWNER, repo, 'refs/heads/main');
  expect((await world.deliverPush({ owner: OWNER, repo, ref: 'refs/heads/main', ...pushed, installationId })).status).toBeLessThan(300);
  return world.completedCheckRun(pushed.after);
}

const cacheOf = (repo: string) => path.join(world.cacheDir, 'repos', `${world.github.state.repo(OWNER, repo)!.id}.git`);

beforeAll(async () => {
  world = await AppWorld.start();
  for (const repo of ['alpha', 'beta']) {
    await world.github.createRepo(OWNER, repo, { private: true, ownerType: 'Organization' });
    work[repo] = world.workingCopy();
  }
  installationId = world.github.createInstallation({ account: OWNER, repos: ['alpha', 'beta'] }).id;
  // Smaller than any one cache: only the cache in use is kept.
  await world.startApp({ LEAKSTOP_CACHE_MAX_BYTES: '1K' });
});

afterAll(async () => {
  await world?.close();
});

describe('LEAKSTOP_CACHE_MAX_BYTES', () => {
  it('removes the least recently used repository caches, and fetches a removed one again in full', async () => {
    expect((await pushAndDeliver('alpha', { 'README.md': '# alpha\n' })).conclusion).toBe('success');
    expect(fs.existsSync(cacheOf('alpha'))).toBe(true);

    expect((await pushAndDeliver('beta', { 'README.md': '# beta\n' })).conclusion).toBe('success');
    expect(fs.existsSync(cacheOf('beta'))).toBe(true);
    expect(fs.existsSync(cacheOf('alpha'))).toBe(false);
    expect(world.app.output()).toContain('removed 1 repository cache(s) to stay under LEAKSTOP_CACHE_MAX_BYTES');

    const again = await pushAndDeliver('alpha', { 'src/main.ts': 'export {};\n' });
    expect(again.conclusion).toBe('success');
    expect(again.output.summary).toMatch(/Scanned 1 commit, 1 blob/);
    expect(fs.existsSync(cacheOf('alpha'))).toBe(true);
    expect(fs.existsSync(cacheOf('beta'))).toBe(false);
    // Nothing half-removed is left behind.
    expect(fs.readdirSync(world.cacheDir).filter((name) => name.startsWith('.removing-'))).toEqual([]);
  });

  it('refuses a limit that is not a size, in one line', async () => {
    const result = await runCli(['app'], { env: world.appEnv({ LEAKSTOP_CACHE_MAX_BYTES: 'lots' }), timeoutMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('leakstop: LEAKSTOP_CACHE_MAX_BYTES must be a size in bytes, optionally with K, M, G or T (e.g. 20G), not "lots"');
  });
});
