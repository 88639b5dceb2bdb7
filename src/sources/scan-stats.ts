import type { ScanStats } from '../types.js';

export function emptyStats(): ScanStats {
  return { files: 0, bytes: 0, skippedBinary: [], skippedLarge: [], skippedSpecial: [], unreadable: [], durationMs: 0 };
}
