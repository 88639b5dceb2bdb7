// Inline allow: a line saying `leakstop:allow` (or gitleaks' and detect-secrets' spellings,
// for people migrating) drops every finding on it.
import { linesAround } from './line-index.js';

/** Lower-case; the prefilter looks for them in the same pass as the rule keywords. */
export const INLINE_ALLOW_MARKERS = ['leakstop:allow', 'gitleaks:allow', 'pragma: allowlist secret'];

/**
 * How far from the match a marker may stand on its line. In a minified file the "line" is the
 * whole file: a marker 50 KB away was written for some other string, not this one.
 */
const REACH = 1024;

export function hasInlineAllow(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - REACH);
  const lines = linesAround(text.slice(from, Math.min(text.length, end + REACH)), start - from, end - from).toLowerCase();
  return INLINE_ALLOW_MARKERS.some((marker) => lines.includes(marker));
}
