// The summary line every scan prints: what was read, so an empty scan never passes silently.
import type { ScanResult } from '../types.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per fact: the first states what was scanned and what was found. */
export function summaryLines(result: ScanResult, extra: { suppressed?: number; staleBaseline?: number } = {}): string[] {
  const { stats, findings } = result;
  const scanned: string[] = [];
  if (stats.commits !== undefined) scanned.push(plural(stats.commits, 'commit'));
  if (stats.blobs !== undefined) {
    scanned.push(plural(stats.blobs, 'blob'));
    if (stats.blobsFromCache) scanned.push(`${stats.blobsFromCache} from cache`);
  } else {
    scanned.push(plural(stats.files, 'file'));
  }
  scanned.push(formatBytes(stats.bytes));
  const hits = findings.filter((f) => f.registry.match).length;
  const seconds = (stats.durationMs / 1000).toFixed(2);
  const lines = [
    `Scanned ${scanned.join(', ')} in ${seconds}s: ${plural(findings.length, 'finding')}` +
      (hits ? ` (${plural(hits, 'registered key')})` : ''),
  ];
  if (stats.shallow) lines.push('Warning: shallow clone — history before the shallow boundary was not scanned.');
  if (stats.skippedBinary) lines.push(`Skipped ${plural(stats.skippedBinary, 'binary file')}.`);
  if (stats.skippedLarge.length) {
    lines.push(`Skipped ${plural(stats.skippedLarge.length, 'file')} over the size limit:`);
    for (const skipped of stats.skippedLarge) lines.push(`  ${skipped.path} (${formatBytes(skipped.size)})`);
  }
  if (stats.submodules?.length) lines.push(`Submodules not followed: ${stats.submodules.join(', ')}`);
  for (const unreadable of stats.unreadable) lines.push(`Warning: cannot read ${unreadable.path}: ${unreadable.reason}`);
  for (const stopped of stats.rulesStopped ?? []) {
    lines.push(`Warning: rule "${stopped.ruleId}" ${stopped.reason} on ${stopped.path} and was skipped there; simplify its regex`);
  }
  if (extra.suppressed) lines.push(`${plural(extra.suppressed, 'finding')} suppressed by the baseline.`);
  if (extra.staleBaseline) {
    const n = extra.staleBaseline;
    lines.push(`${n} baseline ${n === 1 ? 'entry no longer matches' : 'entries no longer match'} anything (stale).`);
  }
  return lines;
}
