// The central domain types. Every stage speaks these; none of them carries I/O.
import { inspect } from 'node:util';
import { redact } from './redact.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * How a secret proves its own shape. `crc32-base62`: the last 6 characters are the
 * CRC32 of the random part before them, base62 (0-9A-Za-z), zero-padded — GitHub's
 * `gh?_` tokens, npm tokens and Leakstop's own keys.
 */
export type ChecksumKind = 'crc32-base62';

/** What an allowlist regex is tested against. */
export type AllowlistTarget = 'secret' | 'match' | 'line';

export interface Allowlist {
  description?: string;
  regexes: RegExp[];
  regexTarget: AllowlistTarget;
  /** Case-insensitive substrings: a secret containing one is not a secret. */
  stopwords: string[];
  /** minimatch globs over the fragment's path. */
  paths: string[];
}

/** A rule is plain data (rules/*.toml) compiled once. */
export interface Rule {
  id: string;
  description: string;
  /** Provider family, e.g. "GitHub", "AWS". */
  provider: string;
  regex: RegExp;
  /** Capture group holding the secret: a number or a named group. 0 means the whole match. */
  secretGroup: number | string;
  /** Lower-case keywords; the rule runs only on text containing one. Empty: always runs. */
  keywords: string[];
  /** Minimum Shannon entropy (bits per character) of the secret; 0 disables. */
  entropy: number;
  checksum?: ChecksumKind;
  /** minimatch globs: when present, the rule applies only to matching paths. */
  paths: string[];
  allowlists: Allowlist[];
  tags: string[];
  severity: Severity;
  /** How to rotate a key of this kind, shown in reports. */
  guidance?: string;
  /** Example templates (see src/rules/example-template.ts): must match / must not match. */
  examples: { match: RuleExample[]; noMatch: string[] };
  /** Where the rule came from (file path), for error messages. */
  source: string;
  /** Registry-shape rules: a registered key is a leak wherever it stands, so no allowlist applies. */
  bypassAllowlists?: boolean;
}

/** Everything a scan is configured with: built-in rules merged with a user's config. */
export interface ScanConfig {
  rules: Rule[];
  /** Global allowlists, applied to every rule. */
  allowlists: Allowlist[];
  /** Files or blobs larger than this (bytes) are skipped and listed. */
  maxFileSize: number;
  /** Changes whenever the rules or the engine change: part of the history cache key. */
  rulesetVersion: string;
  /** The files the config was read from. */
  sources: string[];
}

export interface RuleExample {
  /** Template text, e.g. `token = "ghp_{base62:36}"`. */
  text: string;
  /** Template of the expected secret, when it is not the whole match. */
  secret?: string;
}

/** Where a piece of text came from. */
export interface Origin {
  repo?: string;
  commit?: string;
  path: string;
  author?: string;
  email?: string;
  /** ISO 8601. */
  date?: string;
  /** First line of the commit message. */
  message?: string;
}

/** A piece of text to scan, with where it came from. */
export interface Fragment {
  text: string;
  origin: Origin;
  /** Only findings starting on these 1-based lines count (staged mode: the added lines). */
  lines?: ReadonlySet<number>;
}

/**
 * A secret's plaintext, held in memory only. It never stringifies, serialises or
 * inspects to its value, so it cannot leak into a log, a report or an error by accident.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  get length(): number {
    return this.#value.length;
  }
  get redacted(): string {
    return redact(this.#value);
  }
  toString(): string {
    return this.redacted;
  }
  toJSON(): string {
    return this.redacted;
  }
  [inspect.custom](): string {
    return `Secret(${this.redacted})`;
  }
}

/** A rule match inside a text, before it is tied to a place: what the history cache keeps per blob. */
export interface Match {
  ruleId: string;
  secret: Secret;
  /** 1-based line and column of the secret's first character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  entropy: number;
  /** true: the checksum proved it; false: no checksum for this rule. (A wrong checksum never matches.) */
  checksumValid: boolean;
  /** The encodings peeled off to reach it, outermost first, e.g. ["base64"]. */
  decodedFrom: string[];
}

export type RegistryMatch =
  | { match: false }
  | { match: true; keyId: string; owner: string; label: string; status: KeyStatus };

export interface Finding {
  ruleId: string;
  description: string;
  severity: Severity;
  tags: string[];
  guidance?: string;
  repo?: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
  secret: Secret;
  secretRedacted: string;
  /** Hex SHA-256 of the secret's UTF-8 bytes: what the registry stores. */
  secretHash: string;
  entropy: number;
  checksumValid: boolean;
  decodedFrom: string[];
  /** Stable identity for baselines and SARIF: hash of rule, path and secret hash. */
  fingerprint: string;
  registry: RegistryMatch;
}

// ── Registry ─────────────────────────────────────────────────────────────────

export type KeyStatus = 'active' | 'revoked';
export type KeyEnvironment = string; // 'live' | 'test' | configured others

/** Alphabets of registered keys' random parts. */
export type KeyAlphabet = 'base62' | 'base64url' | 'hex' | 'base32';

/** The shape of a family of registered keys, so the scanner can hash every string of it. */
export interface KeyShape {
  /** Literal prefix, e.g. `lk_live_`. */
  prefix: string;
  /** Length of the part after the prefix. */
  bodyLength: number;
  alphabet: KeyAlphabet;
  checksum?: ChecksumKind;
}

export interface KeyRestrictions {
  allowedIps?: string[];
  endpoints?: string[];
  rateLimit?: number;
}

/** Where a replacement goes besides its owner. */
export type DeliveryTarget =
  | { kind: 'actions-secret'; repo: string; name: string };

export interface KeyRecord {
  id: string;
  /** Hex SHA-256 of the key. */
  hash: string;
  prefix: string;
  lastFour: string;
  owner: string;
  label: string;
  environment: KeyEnvironment;
  restrictions: KeyRestrictions;
  deliveryTarget?: DeliveryTarget;
  shape?: KeyShape;
  status: KeyStatus;
  createdAt: string;
  revokedAt?: string;
  revocationReason?: string;
  replacedBy?: string;
  replaces?: string;
}

/** Who made a change, for the audit log. */
export interface Actor {
  kind: 'cli' | 'app';
  name: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  keyId?: string;
  action: string;
  actor: Actor;
  reason?: string;
}

// ── Scans ────────────────────────────────────────────────────────────────────

/** What a scan read: reported in every summary, so an empty scan never passes silently. */
export interface ScanStats {
  files: number;
  bytes: number;
  skippedBinary: number;
  skippedLarge: { path: string; size: number }[];
  /** Paths that could not be read, with why. */
  unreadable: { path: string; reason: string }[];
  /** History scans only. */
  commits?: number;
  blobs?: number;
  /** Blobs answered by the scan cache, not read. */
  blobsFromCache?: number;
  shallow?: boolean;
  submodules?: string[];
  durationMs: number;
}

export interface ScanResult {
  findings: Finding[];
  stats: ScanStats;
}
