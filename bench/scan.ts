// `npm run bench`: Leakstop's working-tree throughput beside the read floor and secretlint,
// measured in one run on the same generated corpus.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus, type PlantedKey } from './scan-corpus.js';

const ROOT = path.resolve('.bench');
const TARGET_MB = Number(process.env.LEAKSTOP_BENCH_MB ?? 200);
const CLI = path.resolve('dist/cli/main.js');
const SECRETLINT = path.resolve('node_modules/.bin/secretlint');

interface Measured {
  name: string;
  seconds: number;
  /** "file:line" of every finding, for recall on the planted keys. */
  found: Set<string>;
  note?: string;
}

function timed(command: string, args: string[], cwd: string): { seconds: number; status: number | null; stderr: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  return { seconds: (performance.now() - started) / 1000, status: result.status, stderr: result.stderr?.toString() ?? '' };
}

const READ_FLOOR = `
const fs = require('fs'), path = require('path');
let bytes = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full); else bytes += fs.readFileSync(full).length;
  }
})(process.argv[1]);
`;

function readFloor(dir: string): Measured {
  const run = timed(process.execPath, ['-e', READ_FLOOR, dir], dir);
  return { name: 'read floor (walk + readFileSync)', seconds: run.seconds, found: new Set() };
}

function leakstop(dir: string): Measured {
  const report = path.join(ROOT, 'leakstop-report.json');
  const run = timed(process.execPath, [CLI, 'scan', '.', '--no-gitignore', '--format', 'json', '--output', report, '--quiet'], dir);
  if (run.status !== 0 && run.status !== 1) throw new Error(`leakstop failed: ${run.stderr.trim()}`);
  const findings = JSON.parse(fs.readFileSync(report, 'utf8')) as { path: string; line: number }[];
  return { name: 'leakstop scan', seconds: run.seconds, found: new Set(findings.map((f) => `${f.path}:${f.line}`)) };
}

function secretlint(dir: string): Measured {
  const config = path.join(ROOT, 'secretlintrc.json');
  fs.writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const report = path.join(ROOT, 'secretlint-report.json');
  const run = timed(SECRETLINT, ['**/*', '--secretlintrc', config, '--format', 'json', '--output', report, '--maskSecrets'], dir);
  if (!fs.existsSync(report)) throw new Error(`secretlint wrote no report: ${run.stderr.trim().split('\n')[0]}`);
  const results = JSON.parse(fs.readFileSync(report, 'utf8')) as { filePath: string; messages: { loc: { start: { line: number } } }[] }[];
  const found = new Set<string>();
  for (const result of results) {
    for (const message of result.messages) found.add(`${path.relative(dir, result.filePath)}:${message.loc.start.line}`);
  }
  return { name: 'secretlint (preset-recommend)', seconds: run.seconds, found };
}

function recall(measured: Measured, planted: PlantedKey[]): string {
  if (measured.found.size === 0 && measured.name.startsWith('read')) return '—';
  const hits = planted.filter((key) => measured.found.has(`${key.file}:${key.line}`)).length;
  return `${hits}/${planted.length}`;
}

function main(): void {
  fs.mkdirSync(ROOT, { recursive: true });
  process.stdout.write(`Building a ${TARGET_MB} MB corpus under ${ROOT} (reused when present)…\n`);
  const corpus = buildCorpus(ROOT, TARGET_MB * 1024 * 1024, 40);
  const mb = corpus.bytes / 1024 / 1024;
  process.stdout.write(`Corpus: ${corpus.files} files, ${mb.toFixed(1)} MB, ${corpus.planted.length} planted keys; ${os.cpus().length} cores\n\n`);
  readFloor(corpus.dir); // warm the page cache so every contender reads from memory
  process.stdout.write(`${'tool'.padEnd(34)}${'seconds'.padStart(10)}${'MB/s'.padStart(10)}${'planted found'.padStart(16)}\n`);
  // Each row is printed as soon as it is measured: secretlint alone takes many minutes.
  const measure = (run: (dir: string) => Measured): Measured => {
    const row = run(corpus.dir);
    process.stdout.write(
      `${row.name.padEnd(34)}${row.seconds.toFixed(2).padStart(10)}${(mb / row.seconds).toFixed(1).padStart(10)}${recall(row, corpus.planted).padStart(16)}\n`,
    );
    return row;
  };
  const floor = measure(readFloor);
  const ours = measure(leakstop);
  const theirs = measure(secretlint);
  process.stdout.write(
    `\nleakstop vs secretlint: ${(theirs.seconds / ours.seconds).toFixed(1)}× faster (aim ≥ 10×)\n` +
      `leakstop vs read floor: ${(ours.seconds / floor.seconds).toFixed(1)}× the floor's time (aim ≤ 3×)\n`,
  );
}

main();
