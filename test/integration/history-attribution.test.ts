// History scanning through its public entry point, scanHistory(), on real repositories with
// known histories: every finding's exact commit, path and line.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/rules/load-config.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { scanHistory, type HistoryScanOptions } from '../../src/pipeline/scan-history.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';

const config = loadConfig();
const ghToken = (): string => expandTemplate('ghp_{crc32:30}');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repo(options: { bare?: boolean } = {}): TestRepo {
  const made = TestRepo.init(options);
  cleanups.push(() => made.remove());
  return made;
}

/** Commits at distinct, increasing times, so "oldest" is never a tie. */
let clock = 1_700_000_000;
function at(): Record<string, string> {
  clock += 60;
  return { GIT_AUTHOR_DATE: `@${clock} +0000`, GIT_COMMITTER_DATE: `@${clock} +0000` };
}

function commit(r: TestRepo, message: string, files: Record<string, string | Buffer> = {}): string {
  return r.commit(message, files, at());
}

function scan(r: TestRepo | string, options: Partial<HistoryScanOptions> = {}): Promise<ScanResult> {
  return scanHistory({ repoPath: typeof r === 'string' ? r : r.dir, config, cache: false, progress: false, ...options });
}

/** The facts a user checks about each finding, in report order. */
const places = (findings: Finding[]) => findings.map((f) => ({ commit: f.commit, path: f.path, line: f.line }));

