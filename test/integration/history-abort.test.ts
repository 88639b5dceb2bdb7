// A history scan stopped by its caller (the app, when a repository is removed mid-scan): it
// stops reading blobs, ends its git processes, and rejects with the caller's reason.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintKey } from '../../src/detect/fingerprint-key.js';
import { loadConfig } from '../../src/rules/load-config.js';
import type { Detector } from '../../src/pipeline/detect-pool.js';
import { scanHistory } from '../../src/pipeline/scan-history.js';
import { walkHistory } from '../../src/sources/history/history-walk.js';
import { scanBlobs } from '../../src/pipeline/history/scan-blobs.js';
import { openRepository, selectRevs } from '../../src/sources/history/select-revs.js';
import { TestRepo } from '../helpers/git-repo.js';

/** The git processes this test process has started and not yet reaped. */
function gitChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((name) => name.trim() === 'git');
}

const BLOBS = 1_000;
let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.init();
  // Far more than a pipe holds: git is still writing when the scan is stopped.
  const files: Record<string, string> = {};
  for (let i = 0; i < BLOBS; i++) files[`data/${i}.txt`] = `${randomBytes(1_500).toString('hex')}\n`;
  repo.commit('many files', files);
});

afterAll(() => {
  if (repo) fs.rmSync(repo.dir, { recursive: true, force: true });
});

describe('a history scan stopped by its signal', () => {
  it('stops reading blobs mid-stream and ends git cat-file', async () => {
    const opened = openRepository(repo.dir);
    const { index } = await walkHistory(opened.dir, selectRevs(opened, {}));
    expect(index.blobCount).toBe(BLOBS);
    const controller = new AbortController();
    let gitWhileRunning: string[] = [];
    // Detection of the first batch stops the scan, as a removal webhook arriving then would.
    const detector: Detector = {
      parallelism: 1,
      threads: 1,
      ready: true,
      detect: async (contents) => {
        gitWhileRunning = gitChildren();
        controller.abort(new Error('the repository was removed from the installation'));
        return contents.map(() => ({ kind: 'clean' as const }));
      },
      detectFiles: async () => [],
      close: async () => {},
    };
    let outcomes = 0;
    const toRead = Array.from({ length: index.blobCount }, (_, blob) => blob);
    const scanning = scanBlobs(opened.dir, index, toRead, 1 << 20, detector, new Map(), FingerprintKey.random(), () => outcomes++, controller.signal);
    await expect(scanning).rejects.toThrow('the repository was removed from the installation');
    expect(gitWhileRunning).toEqual(['git']);
    expect(outcomes).toBeGreaterThan(0);
    expect(outcomes).toBeLessThan(BLOBS);
    expect(gitChildren()).toEqual([]);
  });

  it('rejects with the reason, starting no git, when stopped before it starts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the app is shutting down'));
    const scanning = scanHistory({ repoPath: repo.dir, config: loadConfig(), cache: false, progress: false, signal: controller.signal });
    await expect(scanning).rejects.toThrow('the app is shutting down');
    expect(gitChildren()).toEqual([]);
  });

  it('scans to the end when the signal is not aborted', async () => {
    const result = await scanHistory({ repoPath: repo.dir, config: loadConfig(), cache: false, progress: false, signal: new AbortController().signal });
    expect(result.stats.blobs).toBe(BLOBS);
    expect(result.findings).toEqual([]);
  });
});
