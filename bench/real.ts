// `npm run bench:real`: Leakstop on real repositories (expressjs/express, lodash/lodash, from the
// git bundles in ../shared/bench-repos/), side by side with gitleaks and the floors, in one run:
// history scans, working-tree scans of the express blobs written out as files and of
// node_modules, `scan --staged` against `node -e ''`, peak RSS, the findings of both scanners,
// and the ratios issue #11 aims at. Best of LEAKSTOP_BENCH_RUNS runs (default 3).
//
// Environment: LEAKSTOP_BENCH_RUNS (runs per row), LEAKSTOP_BENCH_REPOS (default
// "express,lodash"), LEAKSTOP_BENCH_SHARED (default ../shared), LEAKSTOP_BENCH_NODE_MODULES
// (default ./node_modules; "none" skips those rows).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve('.bench');
const SHARED = path.resolve(process.env.LEAKSTOP_BENCH_SHARED ?? '../shared');
const RUNS = Math.max(1, Number(process.env.LEAKSTOP_BENCH_RUNS ?? 3));
const REPOS = (process.env.LEAKSTOP_BENCH_REPOS ?? 'express,lodash').split(',').filter(Boolean);
const NODE_MODULES = process.env.LEAKSTOP_BENCH_NODE_MODULES ?? path.resolve('node_modules');
const CLI = path.resolve('dist/cli/main.js');
const TREE_RSS = path.resolve('dist/bench/tree-rss.js');
const TIME = '/usr/bin/time';
const FINGERPRINT_KEY = 'b3'.repeat(32);

interface Timing {
  seconds: number;
  /** Peak RSS in MB of the largest single process of the tree (the command or one of its children). */
  peakMb?: number;
  load: number;
}

interface Command {
  file: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are not failures (a scan that finds something exits 1). */
  ok?: number[];
  /** Run before each timed run, untimed (e.g. a fresh cache directory). */
  before?: () => void;
  stdout?: string;
}

const rows: string[] = [];
const ratios: string[] = [];

function log(line: string): void {
  rows.push(line);
  console.log(line);
}