describe('scanHistory attribution', () => {
  it('finds a secret added in one commit and deleted in the next, at the commit that added it', async () => {
    const r = repo();
    const token = ghToken();
    commit(r, 'readme', { 'README.md': '# app\n' });
    const added = commit(r, 'Add deploy config\n\nWith a body that is not the summary.', { 'deploy/config.js': `// deploy\nconst a = 1;\nexport const login = "${token}";\n` });
    fs.rmSync(path.join(r.dir, 'deploy/config.js'));
    commit(r, 'Remove the token');

    const result = await scan(r);
    expect(places(result.findings)).toEqual([{ commit: added, path: 'deploy/config.js', line: 3 }]);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'github-pat',
      column: 23,
      author: 'Ada Tester',
      email: 'ada@example.test',
      message: 'Add deploy config',
      date: new Date((clock - 60) * 1000).toISOString().replace('.000Z', '+00:00'),
    });
    expect(result.stats).toMatchObject({ commits: 3, blobs: 2, shallow: false, submodules: [] });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it('reports a secret kept through later edits once, where it was introduced; a new copy is a new finding', async () => {
    const r = repo();
    const token = ghToken();
    const first = commit(r, 'add', { 'app.py': `import os\nLOGIN = "${token}"\n` });
    commit(r, 'edit above', { 'app.py': `# header\nimport os\nLOGIN = "${token}"\n` });
    const copied = commit(r, 'copy', { 'app.py': `# header\nimport os\nLOGIN = "${token}"\n\nBACKUP = "${token}"\n` });
    commit(r, 'same secret elsewhere too', { 'other.py': `T = "${token}"\n` });
    const other = r.git(['rev-parse', 'HEAD']).trim();

    const result = await scan(r);
    expect(places(result.findings)).toEqual([
      { commit: other, path: 'other.py', line: 1 },
      { commit: copied, path: 'app.py', line: 5 },
      { commit: first, path: 'app.py', line: 2 },
    ]);
  });

  it('attributes a renamed file to the commit that renamed it, and the old path to its own commit', async () => {
    const r = repo();
    const token = ghToken();
    const added = commit(r, 'add', { 'old/name.env': `A=1\nGH=${token}\n` });
    r.git(['mv', 'old/name.env', 'new name.env']);
    const renamed = commit(r, 'rename');

    const result = await scan(r);
    expect(places(result.findings)).toEqual([
      { commit: renamed, path: 'new name.env', line: 2 },
      { commit: added, path: 'old/name.env', line: 2 },
    ]);
  });

  it('attributes a merged secret to the branch commit that added it, and an evil merge to the merge', async () => {
    const r = repo();
    const onBranch = ghToken();
    const inMerge = ghToken();
    commit(r, 'base', { 'a.txt': 'base\n' });
    r.git(['checkout', '-q', '-b', 'feature']);
    const featureCommit = commit(r, 'feature work', { 'f.txt': `x\n${onBranch}\n` });
    r.git(['checkout', '-q', 'main']);
    commit(r, 'main work', { 'm.txt': 'main\n' });
    r.git(['merge', '-q', '--no-ff', '--no-commit', 'feature'], at());
    r.write('resolution.txt', `resolved\nwith ${inMerge}\n`);
    r.git(['add', '-A']);
    r.git(['commit', '-q', '-m', 'Merge feature'], at());
    const merge = r.git(['rev-parse', 'HEAD']).trim();

    const result = await scan(r);
    expect(places(result.findings)).toEqual([
      { commit: merge, path: 'resolution.txt', line: 2 },
      { commit: featureCommit, path: 'f.txt', line: 2 },
    ]);
    expect(result.stats.commits).toBe(4);
  });

  it('scans commits reachable only from a tag, and stashes (older entries too)', async () => {
    const r = repo();
    const tagged = ghToken();
    const stashedOld = ghToken();
    const stashedNew = ghToken();
    commit(r, 'base', { 'a.txt': 'base\n' });
    r.git(['checkout', '-q', '-b', 'experiment']);
    const tagCommit = commit(r, 'experiment', { 'exp.txt': `${tagged}\n` });
    r.git(['tag', '-a', 'exp-1', '-m', 'keep the experiment']);
    r.git(['checkout', '-q', 'main']);
    r.git(['branch', '-q', '-D', 'experiment']);
    r.write('a.txt', `base\n${stashedOld}\n`);
    r.git(['stash', '-q'], at());
    r.write('a.txt', `base\n\n${stashedNew}\n`);
    r.git(['stash', '-q'], at());

    const result = await scan(r);
    const found = places(result.findings);
    expect(found).toContainEqual({ commit: tagCommit, path: 'exp.txt', line: 1 });
    const stashPlaces = found.filter((f) => f.path === 'a.txt');
    expect(stashPlaces.map((f) => f.line).sort()).toEqual([2, 3]);
    const stashCommits = r.git(['reflog', 'show', '--format=%H', 'refs/stash']).trim().split('\n');
    // Each stashed secret is attributed to a commit of the stash (its work tree or index commit).
    for (const place of stashPlaces) {
      const parents = stashCommits.flatMap((sha) => r.git(['rev-list', '--parents', '-n', '1', sha]).trim().split(' '));
      expect(parents).toContain(place.commit);
    }
    expect(result.findings).toHaveLength(3);
  });

  it('handles paths with spaces, newlines and non-UTF-8 bytes', async () => {
    const r = repo();
    const tokens = [ghToken(), ghToken(), ghToken()];
    r.write('dir with space/file name.txt', `${tokens[0]}\n`);
    r.write('line\nbreak.txt', `x\n${tokens[1]}\n`);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${r.dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), `x\ny\n${tokens[2]}\n`);
    const sha = commit(r, 'odd names');

    const result = await scan(r);
    expect(places(result.findings)).toEqual([
      { commit: sha, path: 'caf%E9.txt', line: 3 },
      { commit: sha, path: 'dir with space/file name.txt', line: 1 },
      { commit: sha, path: 'line\nbreak.txt', line: 2 },
    ]);
  });

  it('skips and lists binary blobs and blobs over the size limit', async () => {
    const r = repo();
    const token = ghToken();
    const big = commit(r, 'assets', {
      'logo.bin': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(`${token}\n`)]),
      'dump.sql': `-- dump\n${'x'.repeat(2000)}\n${token}\n`,
      'small.txt': 'hello\n',
    });

    const result = await scan(r, { config: { ...config, maxFileSize: 1000 } });
    expect(result.findings).toEqual([]);
    expect(result.stats.skippedBinary).toEqual([`logo.bin@${big.slice(0, 12)}`]);
    expect(result.stats.skippedLarge).toEqual([{ path: `dump.sql@${big.slice(0, 12)}`, size: 2000 + 8 + 1 + token.length + 1 }]);
    expect(result.stats).toMatchObject({ blobs: 3, files: 1, bytes: 6 });
  });

  it('reports submodules (gitlinks) without following them', async () => {
    const r = repo();
    commit(r, 'base', { 'a.txt': 'a\n' });
    const base = r.git(['rev-parse', 'HEAD']).trim();
    r.git(['update-index', '--add', '--cacheinfo', `160000,${base},vendor/lib`]);
    r.git(['commit', '-q', '-m', 'add submodule'], at());

    const result = await scan(r);
    expect(result.stats.submodules).toEqual(['vendor/lib']);
    expect(result.stats.commits).toBe(2);
  });
});

