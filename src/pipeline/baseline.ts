// Baselines are content-based: an entry is (rule, path, secret fingerprint), never a line
// number, so moved code stays quiet and a new secret on an old line is still caught. The
// fingerprint is keyed (see fingerprint-key.ts) with the baseline's own key, kept beside it in
// `<baseline>.key`: committed with it, the baseline works on every machine and fork; kept out of
// the repository, the baseline alone gives no weak secret away. The baseline records the key's
// id, so a scan with another key says so instead of matching nothing. Baselines of unkeyed
// SHA-256 hashes (version 1) are still read.
import fs from 'node:fs';
import { errnoText } from '../errno-text.js';
import { ConfigError } from '../errors.js';
import type { FingerprintKey } from '../detect/fingerprint-key.js';
import type { Finding } from '../types.js';
import { createKeyFile, FINGERPRINT_KEY_ENV, readKeyFile } from './load-fingerprint-key.js';

export type BaselineEntry = { ruleId: string; path: string } & ({ secretFingerprint: string } | { secretHash: string });

export interface Baseline {
  entries: BaselineEntry[];
  /** Entries holding an unkeyed SHA-256 (an old baseline): matched, but the file should be rewritten. */
  unkeyed: number;
  /** The key its fingerprints were made with. */
  key: FingerprintKey;
}

export interface BaselineOutcome {
  findings: Finding[];
  /** Entries that matched no finding in this scan: fixed, or the baseline is out of date. */
  stale: BaselineEntry[];
  suppressed: number;
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;

const byFingerprint = (f: { ruleId: string; path: string; secretFingerprint: string }): string => `${f.ruleId}\0${f.path}\0fingerprint:${f.secretFingerprint}`;
const byHash = (f: { ruleId: string; path: string; secretHash: string }): string => `${f.ruleId}\0${f.path}\0sha256:${f.secretHash}`;
const entryKey = (entry: BaselineEntry): string => ('secretFingerprint' in entry ? byFingerprint(entry) : byHash(entry));

/** An entry as written, or as a JSON report's finding (which has a fingerprint, and a hash for our keys). */
function toEntry(value: unknown): BaselineEntry | undefined {
  const entry = value as Record<string, unknown>;
  if (typeof entry !== 'object' || entry === null || typeof entry.ruleId !== 'string' || typeof entry.path !== 'string') return undefined;
  const digest = (field: string): string | undefined => {
    const value = entry[field];
    return typeof value === 'string' && HEX_DIGEST.test(value) ? value : undefined;
  };
  const secretFingerprint = digest('secretFingerprint');
  if (secretFingerprint) return { ruleId: entry.ruleId, path: entry.path, secretFingerprint };
  const secretHash = digest('secretHash');
  return secretHash ? { ruleId: entry.ruleId, path: entry.path, secretHash } : undefined;
}

/** Where a baseline's own fingerprint key is kept. */
export const baselineKeyFile = (file: string): string => `${file}.key`;

/**
 * Reads a baseline written by --write-baseline, or a Leakstop JSON report (an array of findings).
 * Its fingerprints are under the key beside it, else under the scan's key (`scanKey`).
 */
export function readBaseline(file: string, scanKey: FingerprintKey): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not valid JSON' : errnoText(error);
    throw new ConfigError(`baseline ${file}: ${reason}`);
  }
  const written = Array.isArray(parsed) ? undefined : (parsed as { entries?: unknown; fingerprintKeyId?: unknown });
  const entries = written ? written.entries : parsed;
  if (!Array.isArray(entries)) throw new ConfigError(`baseline ${file}: expected { "entries": [...] } or a JSON findings array`);
  const read = entries.map((value, index) => {
    const entry = toEntry(value);
    if (!entry) throw new ConfigError(`baseline ${file}: entries[${index}] needs ruleId, path and a hex secretFingerprint (or secretHash)`);
    return entry;
  });
  const unkeyed = read.filter((entry) => !('secretFingerprint' in entry)).length;
  const key = readKeyFile(baselineKeyFile(file)) ?? scanKey;
  if (written && unkeyed < read.length && written.fingerprintKeyId !== key.id) {
    const writer = typeof written.fingerprintKeyId === 'string' ? `fingerprint key ${written.fingerprintKeyId}` : 'an unnamed fingerprint key';
    throw new ConfigError(`baseline ${file} was written with ${writer}, not this one (${key.id}): ` +
      `put its key file ${baselineKeyFile(file)} beside it, or set ${FINGERPRINT_KEY_ENV} to that key (see "Baselines" in the README)`);
  }
  return { entries: read, unkeyed, key };
}

/** The key beside a baseline file, made on first need: the one its fingerprints are made with. */
export function ownBaselineKey(file: string): FingerprintKey {
  const keyFile = baselineKeyFile(file);
  return readKeyFile(keyFile) ?? createKeyFile(keyFile);
}

/** The baseline file's content accepting `findings` under its key (written by the CLI, owner-only). */
export function renderBaseline(findings: Finding[], key: FingerprintKey): string {
  const unique = new Map(findings.map((f) => {
    const entry = { ruleId: f.ruleId, path: f.path, secretFingerprint: key.fingerprint(f.secret.reveal()) };
    return [byFingerprint(entry), entry] as const;
  }));
  return `${JSON.stringify({ version: 2, fingerprintKeyId: key.id, entries: [...unique.values()] }, null, 2)}
`;
}

export function applyBaseline(findings: Finding[], baseline: Baseline): BaselineOutcome {
  const known = new Map(baseline.entries.map((entry) => [entryKey(entry), entry]));
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    // Both computed here in memory from the finding's plaintext: the fingerprint under the
    // baseline's key, and the SHA-256 an old entry holds.
    const fingerprint = { ruleId: finding.ruleId, path: finding.path, secretFingerprint: baseline.key.fingerprint(finding.secret.reveal()) };
    const key = [byFingerprint(fingerprint), byHash(finding)].find((candidate) => known.has(candidate));
    if (key === undefined) return true;
    used.add(key);
    return false;
  });
  const stale = [...known].filter(([key]) => !used.has(key)).map(([, entry]) => entry);
  return { findings: kept, stale, suppressed: findings.length - kept.length };
}
