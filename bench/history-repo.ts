// Builds the history benchmark's repository with one `git fast-import` stream: real source
// files from node_modules, edited a few at a time over thousands of commits (so most blobs are
// near-copies, as in real histories), with side branches, tags and fake keys planted at
// recorded commits, paths and lines.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { expandExample } from '../src/rules/example-template.js';
import { PLANTS } from './scan-corpus.js';

export interface PlantedHistoryKey {
  commit: string;
  path: string;
  line: number;
  provider: string;
}

export interface HistoryRepo {
  /** Bare repository. */
  dir: string;
  commits: number;
  /** Bytes of all blob versions written (each unique blob once). */
  blobBytes: number;
  planted: PlantedHistoryKey[];
}

export interface HistoryRepoTarget {
  commits: number;
  blobBytes: number;
}

/** Bumped when the layout of the built history changes, so an old build is not reused. */
const LAYOUT = 1;
const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.md', '.json']);
const MAX_SOURCE_FILE = 256 * 1024;
const PLANT_EVERY = 40;
const BRANCH_EVERY = 500;

/** Deterministic edits: the same build every time, whatever the machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name)) && fs.statSync(full).size <= MAX_SOURCE_FILE) yield full;
  }
}

class FastImport {
  readonly #child: ChildProcessByStdio<Writable, null, null>;
  constructor(readonly dir: string) {
    this.#child = spawn('git', ['fast-import', '--quiet', `--export-marks=${path.join(dir, 'bench-marks')}`], {
      cwd: dir,
      stdio: ['pipe', 'inherit', 'inherit'],
    });
  }

  async write(text: string | Buffer): Promise<void> {
    if (!this.#child.stdin.write(text)) await once(this.#child.stdin, 'drain');
  }

  async data(content: string | Buffer): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    await this.write(`data ${bytes.length}\n`);
    await this.write(bytes);
    await this.write('\n');
  }

  async end(): Promise<void> {
    this.#child.stdin.end();
    const [code] = (await once(this.#child, 'close')) as [number];
    if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  }
}

function readMarks(dir: string): Map<number, string> {
  const marks = new Map<number, string>();
  for (const line of fs.readFileSync(path.join(dir, 'bench-marks'), 'utf8').split('\n')) {
    const [mark, sha] = line.split(' ');
    if (mark && sha) marks.set(Number(mark.slice(1)), sha);
  }
  return marks;
}

/** One edit of a file: insert, delete or rewrite a few lines around a random place. */
function edit(lines: string[], next: () => number, commit: number): void {
  const at = Math.floor(next() * (lines.length + 1));
  const op = next();
  if (op < 0.5 || lines.length < 10) lines.splice(at, 0, `// revision ${commit}: ${Math.floor(next() * 1e9).toString(36)}`);
  else if (op < 0.8) lines.splice(at, 1 + Math.floor(next() * 3));
  else lines[Math.min(at, lines.length - 1)] = `${lines[Math.min(at, lines.length - 1)]} // touched in ${commit}`;
}

export async function buildHistoryRepo(root: string, target: HistoryRepoTarget): Promise<HistoryRepo> {
  const dir = path.join(root, 'history.git');
  const manifest = path.join(root, 'history.json');
  try {
    const existing = JSON.parse(fs.readFileSync(manifest, 'utf8')) as HistoryRepo & { layout: number };
    if (existing.layout === LAYOUT && existing.commits >= target.commits && existing.blobBytes >= target.blobBytes && fs.existsSync(dir)) return existing;
  } catch {
    // no usable build: make one
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(manifest, { force: true });
  spawnSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);

  const files = new Map<string, string[]>();
  for (const source of sourceFiles(path.resolve('node_modules'))) {
    files.set(path.relative('node_modules', source).split(path.sep).join('/'), fs.readFileSync(source, 'utf8').split('\n'));
  }
  const names = [...files.keys()];
  const next = random(42);
  const importer = new FastImport(dir);
  const planted: (Omit<PlantedHistoryKey, 'commit'> & { mark: number })[] = [];
  let blobBytes = 0;
  let mark = 0;
  let mainTip = 0;
  const author = (n: number) => `Bench Author <bench${n % 7}@example.test> ${1_600_000_000 + n * 600} +0000\n`;

  const commit = async (ref: string, parent: number, message: string, changes: Map<string, string>, time: number): Promise<number> => {
    const own = ++mark;
    await importer.write(`commit ${ref}\nmark :${own}\nauthor ${author(time)}committer ${author(time)}`);
    await importer.data(message);
    if (parent > 0) await importer.write(`from :${parent}\n`);
    for (const [name, content] of changes) {
      await importer.write(`M 100644 inline ${name}\n`);
      await importer.data(content);
      blobBytes += Buffer.byteLength(content);
    }
    await importer.write('\n');
    return own;
  };

  // The initial import: every source file.
  mainTip = await commit('refs/heads/main', 0, 'Import sources\n', new Map([...files].map(([name, lines]) => [name, lines.join('\n')])), 0);
  const perCommit = Math.max(1, (target.blobBytes - blobBytes) / target.commits);
  for (let n = 1; n < target.commits || blobBytes < target.blobBytes; n++) {
    const changes = new Map<string, string>();
    let bytes = 0;
    while (bytes < perCommit) {
      const name = names[Math.floor(next() * names.length)]!;
      const lines = files.get(name)!;
      edit(lines, next, n);
      const content = lines.join('\n');
      changes.set(name, content);
      bytes += content.length;
    }
    let message = `Update ${changes.size} files (change ${n})\n`;
    if (n % PLANT_EVERY === 0) {
      const name = [...changes.keys()].find((candidate) => !candidate.endsWith('.json'));
      if (name) {
        const plant = PLANTS[(n / PLANT_EVERY) % PLANTS.length]!;
        const lines = files.get(name)!;
        const at = Math.floor(next() * lines.length);
        lines.splice(at, 0, expandExample(plant.template).text);
        changes.set(name, lines.join('\n'));
        planted.push({ mark: mark + 1, path: name, line: at + 1, provider: plant.provider });
        message = `Configure ${plant.provider} client (change ${n})\n`;
      }
    }
    mainTip = await commit('refs/heads/main', mainTip, message, changes, n);
    if (n % BRANCH_EVERY === 0) {
      await importer.write(`tag v0.${n / BRANCH_EVERY}\nfrom :${mainTip}\ntagger ${author(n)}`);
      await importer.data(`Release 0.${n / BRANCH_EVERY}\n`);
      // A side branch that is never merged: its blobs exist only there.
      let side = mainTip;
      for (let s = 1; s <= 3; s++) {
        const name = names[Math.floor(next() * names.length)]!;
        const lines = [...files.get(name)!, `// experiment ${n}.${s}`];
        side = await commit(`refs/heads/feature/${n}`, side, `Experiment ${n}.${s}\n`, new Map([[name, lines.join('\n')]]), n);
      }
    }
  }
  await importer.end();
  const marks = readMarks(dir);
  const repo: HistoryRepo = {
    dir,
    commits: marks.size,
    blobBytes,
    planted: planted.map(({ mark: plantedMark, ...rest }) => ({ ...rest, commit: marks.get(plantedMark)! })),
  };
  fs.writeFileSync(manifest, JSON.stringify({ layout: LAYOUT, ...repo }));
  return repo;
}
