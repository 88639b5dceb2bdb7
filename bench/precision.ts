// `npm run bench:precision`: what the rules report on code that holds (almost) no secrets —
// the installed node_modules, the Python standard library when the machine has one, and the
// full histories of the real repositories in ../shared/bench-repos — counted by rule, so a
// rule that adds noise shows up. Every finding here is a real credential, a test fixture or
// a false positive; the closing note of a rules change classifies them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve('.bench', 'precision');
const CLI = path.resolve(process.env.LEAKSTOP_CLI ?? 'dist/cli/main.js');
/** The bench repositories beside the checkout (../shared), or beside a worktree's parent. */
const BUNDLES = process.env.LEAKSTOP_BENCH_REPOS
  ? path.resolve(process.env.LEAKSTOP_BENCH_REPOS)
  : ['../shared/bench-repos', '../../shared/bench-repos'].map((dir) => path.resolve(dir)).find((dir) => fs.existsSync(dir)) ?? '';

interface Source {
  name: string;
  args: string[];
}

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  commit?: string;
}

function pythonStdlib(): string | undefined {
  const found = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
  const dir = found.status === 0 ? found.stdout.trim() : '';
  return dir && fs.existsSync(dir) ? dir : undefined;
}

/** Each bundle cloned once (a bare mirror: all branches and tags) under .bench/precision. */
function mirrors(): string[] {
  if (!BUNDLES || !fs.existsSync(BUNDLES)) return [];
  return fs.readdirSync(BUNDLES).filter((name) => name.endsWith('.bundle')).sort().map((name) => {
    const dir = path.join(ROOT, name.replace(/\.bundle$/, '.git'));
    if (!fs.existsSync(dir)) {
      const cloned = spawnSync('git', ['clone', '--quiet', '--mirror', path.join(BUNDLES, name), dir], { stdio: 'inherit' });
      if (cloned.status !== 0) throw new Error(`git clone --mirror ${name} failed`);
    }
    return dir;
  });
}

function sources(): Source[] {
  const list: Source[] = [{ name: 'node_modules', args: [fs.realpathSync('node_modules'), '--no-gitignore'] }];
  const stdlib = pythonStdlib();
  if (stdlib) list.push({ name: 'python stdlib', args: [stdlib, '--no-gitignore'] });
  for (const repo of mirrors()) list.push({ name: `${path.basename(repo, '.git')} history`, args: ['--history', repo, '--no-cache'] });
  const only = process.env.LEAKSTOP_PRECISION_SOURCES?.split(',');
  return only ? list.filter((source) => only.some((name) => source.name.startsWith(name))) : list;
}

function scan(source: Source): { findings: JsonFinding[]; seconds: number } {
  const report = path.join(ROOT, 'report.json');
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'scan', ...source.args, '--format', 'json', '--output', report, '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`leakstop scan ${source.name} failed: ${run.stderr.toString().trim().split('\n')[0]}`);
  return { findings: JSON.parse(fs.readFileSync(report, 'utf8')) as JsonFinding[], seconds };
}

function main(): void {
  fs.mkdirSync(ROOT, { recursive: true });
  process.stdout.write(`leakstop: ${CLI}\n`);
  const byRule = new Map<string, number[]>();
  const list = sources();
  let total = 0;
  list.forEach((source, column) => {
    const { findings, seconds } = scan(source);
    total += findings.length;
    process.stdout.write(`${source.name}: ${findings.length} findings (${seconds.toFixed(1)} s)\n`);
    for (const finding of findings) {
      const counts = byRule.get(finding.ruleId) ?? new Array<number>(list.length).fill(0);
      counts[column]!++;
      byRule.set(finding.ruleId, counts);
    }
    if (process.env.LEAKSTOP_PRECISION_LIST) {
      for (const f of findings) process.stdout.write(`  ${f.ruleId}  ${f.commit ? `${f.commit.slice(0, 8)}:` : ''}${f.path}:${f.line}\n`);
    }
  });
  const header = ['rule', ...list.map((source) => source.name), 'total'];
  const rows = [...byRule].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0]))
    .map(([rule, counts]) => [rule, ...counts.map(String), String(sum(counts))]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  process.stdout.write(`\n${[header, ...rows].map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n')}\n`);
  process.stdout.write(`\n${total} findings by ${byRule.size} rules\n`);
}

function sum(counts: number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}

main();
