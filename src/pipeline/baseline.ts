// Baselines are content-based: an entry is (rule, path, secret hash), never a line number,
// so moved code stays quiet and a new secret on an old line is still caught.
import fs from 'node:fs';
import { errnoText } from '../errno-text.js';
import { ConfigError } from '../errors.js';
import type { Finding } from '../types.js';

export interface BaselineEntry {
  ruleId: string;
  path: string;
  secretHash: string;
}

export interface BaselineOutcome {
  findings: Finding[];
  /** Entries that matched no finding in this scan: fixed, or the baseline is out of date. */
  stale: BaselineEntry[];
  suppressed: number;
}

const entryKey = (entry: BaselineEntry): string => `${entry.ruleId}\0${entry.path}\0${entry.secretHash}`;

function isEntry(value: unknown): value is BaselineEntry {
  const entry = value as Record<string, unknown>;
  return (
    typeof entry === 'object' && entry !== null &&
    typeof entry.ruleId === 'string' && typeof entry.path === 'string' &&
    typeof entry.secretHash === 'string' && /^[0-9a-f]{64}$/.test(entry.secretHash)
  );
}

/** Reads a baseline written by --write-baseline, or a Leakstop JSON report (an array of findings). */
export function readBaseline(file: string): BaselineEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not valid JSON' : errnoText(error);
    throw new ConfigError(`baseline ${file}: ${reason}`);
  }
  const entries = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new ConfigError(`baseline ${file}: expected { "entries": [...] } or a JSON findings array`);
  return entries.map((entry, index) => {
    if (!isEntry(entry)) throw new ConfigError(`baseline ${file}: entries[${index}] needs ruleId, path and a hex secretHash`);
    return { ruleId: entry.ruleId, path: entry.path, secretHash: entry.secretHash };
  });
}

export function writeBaseline(file: string, findings: Finding[]): void {
  const unique = new Map(findings.map((f) => {
    const entry = { ruleId: f.ruleId, path: f.path, secretHash: f.secretHash };
    return [entryKey(entry), entry] as const;
  }));
  fs.writeFileSync(file, `${JSON.stringify({ version: 1, entries: [...unique.values()] }, null, 2)}\n`);
}

export function applyBaseline(findings: Finding[], baseline: BaselineEntry[]): BaselineOutcome {
  const known = new Map(baseline.map((entry) => [entryKey(entry), entry]));
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    const key = entryKey(finding);
    if (!known.has(key)) return true;
    used.add(key);
    return false;
  });
  const stale = [...known].filter(([key]) => !used.has(key)).map(([, entry]) => entry);
  return { findings: kept, stale, suppressed: findings.length - kept.length };
}
