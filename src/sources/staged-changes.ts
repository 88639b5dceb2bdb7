// Source: what `git commit` is about to record — the staged files, restricted to their added lines.
// Renames are detected (`-M`), so a moved file is scanned only for the lines it gains against its old
// path: moving a file that holds an already-committed secret adds nothing to the history.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Fragment, ScanStats } from '../types.js';
import { runGit } from './git-command.js';
import { workTreeTop } from './work-tree-top.js';
import { pathFromCwd } from './path-from-cwd.js';
import { toText } from './read-text.js';

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

interface StagedFile {
  name: string;
  /** The staged blob; undefined for a submodule, whose commits are not ours to scan here. */
  sha?: string;
  /** Added line numbers in the staged file. */
  added: Set<number>;
}

/**
 * The staged files, their blobs and added lines, from one `git diff --raw -p -z`: the raw
 * records (`:mode mode sha sha status\0path\0`, a rename's `…R<score>\0old\0new\0`) come
 * first, then an empty record, then the patch, whose file sections come in the same order.
 */
function stagedFiles(top: string): StagedFile[] {
  const out = runGit(top, ['-c', 'core.quotePath=false', 'diff', '--cached', '--raw', '-p', '-z', '--no-abbrev', '--no-color',
    '--no-ext-diff', '-M', '--unified=0', '--diff-filter=ACMR']).toString('utf8');
  const rawEnd = out.indexOf('\0\0');
  const records = (rawEnd < 0 ? out : out.slice(0, rawEnd + 1)).split('\0');
  const files: StagedFile[] = [];
  for (let i = 0; i + 1 < records.length;) {
    const [, dstMode, , dstSha, status] = records[i]!.split(' ');
    // A rename names its old path, then its new one.
    const paths = status!.startsWith('R') || status!.startsWith('C') ? 2 : 1;
    files.push({ name: records[i + paths]!, ...(dstMode === '160000' ? {} : { sha: dstSha }), added: new Set() });
    i += 1 + paths;
  }
  let file = -1;
  for (const line of rawEnd < 0 ? [] : out.slice(rawEnd + 2).split('\n')) {
    if (line.startsWith('diff --git ')) {
      file++;
      continue;
    }
    const hunk = HUNK.exec(line);
    const current = files[file];
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    for (let n = start; n < start + count; n++) current.added.add(n);
  }
  return files;
}

/**
 * The staged blobs, by SHA. A work-tree file whose git object id is the staged blob's is that
 * blob's bytes: read directly, as most commits stage files as they are, without starting git.
 * The rest (edited since staging, filtered, symbolic links) come from one `git cat-file --batch`.
 */
function readBlobs(top: string, files: readonly StagedFile[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  for (const { name, sha } of files) {
    if (sha === undefined || blobs.has(sha)) continue;
    const bytes = workTreeBlob(path.join(top, name), sha);
    if (bytes) blobs.set(sha, bytes);
  }
  const missing = [...new Set(files.flatMap(({ sha }) => (sha === undefined || blobs.has(sha) ? [] : [sha])))];
  if (missing.length > 0) readBlobsFromGit(top, missing, blobs);
  return blobs;
}

/** The file's bytes when they are the blob `sha` (SHA-1, or SHA-256 in a repository of that format). */
function workTreeBlob(file: string, sha: string): Buffer | undefined {
  try {
    if (!fs.lstatSync(file).isFile()) return undefined;
    const bytes = fs.readFileSync(file);
    const id = createHash(sha.length === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
    return id === sha ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function readBlobsFromGit(top: string, shas: string[], blobs: Map<string, Buffer>): void {
  const out = runGit(top, ['cat-file', '--batch'], Buffer.from(shas.map((sha) => `${sha}\n`).join('')));
  let offset = 0;
  while (offset < out.length) {
    const headerEnd = out.indexOf(10, offset);
    const [sha, , size] = out.subarray(offset, headerEnd).toString().split(' ');
    const start = headerEnd + 1;
    const length = Number(size);
    blobs.set(sha!, out.subarray(start, start + length));
    offset = start + length + 1;
  }
}

/** Bytes of the given 1-based lines, newlines included: what a staged scan really reads. */
function bytesOfLines(bytes: Uint8Array, lines: ReadonlySet<number>): number {
  let total = 0;
  let line = 1;
  for (let start = 0; start < bytes.byteLength; line++) {
    const newline = bytes.indexOf(10, start);
    const end = newline < 0 ? bytes.byteLength : newline + 1;
    if (lines.has(line)) total += end - start;
    start = end;
  }
  return total;
}

/** Yields the staged files, each restricted to its added lines; works before the first commit. */
export function readStagedChanges(cwd: string, options: { maxFileSize: number }, stats: ScanStats): Fragment[] {
  const top = workTreeTop(cwd);
  const files = stagedFiles(top);
  if (files.length === 0) return [];
  const contents = readBlobs(top, files);
  // Git names files from the top of the work tree; reports name them from where the scan runs.
  const shown = (name: string) => pathFromCwd(path.join(top, name), cwd);
  const fragments: Fragment[] = [];
  for (const { name, sha, added } of files) {
    const bytes = sha === undefined ? undefined : contents.get(sha);
    if (bytes === undefined) continue;
    const outcome = toText(bytes, options.maxFileSize);
    if (outcome.kind === 'binary') {
      stats.skippedBinary.push(shown(name));
      continue;
    }
    if (outcome.kind === 'large') {
      stats.skippedLarge.push({ path: shown(name), size: outcome.size });
      continue;
    }
    stats.files++;
    stats.bytes += bytesOfLines(bytes, added);
    fragments.push({ text: outcome.text, origin: { path: shown(name) }, lines: added });
  }
  return fragments;
}