describe('scanHistory on unusual repositories', () => {
  it('says 0 commits for an empty repository', async () => {
    const result = await scan(repo());
    expect(result.findings).toEqual([]);
    expect(result.stats).toMatchObject({ commits: 0, blobs: 0, bytes: 0 });
  });

  it('scans other branches while HEAD is an unborn branch, and bare repositories', async () => {
    const r = repo();
    const token = ghToken();
    const sha = commit(r, 'one commit', { 'k.txt': `${token}\n` });
    r.git(['checkout', '-q', '--orphan', 'unborn']);
    expect(places((await scan(r)).findings)).toEqual([{ commit: sha, path: 'k.txt', line: 1 }]);

    const bare = tempDir('leakstop-bare-');
    cleanups.push(() => fs.rmSync(bare, { recursive: true, force: true }));
    r.git(['clone', '-q', '--bare', r.dir, bare]);
    expect(places((await scan(bare)).findings)).toEqual([{ commit: sha, path: 'k.txt', line: 1 }]);
  });

  it('flags a shallow clone', async () => {
    const r = repo();
    commit(r, 'one', { 'a.txt': 'a\n' });
    commit(r, 'two', { 'a.txt': 'b\n' });
    const shallow = tempDir('leakstop-shallow-');
    cleanups.push(() => fs.rmSync(shallow, { recursive: true, force: true }));
    r.git(['clone', '-q', '--depth', '1', `file://${r.dir}`, shallow]);
    const result = await scan(shallow);
    expect(result.stats).toMatchObject({ shallow: true, commits: 1 });
  });

  it('rejects a path that is not a git repository in one line', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await expect(scan(dir)).rejects.toThrow(/^.* is not a git repository; give the path of a work tree or bare repository$/);
    await expect(scan(path.join(dir, 'missing'))).rejects.toThrow(/is not a directory/);
  });
});

describe('scanHistory narrowing', () => {
  it('--since, --range and --branch select only the commits asked for', async () => {
    const r = repo();
    const [t1, t2, t3] = [ghToken(), ghToken(), ghToken()];
    const c1 = commit(r, 'one', { 'a.txt': `${t1}\n` });
    const c2 = commit(r, 'two', { 'b.txt': `${t2}\n` });
    r.git(['checkout', '-q', '-b', 'side']);
    const c3 = commit(r, 'three', { 'c.txt': `${t3}\n` });
    r.git(['checkout', '-q', 'main']);

    expect(places((await scan(r, { since: c1 })).findings)).toEqual([
      { commit: c3, path: 'c.txt', line: 1 },
      { commit: c2, path: 'b.txt', line: 1 },
    ]);
    expect(places((await scan(r, { range: `${c1}..${c2}` })).findings)).toEqual([{ commit: c2, path: 'b.txt', line: 1 }]);
    const onMain = await scan(r, { branch: 'main' });
    expect(places(onMain.findings)).toEqual([
      { commit: c2, path: 'b.txt', line: 1 },
      { commit: c1, path: 'a.txt', line: 1 },
    ]);
    expect(onMain.stats.commits).toBe(2);
    expect((await scan(r, { revs: [] })).stats).toMatchObject({ commits: 0, blobs: 0 });
    await expect(scan(r, { since: 'no-such-rev' })).rejects.toThrow('--since "no-such-rev" is not a commit');
    await expect(scan(r, { branch: 'nope' })).rejects.toThrow('--branch "nope" is not a branch');
    await expect(scan(r, { range: 'main' })).rejects.toThrow('--range must be A..B');
    await expect(scan(r, { since: '--output=/tmp/x' })).rejects.toThrow('is not a revision');
  });
});