function runOnce(command: Command): Timing {
  command.before?.();
  const timed = fs.existsSync(TIME);
  const [file, args] = timed ? [TIME, ['-f', '%M', command.file, ...command.args]] : [command.file, command.args];
  const out = command.stdout ? fs.openSync(command.stdout, 'w') : 'ignore';
  const load = os.loadavg()[0]!;
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (typeof out === 'number') fs.closeSync(out);
  const stderr = result.stderr?.toString() ?? '';
  if (!(command.ok ?? [0]).includes(result.status ?? -1)) {
    throw new Error(`${command.file} ${command.args.join(' ')} failed (${result.status}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const rss = timed ? Number(stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds, peakMb: Number.isFinite(rss) ? rss / 1024 : undefined, load };
}

/** A run this long is not repeated: the bench stays within minutes (gitleaks dir takes minutes). */
const LONG_RUN_SECONDS = 60;

/** Best of RUNS (or `runs`) runs; the peak RSS is the highest seen. */
function measure(label: string, command: Command, runs = RUNS): Timing {
  const timings = [runOnce(command)];
  while (timings.length < runs && timings[0]!.seconds < LONG_RUN_SECONDS) timings.push(runOnce(command));
  if (timings.length < runs) label += ' (1 run: long)';
  const best = timings.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const peaks = timings.flatMap((timing) => (timing.peakMb === undefined ? [] : [timing.peakMb]));
  const peakMb = peaks.length ? Math.max(...peaks) : undefined;
  const rss = peakMb === undefined ? '' : `  peak RSS ${peakMb.toFixed(0)} MB`;
  log(`  ${label.padEnd(46)} ${best.seconds.toFixed(3).padStart(8)} s${rss}  (load ${best.load.toFixed(1)})`);
  return { ...best, peakMb };
}

/** One more run, untimed (a wrapper process starts first): the peak RSS in MB of the whole process tree, summed. */
function treeRss(label: string, command: Command): number | undefined {
  if (process.platform !== 'linux') return undefined;
  command.before?.();
  const result = spawnSync(process.execPath, [TREE_RSS, command.file, ...command.args], {
    cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28,
  });
  const kb = Number(/tree-rss (\d+)\s*$/.exec(result.stderr?.toString() ?? '')?.[1]);
  if (!(command.ok ?? [0]).includes(result.status ?? -1) || !Number.isFinite(kb)) return undefined;
  log(`  ${label.padEnd(46)} peak RSS ${(kb / 1024).toFixed(0)} MB, the process tree summed (sampled every 20 ms)`);
  return kb / 1024;
}

function ratio(aim: string, value: number, holds: boolean): void {
  const line = `  ${aim.padEnd(62)} ${value.toFixed(2).padStart(7)}  ${holds ? 'met' : 'MISSED'}`;
  ratios.push(line);
  console.log(line);
}

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

function mirror(name: string): string {
  const dir = path.join(ROOT, `${name}.git`);
  if (!fs.existsSync(dir)) git(ROOT, ['clone', '--quiet', '--mirror', path.join(SHARED, 'bench-repos', `${name}.bundle`), dir]);
  return dir;
}

function getGitleaks(): string | undefined {
  const script = path.join(SHARED, 'tools', 'get-gitleaks.sh');
  const result = spawnSync('bash', [script, path.join(ROOT, 'tools')], { encoding: 'utf8' });
  const binary = result.stdout?.trim().split('\n').at(-1);
  if (result.status === 0 && binary && fs.existsSync(binary)) return binary;
  log(`gitleaks: not available (${(result.stderr || result.error?.message || `${script} failed`).trim().split('\n')[0]}): its rows are skipped`);
  return undefined;
}

/** Every blob version of the repository as a file, under the first path it had, made once. */
function writeBlobs(repo: string, dir: string): void {
  if (fs.existsSync(path.join(dir, '.complete'))) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const paths = new Map<string, string>();
  for (const line of git(repo, ['rev-list', '--all', '--objects']).toString().split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && !paths.has(line.slice(0, space))) paths.set(line.slice(0, space), line.slice(space + 1));
  }
  const types = git(repo, ['cat-file', '--batch-check'], [...paths.keys()].join('\n') + '\n').toString().split('\n');
  const blobs = [...paths.keys()].filter((_, i) => types[i]?.split(' ')[1] === 'blob');
  const out = git(repo, ['cat-file', '--batch'], blobs.join('\n') + '\n');
  let offset = 0;
  for (const sha of blobs) {
    const headerEnd = out.indexOf(10, offset);
    const size = Number(out.subarray(offset, headerEnd).toString().split(' ')[2]);
    const file = paths.get(sha)!;
    const target = path.join(dir, path.dirname(file), `${sha.slice(0, 10)}-${path.basename(file)}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
}

/** The floor of a working-tree scan: walk the directory and read every file, one thread. */
const READ_FLOOR = `
const fs = require('fs'), path = require('path');
let bytes = 0;
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file); else if (entry.isFile()) bytes += fs.readFileSync(file).length;
  }
})(process.argv[1]);`;

interface ReportedFinding {
  rule: string;
  place: string;
  secret: string;
}

function leakstopFindings(report: string): ReportedFinding[] {
  const findings = JSON.parse(fs.readFileSync(report, 'utf8')) as { ruleId: string; path: string; line: number; commit?: string; secretRedacted: string }[];
  return findings.map((f) => ({ rule: f.ruleId, place: `${(f.commit ?? '').slice(0, 8)} ${f.path}:${f.line}`, secret: f.secretRedacted }));
}

function gitleaksFindings(report: string): ReportedFinding[] {
  const findings = JSON.parse(fs.readFileSync(report, 'utf8')) as { RuleID: string; File: string; StartLine: number; Commit?: string; Secret: string }[];
  return findings.map((f) => ({ rule: f.RuleID, place: `${(f.Commit ?? '').slice(0, 8)} ${f.File}:${f.StartLine}`, secret: f.Secret }));
}

function countsByRule(findings: ReportedFinding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
}

const LISTED = 25;

function sideBySide(title: string, ours: ReportedFinding[], theirs: ReportedFinding[] | undefined): void {
  log(`\n${title}: Leakstop ${ours.length} findings (${countsByRule(ours)})`);
  if (theirs) log(`${' '.repeat(title.length)}  gitleaks ${theirs.length} findings (${countsByRule(theirs)})`);
  const key = (finding: ReportedFinding) => finding.place;
  const theirPlaces = new Set((theirs ?? []).map(key));
  const ourPlaces = new Set(ours.map(key));
  const width = 60;
  log(`  ${'Leakstop'.padEnd(width)} gitleaks`);
  const places = [...new Set([...ours.map(key), ...(theirs ?? []).map(key)])].sort();
  for (const place of places.slice(0, LISTED)) {
    const mine = ours.find((finding) => key(finding) === place);
    const other = theirs?.find((finding) => key(finding) === place);
    const show = (finding: ReportedFinding | undefined, redacted: string) => (finding ? `${finding.rule} ${place} ${redacted}` : '—');
    log(`  ${show(mine, mine?.secret ?? '').padEnd(width)} ${show(other, '[redacted]')}`);
  }
  if (places.length > LISTED) log(`  … ${places.length - LISTED} more places`);
  if (theirs) log(`  places only Leakstop reports: ${[...ourPlaces].filter((p) => !theirPlaces.has(p)).length}; only gitleaks: ${[...theirPlaces].filter((p) => !ourPlaces.has(p)).length}`);
}

function freshCache(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-bench-cache-'));
}

function leakstopEnv(cacheHome: string): NodeJS.ProcessEnv {
  return { XDG_CACHE_HOME: cacheHome, LEAKSTOP_FINGERPRINT_KEY: FINGERPRINT_KEY };
}

function historyRows(name: string, repo: string, gitleaks: string | undefined, fullBlobs: boolean): void {
  log(`\n${name} history (${git(repo, ['rev-list', '--all', '--count']).toString().trim()} commits)`);
  const report = path.join(ROOT, `real-${name}-leakstop.json`);
  // One environment object: `before` gives a first scan a fresh cache directory, which the next (warm) scan reuses.
  const env = leakstopEnv(freshCache());
  const fresh = () => {
    fs.rmSync(env.XDG_CACHE_HOME!, { recursive: true, force: true });
    env.XDG_CACHE_HOME = freshCache();
  };
  const scan = (extra: string[]): Command => ({
    file: process.execPath,
    args: [CLI, 'scan', '--history', repo, '--quiet', '--format', 'json', '--output', report, ...extra],
    env,
    ok: [0, 1],
  });
  const cold = measure('Leakstop --history (first scan)', { ...scan([]), before: fresh });
  const warm = measure('Leakstop --history (second scan, warm cache)', scan([]));
  const ours = leakstopFindings(report);
  const full = fullBlobs
    ? measure('Leakstop --history --full-blobs (first scan)', { ...scan(['--full-blobs']), before: fresh })
    : (log('  Leakstop --history --full-blobs: not available (scan --help lists no --full-blobs)'), undefined);
  let theirs: ReportedFinding[] | undefined;
  let theirTime: Timing | undefined;
  if (gitleaks) {
    const theirReport = path.join(ROOT, `real-${name}-gitleaks.json`);
    theirTime = measure('gitleaks git', {
      file: gitleaks,
      args: ['git', repo, '--no-banner', '--log-level', 'error', '--redact', '--report-format', 'json', '--report-path', theirReport, '--exit-code', '0'],
    });
    theirs = gitleaksFindings(theirReport);
  }
  const tree = name === 'lodash' ? treeRss('Leakstop --history (first scan), once more', { ...scan([]), before: fresh }) : undefined;
  const floor = measure('git cat-file --batch-all-objects --batch', { file: 'git', args: ['cat-file', '--batch-all-objects', '--batch'], cwd: repo });
  // The issue's floor reads objects in SHA order, jumping about the pack; in pack order git reads them several times faster.
  measure('git cat-file … --batch --unordered (pack order)', { file: 'git', args: ['cat-file', '--batch-all-objects', '--batch', '--unordered'], cwd: repo });
  measure('git log -p --all', { file: 'git', args: ['log', '-p', '--all'], cwd: repo });
  fs.rmSync(env.XDG_CACHE_HOME!, { recursive: true, force: true });

  if (theirTime) ratio(`${name} history: gitleaks / Leakstop first scan (aim ≥ 3)`, theirTime.seconds / cold.seconds, theirTime.seconds / cold.seconds >= 3);
  if (name === 'lodash') ratio('lodash history: Leakstop first scan / cat-file floor (aim ≤ 2)', cold.seconds / floor.seconds, cold.seconds / floor.seconds <= 2);
  ratio(`${name} history: first / warm second scan (aim ≥ 10)`, cold.seconds / warm.seconds, cold.seconds / warm.seconds >= 10);
  if (full) ratio(`${name} history: --full-blobs / default (information)`, full.seconds / cold.seconds, true);
  if (name === 'lodash') {
    ratio('lodash history: peak RSS MB, largest process (aim < 300)', cold.peakMb ?? NaN, (cold.peakMb ?? Infinity) < 300);
    if (tree !== undefined) ratio('lodash history: peak RSS MB, node + git children summed (aim < 300)', tree, tree < 300);
  }
  sideBySide(`${name} history findings`, ours, theirs);
}

function directoryRows(title: string, dir: string, gitleaks: string | undefined): void {
  const bytes = spawnSync('du', ['-sb', fs.realpathSync(dir)], { encoding: 'utf8' }).stdout.split('\t')[0];
  log(`\n${title} (${(Number(bytes) / 1e6).toFixed(0)} MB)`);
  const cacheHome = freshCache();
  const report = path.join(ROOT, 'real-dir-leakstop.json');
  const ours = measure('Leakstop scan DIR', {
    file: process.execPath,
    args: [CLI, 'scan', dir, '--no-gitignore', '--quiet', '--format', 'json', '--output', report],
    env: leakstopEnv(cacheHome),
    ok: [0, 1],
  });
  const floor = measure('read floor (walk + read every file, node)', { file: process.execPath, args: ['-e', READ_FLOOR, dir] });
  ratio(`${title}: Leakstop / read floor (aim ≤ 3)`, ours.seconds / floor.seconds, ours.seconds / floor.seconds <= 3);
  if (gitleaks) {
    const theirs = measure('gitleaks dir', {
      file: gitleaks,
      args: ['dir', dir, '--no-banner', '--log-level', 'error', '--redact', '--report-format', 'json', '--report-path', path.join(ROOT, 'real-dir-gitleaks.json'), '--exit-code', '0'],
    });
    ratio(`${title}: gitleaks dir / Leakstop (aim ≥ 20)`, theirs.seconds / ours.seconds, theirs.seconds / ours.seconds >= 20);
  }
  fs.rmSync(cacheHome, { recursive: true, force: true });
}

function stagedRows(): void {
  log('\nscan --staged (warm engine cache)');
  const cacheHome = freshCache();
  const repoWith = (files: number): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-bench-staged-'));
    git(dir, ['init', '--quiet']);
    for (let i = 0; i < files; i++) {
      fs.mkdirSync(path.join(dir, `src${i % 20}`), { recursive: true });
      fs.writeFileSync(path.join(dir, `src${i % 20}`, `module${i}.js`), `export const value${i} = ${i};\n// a small change\nconsole.log(value${i});\n`);
    }
    git(dir, ['add', '.']);
    return dir;
  };
  const staged = (dir: string): Command => ({
    file: process.execPath,
    args: [CLI, 'scan', '--staged', '--quiet'],
    cwd: dir,
    env: leakstopEnv(cacheHome),
  });
  const one = repoWith(1);
  const many = repoWith(500);
  runOnce(staged(one)); // fills the engine cache
  const runs = Math.max(5, RUNS * 3);
  const node = measure("node -e ''", { file: process.execPath, args: ['-e', ''] }, runs);
  const single = measure('scan --staged, one file', staged(one), runs);
  const five = measure('scan --staged, 500 files', staged(many), runs);
  ratio("scan --staged one file / node -e '' (aim ≤ 2)", single.seconds / node.seconds, single.seconds / node.seconds <= 2);
  ratio('scan --staged 500 files, seconds (aim < 1)', five.seconds, five.seconds < 1);
  for (const dir of [one, many, cacheHome]) fs.rmSync(dir, { recursive: true, force: true });
}

function main(): void {
  fs.mkdirSync(ROOT, { recursive: true });
  if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
  log(`bench:real — ${RUNS} run(s) per row, best of; ${os.cpus().length} CPUs; peak RSS is that of the largest single process of the tree (/usr/bin/time), not a sum`);
  const gitleaks = getGitleaks();
  const help = spawnSync(process.execPath, [CLI, 'scan', '--help'], { encoding: 'utf8' }).stdout;
  const fullBlobs = help.includes('--full-blobs');
  const repos = new Map(REPOS.map((name) => [name, mirror(name)]));
  stagedRows();
  const express = repos.get('express');
  if (express) {
    const blobs = path.join(ROOT, 'express-blobs');
    writeBlobs(express, blobs);
    directoryRows('express blobs written out as files', blobs, gitleaks);
  }
  // gitleaks dir reads ~1 MB/s here: minutes on node_modules, so only the read floor is its comparison.
  if (NODE_MODULES !== 'none') directoryRows('node_modules (gitleaks not run: too slow)', NODE_MODULES, undefined);
  for (const [name, repo] of repos) historyRows(name, repo, gitleaks, fullBlobs);
  log('\nratios (measured in this run)');
  for (const line of ratios) log(line);
  fs.writeFileSync(path.join(ROOT, 'real-report.txt'), `${rows.join('\n')}\n`);
}

main();
