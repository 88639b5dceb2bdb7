import type { ScanStats } from '../types.js';

export function emptyStats(): ScanStats {
  return { files: 0, bytes: 0, skippedBinary: 0, skippedLarge: [], unreadable: [], durationMs: 0 };
}
