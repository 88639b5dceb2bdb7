// Source: what `git commit` is about to record — the staged files, restricted to their added lines.
// Renames are detected (`-M`), so a moved file is scanned only for the lines it gains against its old
// path: moving a file that holds an already-committed secret adds nothing to the history.
import path from 'node:path';
import type { Fragment, ScanStats } from '../types.js';
import { gitTopLevel, runGit } from './git-command.js';
import { pathFromCwd } from './path-from-cwd.js';
import { toText } from './read-text.js';

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Added, copied, modified and renamed files, with renames matched to their old paths. */
const STAGED_DIFF = ['diff', '--cached', '-M', '--diff-filter=ACMR'];

/** Added line numbers (in the staged file) per file, in `git diff` order. */
function addedLines(top: string): Set<number>[] {
  const patch = runGit(top, ['-c', 'core.quotePath=false', ...STAGED_DIFF, '--no-color', '--no-ext-diff', '--unified=0']).toString('utf8');
  const files: Set<number>[] = [];
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      files.push(new Set());
      continue;
    }
    const hunk = HUNK.exec(line);
    if (!hunk || files.length === 0) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    const current = files[files.length - 1]!;
    for (let n = start; n < start + count; n++) current.add(n);
  }
  return files;
}

/** Blob ids of the staged versions of `paths`. */
function stagedBlobs(top: string, paths: string[]): Map<string, string> {
  const listing = runGit(top, ['ls-files', '--stage', '-z', '--', ...paths.map((p) => `:(literal)${p}`)]).toString('utf8');
  const blobs = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, sha] = entry.slice(0, tab).split(' ');
    if (mode !== '160000') blobs.set(entry.slice(tab + 1), sha!);
  }
  return blobs;
}

/** Reads many blobs with one `git cat-file --batch`. */
function readBlobs(top: string, shas: string[]): Map<string, Buffer> {
  const out = runGit(top, ['cat-file', '--batch'], Buffer.from(shas.map((sha) => `${sha}\n`).join('')));
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < out.length) {
    const headerEnd = out.indexOf(10, offset);
    const [sha, , size] = out.subarray(offset, headerEnd).toString().split(' ');
    const start = headerEnd + 1;
    const length = Number(size);
    blobs.set(sha!, out.subarray(start, start + length));
    offset = start + length + 1;
  }
  return blobs;
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
  const top = gitTopLevel(cwd);
  const names = runGit(top, [...STAGED_DIFF, '--name-only', '-z'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  if (names.length === 0) return [];
  const added = addedLines(top);
  const blobIds = stagedBlobs(top, names);
  const contents = readBlobs(top, [...new Set(blobIds.values())]);
  // Git names files from the top of the work tree; reports name them from where the scan runs.
  const shown = (name: string) => pathFromCwd(path.join(top, name), cwd);
  const fragments: Fragment[] = [];
  names.forEach((name, index) => {
    const sha = blobIds.get(name);
    const bytes = sha === undefined ? undefined : contents.get(sha);
    if (bytes === undefined) return; // a submodule: its commits are not ours to scan here
    const outcome = toText(bytes, options.maxFileSize);
    if (outcome.kind === 'binary') {
      stats.skippedBinary.push(shown(name));
      return;
    }
    if (outcome.kind === 'large') {
      stats.skippedLarge.push({ path: shown(name), size: outcome.size });
      return;
    }
    const lines = added[index] ?? new Set<number>();
    stats.files++;
    stats.bytes += bytesOfLines(bytes, lines);
    fragments.push({ text: outcome.text, origin: { path: shown(name) }, lines });
  });
  return fragments;
}
