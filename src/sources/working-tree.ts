// Source: the files of a working tree (or any directory, or single files). Listing happens
// here; reading happens where the file is detected (see pipeline/detect-file.ts), so that a
// large scan reads its files on every detection thread rather than on one.
import fs from 'node:fs';
import path from 'node:path';
import type { ScanStats } from '../types.js';
import { listFiles } from './list-files.js';
import { pathFromCwd } from './path-from-cwd.js';
import { hasBinaryExtension } from './read-text.js';

export interface WorkingTreeOptions {
  gitignore: boolean;
}

/** A file to scan: where it is, and the path reports show for it. */
export interface SourceEntry {
  path: string;
  absolute: string;
  /** A FIFO or pipe named on the command line: read as a stream (see sources/read-stream.ts). */
  stream?: boolean;
}

/** Yields each file under `roots` not known to be binary by its name, counting what it skips in `stats`. */
export function* listWorkingTree(roots: string[], options: WorkingTreeOptions, stats: ScanStats): Generator<SourceEntry> {
  for (const root of roots) {
    const display = displayPaths(root);
    for (const file of listFiles(root, options, stats.unreadable)) {
      if (file.special) {
        stats.skippedSpecial.push({ path: display(file), kind: file.special });
        continue;
      }
      if (!file.stream && hasBinaryExtension(file.relative)) {
        stats.skippedBinary.push(display(file));
        continue;
      }
      yield { path: display(file), absolute: file.absolute, ...(file.stream ? { stream: true } : {}) };
    }
  }
}

/** Each file's path as reports print it (see path-from-cwd.ts), worked out once per root. */
function displayPaths(root: string): (file: { absolute: string; relative: string }) => string {
  const absoluteRoot = path.resolve(root);
  const shown = pathFromCwd(absoluteRoot);
  if (!isDirectory(absoluteRoot)) return () => shown;
  if (shown === '') return (file) => file.relative;
  const base = shown.endsWith('/') ? shown : `${shown}/`;
  return (file) => `${base}${file.relative}`;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
