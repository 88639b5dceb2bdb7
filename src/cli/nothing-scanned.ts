// Files named on the command line of which none could be scanned (all over the size limit,
// binary, unreadable or missing) fail the scan, as a missing path does: "0 findings" would be
// a pass over nothing. A directory holding nothing scannable is reported, not failed.
import fs from 'node:fs';
import { UsageError } from '../errors.js';
import { formatBytes } from '../report/summary.js';
import type { ScanStats } from '../types.js';

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function checkSomethingScanned(paths: string[], stats: ScanStats): void {
  if (stats.files > 0 || paths.some(isDirectory)) return;
  const reasons = [
    ...stats.skippedLarge.map((file) => `${file.path} is over the size limit (${formatBytes(file.size)}; --max-file-size raises it)`),
    ...stats.skippedBinary.map((file) => `${file} is binary`),
    ...stats.unreadable.map((file) => `cannot read ${file.path}: ${file.reason}`),
  ];
  throw new UsageError(`nothing scanned: ${reasons.join('; ')}`);
}