describe('scanHistory walks', () => {
  it('finds the same, attributed the same, in one pass (no commit cached) as listed then diffed (some cached, or all)', async () => {
    const r = repo();
    const [onBranch, inMerge, twice, tagged] = [ghToken(), ghToken(), ghToken(), ghToken()];
    commit(r, 'base', { 'a.txt': 'base\n' });
    r.git(['checkout', '-q', '-b', 'feature']);
    commit(r, 'feature work', { 'f.txt': `x\n${onBranch}\n`, 'same.txt': `${twice}\n` });
    r.git(['checkout', '-q', 'main']);
    commit(r, 'main work, the same file as on the branch', { 'same.txt': `${twice}\n` });
    r.git(['merge', '-q', '--no-ff', '--no-commit', 'feature'], at());
    r.write('resolution.txt', `resolved\nwith ${inMerge}\n`);
    r.git(['add', '-A']);
    r.git(['commit', '-q', '-m', 'Merge feature'], at());
    r.git(['checkout', '-q', '-b', 'experiment']);
    commit(r, 'experiment', { 'exp.txt': `${tagged}\n` });
    r.git(['tag', '-a', 'exp-1', '-m', 'keep it']);
    r.git(['checkout', '-q', 'main']);
    r.git(['branch', '-q', '-D', 'experiment']);

    const facts = ({ findings, stats }: ScanResult) => ({
      findings: findings.map((f) => ({ ruleId: f.ruleId, secretHash: f.secretHash, commit: f.commit, path: f.path, line: f.line })),
      commits: stats.commits,
      blobs: stats.blobs,
    });
    const onePass = facts(await scan(r));
    expect(onePass.findings.map((f) => f.path).sort()).toEqual(['exp.txt', 'f.txt', 'resolution.txt', 'same.txt']);

    // A cache that holds another repository's commits lists this one's, then diffs them all; a second scan diffs none.
    const cacheDir = tempDir();
    cleanups.push(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
    const other = repo();
    commit(other, 'elsewhere', { 'b.txt': 'b\n' });
    await scan(other, { cache: true, cacheDir });
    expect(facts(await scan(r, { cache: true, cacheDir }))).toEqual(onePass);
    const allCached = await scan(r, { cache: true, cacheDir });
    expect(allCached.stats.blobsFromCache).toBeGreaterThan(0);
    expect(facts(allCached)).toEqual(onePass);
  });
});

describe('scanHistory with a cached walk', () => {
  const cached = (dir: string, cacheDir: string) => scan(dir, { cache: true, cacheDir });
  const newCacheDir = () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('walks again once a ref or HEAD moves: a detached commit is found, and left behind once HEAD leaves it', async () => {
    const r = repo();
    const cacheDir = newCacheDir();
    commit(r, 'base', { 'a.txt': 'base\n' });
    expect((await cached(r.dir, cacheDir)).findings).toEqual([]);
    expect((await cached(r.dir, cacheDir)).stats.commits).toBe(1);

    r.git(['checkout', '-q', '--detach']);
    const detached = commit(r, 'detached work', { 'd.txt': `${ghToken()}\n` });
    const onHead = await cached(r.dir, cacheDir);
    expect(places(onHead.findings)).toEqual([{ commit: detached, path: 'd.txt', line: 1 }]);
    expect(onHead.stats.commits).toBe(2);

    r.git(['checkout', '-q', 'main']);
    const back = await cached(r.dir, cacheDir);
    expect(back.findings).toEqual([]);
    expect(back.stats.commits).toBe(1);

    const onMain = commit(r, 'main work', { 'm.txt': `${ghToken()}\n` });
    r.git(['tag', 'v1']);
    const moved = await cached(r.dir, cacheDir);
    expect(places(moved.findings)).toEqual([{ commit: onMain, path: 'm.txt', line: 1 }]);
    expect((await cached(r.dir, cacheDir)).stats.commits).toBe(2);
  });

  it('walks a shallow clone afresh: what a deepening fetch brings is found', async () => {
    const r = repo();
    const cacheDir = newCacheDir();
    const old = commit(r, 'old', { 'old.txt': `${ghToken()}\n` });
    fs.rmSync(path.join(r.dir, 'old.txt'));
    commit(r, 'new', { 'new.txt': 'clean\n' });
    const shallow = tempDir('leakstop-shallow-');
    cleanups.push(() => fs.rmSync(shallow, { recursive: true, force: true }));
    r.git(['clone', '-q', '--depth', '1', `file://${r.dir}`, shallow]);
    expect((await cached(shallow, cacheDir)).findings).toEqual([]);
    new TestRepo(shallow).git(['fetch', '-q', '--deepen', '1']);
    const deepened = await cached(shallow, cacheDir);
    expect(places(deepened.findings)).toEqual([{ commit: old, path: 'old.txt', line: 1 }]);
    expect(deepened.stats.commits).toBe(2);
  });
});
