// The ruleset version: a SHA-256 over everything that decides what a scan finds — the engine
// version, every rule file and the user config — so a history cache is never reused across them.
import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from '../detect/engine-version.js';

export interface VersionedSource {
  /** A stable name: the rule file's base name, or "config". */
  name: string;
  text: string;
}

export function rulesetVersion(sources: readonly VersionedSource[]): string {
  const hash = createHash('sha256').update(`leakstop-engine:${ENGINE_VERSION}\0`);
  for (const source of sources) hash.update(`${source.name}\0${source.text.length}\0${source.text}\0`);
  return hash.digest('hex');
}
