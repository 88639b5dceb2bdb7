// The summary line every scan prints: what was read, so an empty scan never passes silently.
import type { ScanResult } from '../types.js';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface SummaryExtra {
  suppressed?: number;
  staleBaseline?: number;
  /** List each skipped binary file, not only their number. */
  verbose?: boolean;
}

/** `2 missing, 1 corrupt` for the history blobs that could not be read. */
function unreadableBlobs(unreadable: ScanResult['stats']['unreadable']): string | undefined {
  const missing = unreadable.filter((entry) => entry.blob === 'missing').length;
  const corrupt = unreadable.filter((entry) => entry.blob === 'corrupt').length;
  if (missing + corrupt === 0) return undefined;
  const kinds = [missing && `${missing} missing`, corrupt && `${corrupt} corrupt`].filter(Boolean).join(', ');
  return `Warning: ${plural(missing + corrupt, 'blob')} could not be read (${kinds}): their content was not scanned; \`git fsck\` shows the damage.`;
}

/** One line per fact: the first states what was scanned and what was found. */
export function summaryLines(result: ScanResult, extra: SummaryExtra = {}): string[] {
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
  const binary = stats.skippedBinary.length;
  if (binary && extra.verbose) lines.push(`Skipped ${plural(binary, 'binary file')}:`, ...stats.skippedBinary.map((file) => `  ${file}`));
  else if (binary) lines.push(`Skipped ${plural(binary, 'binary file')}.`);
  if (stats.skippedLarge.length) {
    lines.push(`Skipped ${plural(stats.skippedLarge.length, 'file')} over the size limit:`);
    for (const skipped of stats.skippedLarge) lines.push(`  ${skipped.path} (${formatBytes(skipped.size)})`);
  }
  if (stats.skippedSpecial.length) {
    lines.push(`Skipped ${plural(stats.skippedSpecial.length, 'special file')} (not regular files):`);
    for (const special of stats.skippedSpecial) lines.push(`  ${special.path} (${special.kind})`);
  }
  if (stats.submodules?.length) lines.push(`Submodules not followed: ${stats.submodules.join(', ')}`);
  for (const unreadable of stats.unreadable) lines.push(`Warning: cannot read ${unreadable.path}: ${unreadable.reason}`);
  const blobs = unreadableBlobs(stats.unreadable);
  if (blobs) lines.push(blobs);
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
