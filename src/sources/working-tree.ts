// Source: the files of a working tree (or any directory, or single files).
import fs from 'node:fs';
import path from 'node:path';
import type { Fragment, ScanStats } from '../types.js';
import { listFiles } from './list-files.js';
import { hasBinaryExtension, toText } from './read-text.js';

export interface WorkingTreeOptions {
  gitignore: boolean;
  maxFileSize: number;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}

/** Yields one fragment per readable text file under `roots`, counting what it skips in `stats`. */
export function* readWorkingTree(roots: string[], options: WorkingTreeOptions, stats: ScanStats): Generator<Fragment> {
  for (const root of roots) {
    const listing = listFiles(root, options);
    stats.unreadable.push(...listing.unreadable);
    // Paths read as the user typed them: relative to the current directory when under it
    // (as SARIF uploads need), else relative to the scanned root.
    const display = (file: { absolute: string; relative: string }): string => {
      const fromCwd = path.relative(process.cwd(), file.absolute);
      return fromCwd.startsWith('..') || path.isAbsolute(fromCwd) ? file.relative : fromCwd.split(path.sep).join('/');
    };
    for (const file of listing.files) {
      const shown = display(file);
      if (hasBinaryExtension(file.relative)) {
        stats.skippedBinary++;
        continue;
      }
      let size: number;
      try {
        size = fs.statSync(file.absolute).size;
      } catch (error) {
        stats.unreadable.push({ path: shown, reason: errorCode(error) });
        continue;
      }
      if (size > options.maxFileSize) {
        stats.skippedLarge.push({ path: shown, size });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file.absolute);
      } catch (error) {
        stats.unreadable.push({ path: shown, reason: errorCode(error) });
        continue;
      }
      const outcome = toText(bytes, options.maxFileSize);
      if (outcome.kind === 'binary') {
        stats.skippedBinary++;
        continue;
      }
      if (outcome.kind === 'large') {
        stats.skippedLarge.push({ path: shown, size: outcome.size });
        continue;
      }
      stats.files++;
      stats.bytes += bytes.byteLength;
      yield { text: outcome.text, origin: { path: shown } };
    }
  }
}
