// Push ranges over a bare repository that has received the push (as the app's per-repository
// cache has after fetching): exactly the commits the push introduced are scanned.
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadConfig } from '../../src/rules/load-config.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { scanHistory } from '../../src/pipeline/scan-history.js';
import { pushRange, type PushedRef } from '../../src/sources/history/push-range.js';
import { TestRepo } from '../helpers/git-repo.js';

const config = loadConfig();
const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const NULL_SHA = '0'.repeat(40);

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repos(): { work: TestRepo; bare: TestRepo } {
  const work = TestRepo.init();
  const bare = TestRepo.init({ bare: true });
  cleanups.push(() => work.remove(), () => bare.remove());
  work.git(['remote', 'add', 'origin', bare.dir]);
  return { work, bare };
}

const head = (r: TestRepo): string => r.git(['rev-parse', 'HEAD']).trim();

/** Pushes like a client does and returns what GitHub's push webhook would say. */
function push(work: TestRepo, ref: string, options: { force?: boolean } = {}): PushedRef {
  const bare = work.git(['remote', 'get-url', 'origin']).trim();
  let before = NULL_SHA;
  try {
    before = work.git(['--git-dir', bare, 'rev-parse', '--verify', '--quiet', ref]).trim() || NULL_SHA;
  } catch {
    // a new ref
  }
  work.git(['push', '-q', ...(options.force ? ['--force'] : []), 'origin', `HEAD:${ref}`]);
  return { ref, before, after: head(work) };
}

async function scanPush(bare: TestRepo, pushed: PushedRef) {
  const range = await pushRange(bare.dir, pushed);
  if (range.kind === 'deleted') return { range, findings: [], commits: 0 };
  const result = await scanHistory({ repoPath: bare.dir, revs: range.revs, config, cache: false, progress: false });
  return { range, findings: result.findings.map((f) => ({ commit: f.commit, path: f.path, line: f.line })), commits: result.stats.commits };
}

describe('pushRange', () => {
  it('an ordinary push scans before..after only', async () => {
    const { work, bare } = repos();
    work.commit('old leak', { 'old.txt': `${ghToken()}\n` });
    push(work, 'refs/heads/main');
    const c1 = work.commit('one', { 'a.txt': `x\n${ghToken()}\n` });
    const c2 = work.commit('two', { 'b.txt': `${ghToken()}\n` });
    const scanned = await scanPush(bare, push(work, 'refs/heads/main'));
    expect(scanned.range.kind).toBe('fast-forward');
    expect(scanned.commits).toBe(2);
    expect(scanned.findings).toEqual([
      { commit: c2, path: 'b.txt', line: 1 },
      { commit: c1, path: 'a.txt', line: 2 },
    ]);
  });

  it('a new branch scans only its commits that no other ref reaches', async () => {
    const { work, bare } = repos();
    work.commit('base leak', { 'base.txt': `${ghToken()}\n` });
    push(work, 'refs/heads/main');
    work.git(['checkout', '-q', '-b', 'topic']);
    const mine = work.commit('topic leak', { 'topic.txt': `${ghToken()}\n` });
    const scanned = await scanPush(bare, push(work, 'refs/heads/topic'));
    expect(scanned.range.kind).toBe('new-ref');
    expect(scanned).toMatchObject({ commits: 1, findings: [{ commit: mine, path: 'topic.txt', line: 1 }] });

    // A branch created at a commit other refs already reach introduces nothing.
    const again = await scanPush(bare, push(work, 'refs/heads/topic-copy'));
    expect(again).toMatchObject({ commits: 0, findings: [] });
  });

  it('a force push scans the rewritten commits, not what other refs reach', async () => {
    const { work, bare } = repos();
    work.commit('base', { 'base.txt': `${ghToken()}\n` });
    push(work, 'refs/heads/main');
    work.git(['checkout', '-q', '-b', 'topic']);
    work.commit('first try', { 'try.txt': 'nothing\n' });
    push(work, 'refs/heads/topic');
    work.git(['reset', '-q', '--hard', 'main']);
    const rewritten = work.commit('second try', { 'try.txt': `oops ${ghToken()}\n` });
    const scanned = await scanPush(bare, push(work, 'refs/heads/topic', { force: true }));
    expect(scanned.range.kind).toBe('force-push');
    expect(scanned).toMatchObject({ commits: 1, findings: [{ commit: rewritten, path: 'try.txt', line: 1 }] });
  });

  it('a deleted ref scans nothing; a malformed id is refused', async () => {
    const { work, bare } = repos();
    const sha = work.commit('base', { 'a.txt': 'a\n' });
    push(work, 'refs/heads/main');
    expect(await pushRange(bare.dir, { ref: 'refs/heads/gone', before: sha, after: NULL_SHA })).toEqual({ kind: 'deleted' });
    await expect(pushRange(bare.dir, { ref: 'refs/heads/main', before: '--all', after: sha })).rejects.toThrow(UsageError);
  });

  it("a pushed annotated tag's message is scanned, though its commit is on a branch already", async () => {
    const { work, bare } = repos();
    const tagged = work.commit('release', { 'a.txt': 'x\n' });
    push(work, 'refs/heads/main');
    work.git(['tag', '-a', 'v2', '-m', `Release 2\n\nbuilt with ${ghToken()}`]);
    work.git(['push', '-q', 'origin', 'refs/tags/v2']);
    const tag = work.git(['rev-parse', 'v2']).trim();
    const range = await pushRange(bare.dir, { ref: 'refs/tags/v2', before: NULL_SHA, after: tag });
    if (range.kind === 'deleted') throw new Error('not deleted');
    const result = await scanHistory({ repoPath: bare.dir, revs: range.revs, config, cache: false, progress: false });
    expect(result.stats.commits).toBe(0);
    expect(result.findings.map((f) => ({ commit: f.commit, path: f.path, within: f.within, line: f.line }))).toEqual([
      { commit: tagged, path: `commit:${tagged}`, within: 'tag v2', line: 3 },
    ]);
  });
});
