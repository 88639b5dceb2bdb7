// `npm run bench:history`: Leakstop's history scan beside the floor (`git cat-file
// --batch-all-objects --batch`, every object read once) and `git log -p --all` (what diff-based
// scanners pay), measured in one run on the same generated repository; plus peak RSS and recall
// on the planted keys (exact commit, path and line).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildHistoryRepo, type HistoryRepo } from './history-repo.js';

const ROOT = path.resolve('.bench');
const TARGET_COMMITS = Number(process.env.LEAKSTOP_BENCH_COMMITS ?? 5000);
const TARGET_MB = Number(process.env.LEAKSTOP_BENCH_HISTORY_MB ?? 520);
const CLI = path.resolve('dist/cli/main.js');
const REPORT_RSS = path.resolve('dist/bench/report-rss.js');
const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  /** Peak RSS in MB of the process and its largest child (git), when /usr/bin/time can tell. */
  treePeakMb?: number;
  stderr: string;
}

interface Scan extends Run {
  /** Peak RSS in MB of the Leakstop process itself (worker threads included). */
  peakMb: number;
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; measureRss?: boolean } = {}): Run {
  const timed = options.measureRss && fs.existsSync(TIME);
  const [file, argv] = timed ? [TIME, ['-v', command, ...args]] : [command, args];
  const started = performance.now();
  const result = spawnSync(file, argv, { env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0 && !(command === process.execPath && result.status === 1)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { seconds, treePeakMb: rss ? Number(rss[1]) / 1024 : undefined, stderr };
}

function blobBytesInRepo(dir: string): number {
  const listing = spawnSync('git', ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectsize)'], { cwd: dir, maxBuffer: 1 << 30 });
  let bytes = 0;
  for (const line of listing.stdout.toString().split('\n')) {
    const [type, size] = line.split(' ');
    if (type === 'blob') bytes += Number(size);
  }
  return bytes;
}

function leakstopScan(repo: HistoryRepo, report: string, cacheArgs: string[], env: NodeJS.ProcessEnv): Scan {
  const rssFile = path.join(ROOT, 'history-rss.txt');
  const args = ['--import', pathToFileURL(REPORT_RSS).href, CLI, 'scan', '--history', repo.dir, ...cacheArgs, '--format', 'json', '--output', report];
  const scan = run(process.execPath, args, { env: { ...env, LEAKSTOP_BENCH_RSS_FILE: rssFile }, measureRss: true });
  return { ...scan, peakMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024 };
}

function recall(repo: HistoryRepo, report: string): { found: number; total: number } {
  const findings = JSON.parse(fs.readFileSync(report, 'utf8')) as { commit: string; path: string; line: number }[];
  const places = new Set(findings.map((finding) => `${finding.commit}:${finding.path}:${finding.line}`));
  return { found: repo.planted.filter((key) => places.has(`${key.commit}:${key.path}:${key.line}`)).length, total: findings.length };
}

function row(name: string, seconds: number, mb: number, extra = ''): string {
  return `${name.padEnd(44)}${seconds.toFixed(2).padStart(9)}${(mb / seconds).toFixed(1).padStart(9)}  ${extra}\n`;
}

async function main(): Promise<void> {
  fs.mkdirSync(ROOT, { recursive: true });
  process.stdout.write(`Building a history of ≥${TARGET_COMMITS} commits and ≥${TARGET_MB} MB of blobs under ${ROOT} (reused when present)…\n`);
  const built = performance.now();
  const repo = await buildHistoryRepo(ROOT, { commits: TARGET_COMMITS, blobBytes: TARGET_MB * 1024 * 1024 });
  const bytes = blobBytesInRepo(repo.dir);
  const mb = bytes / 1024 / 1024;
  const pack = spawnSync('git', ['count-objects', '-vH'], { cwd: repo.dir }).stdout.toString().match(/size-pack: (.*)/)?.[1] ?? '?';
  process.stdout.write(
    `History: ${repo.commits} commits, ${mb.toFixed(0)} MB of blobs (pack ${pack}), ${repo.planted.length} planted keys; ` +
      `${os.availableParallelism()} cores; ready in ${((performance.now() - built) / 1000).toFixed(1)}s\n\n`,
  );

  const floorArgs = ['cat-file', '--batch-all-objects', '--batch'];
  const gitEnv = { ...process.env, GIT_DIR: repo.dir };
  run('git', floorArgs, { env: gitEnv }); // warm the page cache, so every contender reads from memory
  const floor = run('git', floorArgs, { env: gitEnv });
  const logPatch = run('git', ['log', '-p', '--all', '--no-color', '--no-ext-diff'], { env: gitEnv });

  const report = path.join(ROOT, 'history-report.json');
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-bench-cache-'));
  const cacheEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  try {
    const first = leakstopScan(repo, report, ['--no-cache'], process.env);
    const found = recall(repo, report);
    const cold = leakstopScan(repo, report, [], cacheEnv);
    const warm = leakstopScan(repo, report, [], cacheEnv);
    const summary = (scan: Scan): string => scan.stderr.split('\n').find((line) => line.startsWith('Scanned')) ?? '';

    process.stdout.write(`${'what'.padEnd(44)}${'seconds'.padStart(9)}${'MB/s'.padStart(9)}\n`);
    process.stdout.write(row('floor: git cat-file --batch-all-objects', floor.seconds, mb));
    process.stdout.write(row('git log -p --all', logPatch.seconds, mb));
    const rss = (scan: Scan): string =>
      `peak RSS ${scan.peakMb.toFixed(0)} MB` + (scan.treePeakMb ? ` (largest of it and its git children: ${scan.treePeakMb.toFixed(0)} MB)` : '');
    process.stdout.write(row('leakstop scan --history --no-cache', first.seconds, mb, rss(first)));
    process.stdout.write(row('leakstop, cache being filled', cold.seconds, mb, rss(cold)));
    process.stdout.write(row('leakstop, second scan (warm cache)', warm.seconds, mb, rss(warm)));
    process.stdout.write(
      `\n${summary(first)}\n${summary(warm)}\n` +
        `Planted keys found at their exact commit, path and line: ${found.found}/${repo.planted.length} (${found.total} findings in all)\n` +
        `leakstop / floor: ${(first.seconds / floor.seconds).toFixed(2)}× (aim ≤ 2×)\n` +
        `git log -p / leakstop: ${(logPatch.seconds / first.seconds).toFixed(1)}×\n` +
        `first scan (filling the cache) / second scan: ${(cold.seconds / warm.seconds).toFixed(1)}× (aim ≥ 10×); ` +
        `--no-cache scan / second scan: ${(first.seconds / warm.seconds).toFixed(1)}×\n`,
    );
    if (!summary(warm).includes('from cache')) {
      process.stdout.write('Note: the warm scan found no cache entries — the rules (rules/*.toml or the engine) changed during the run; run again.\n');
    }
  } finally {
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:history: ${(error as Error).message}\n`);
  process.exit(2);
});
