// Source: the files of a working tree (or any directory, or single files).
import fs from 'node:fs';
import path from 'node:path';
import type { ScanStats } from '../types.js';
import { listFiles } from './list-files.js';
import { hasBinaryExtension, isBinary } from './read-text.js';

export interface WorkingTreeOptions {
  gitignore: boolean;
  maxFileSize: number;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}

/** A text file's bytes and the path reports show for it. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/** Yields each readable text file under `roots`, counting what it skips in `stats`. */
export function* readWorkingTree(roots: string[], options: WorkingTreeOptions, stats: ScanStats): Generator<SourceFile> {
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
      if (isBinary(bytes)) {
        stats.skippedBinary++;
        continue;
      }
      stats.files++;
      stats.bytes += bytes.byteLength;
      yield { path: shown, bytes };
    }
  }
}
