import type { Engine } from './engine.js';
import { normalizePath } from './path-matcher.js';

/**
 * Whether a global allowlist allows everything at this path (e.g. lock files), so a source
 * may skip reading the file at all. Only allowlists judged by path alone count.
 */
export function isPathAllowlisted(engine: Engine, path: string): boolean {
  const normalized = normalizePath(path);
  return engine.allowlists.some((allowlist) => {
    if (!allowlist.paths?.(normalized)) return false;
    if (!allowlist.and) return true;
    return allowlist.regexes.length === 0 && allowlist.stopwords.length === 0 && allowlist.commits === undefined;
  });
}
