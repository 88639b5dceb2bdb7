// The central domain types. Every stage speaks these; none of them carries I/O.
import { inspect } from 'node:util';
import { redact } from './redact.js';
import type { AssignmentSpec } from './detect/assignment-grammar.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * How a secret proves its own shape. `crc32-base62`: the last 6 characters are the
 * CRC32 of the random part before them, base62 (0-9A-Za-z), zero-padded — GitHub's
 * `gh?_` tokens, npm tokens and Leakstop's own keys.
 */
export type ChecksumKind = 'crc32-base62';

/** A structure a secret of the kind decodes to (src/detect/structure.ts). */
export type StructureKind = 'jwt' | 'basic-credentials';

/** What an allowlist regex is tested against. */
export type AllowlistTarget = 'secret' | 'match' | 'line';

/**
 * A regex as its source and flags, which is all a rule keeps: the engine makes the RegExp objects it
 * runs (with the flags it needs) when a rule first runs, so reading a cached rule set parses no regex.
 * A RegExp is one too.
 */
export interface Pattern {
  readonly source: string;
  readonly flags: string;
}

export interface Allowlist {
  description?: string;
  regexes: Pattern[];
  regexTarget: AllowlistTarget;
  /** Case-insensitive substrings: a secret containing one is not a secret. */
  stopwords: string[];
  /** minimatch globs over the fragment's path. */
  paths: string[];
  /** Regexes over the fragment's path (gitleaks configs express paths as regexes). */
  pathRegexes?: Pattern[];
  /** Commit SHAs whose findings are allowed (gitleaks `commits`). */
  commits?: string[];
  /** 'or' (default): any one criterion allows; 'and': every criterion present must hold. */
  condition?: 'or' | 'and';
  /** Global allowlists only: apply to these rule ids alone (gitleaks `targetRules`). */
  targetRules?: string[];
}

/** A rule is plain data (rules/*.toml) compiled once. */
export interface Rule {
  id: string;
  description: string;
  /** Provider family, e.g. "GitHub", "AWS". */
  provider: string;
  regex: Pattern;
  /** Capture group holding the secret: a number or a named group. 0 means the whole match. */
  secretGroup: number | string;
  /** Lower-case keywords; the rule runs only on text containing one. Empty: always runs. */
  keywords: string[];
  /** Minimum Shannon entropy (bits per character) of the secret; 0 disables. */
  entropy: number;
  checksum?: ChecksumKind;
  /** The structure the secret must decode to, else it is dropped with reason `structure`; placeholders are judged on what it carries. */
  structure?: StructureKind;
  /** minimatch globs: when present, the rule applies only to matching paths. */
  paths: string[];
  /** Path regexes (gitleaks `path`): when present, the rule applies only to matching paths. */
  pathRegexes?: Pattern[];
  allowlists: Allowlist[];
  tags: string[];
  severity: Severity;
  /** How to rotate a key of this kind, shown in reports. */
  guidance?: string;
  /** Example templates (see src/rules/example-template.ts): must match / must not match. Empty in a rule from the compiled-engine cache. */
  examples: {
    match: RuleExample[];
    noMatch: string[];
    /** Contexts of the example matrix (test/helpers/assignment-contexts.ts) the rule cannot hold in, e.g. a PEM block in one line. */
    excludeContexts?: string[];
  };
  /** Keyword-anchored rules: the keyword and value the shared assignment grammar built the regex from. */
  assignment?: AssignmentSpec;
  /** Where the rule came from (file path), for error messages. */
  source: string;
  /** Registry-shape rules: a registered key is a leak wherever it stands, so no allowlist applies. */
  bypassAllowlists?: boolean;
  /** A user's own rule (`--config`): its regex runs under a time budget (src/detect/rule-guard.ts). */
  untrusted?: boolean;
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
  /** `commit:<sha>` for a text of the commit itself (see `within`), else the file's path. */
  path: string;
  /** Which text of the commit at `path` `commit:<sha>`: `message`, `tag <name>` or `note <notes ref>`. */
  within?: string;
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
    // A copy, not a slice: V8 keeps a slice's whole parent alive, and a secret cut from a 10 MB
    // file must cost its own few bytes, not the file's (findings are kept until the report).
    this.#value = Buffer.from(value, 'utf16le').toString('utf16le');
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
  /**
   * 1-based line and column (UTF-16 code units) of the secret's first character; the end is
   * exclusive (the column just past the secret), as SARIF regions are. A secret found inside an
   * encoded segment is placed on the whole segment.
   */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  entropy: number;
  /** true: the checksum proved it; false: no checksum for this rule. (A wrong checksum never matches.) */
  checksumValid: boolean;
  /** The encodings peeled off to reach it, outermost first, e.g. ["base64"]. */
  decodedFrom: string[];
  /**
   * Keys of 'and'-allowlists whose content criteria held but whose path or commit criteria
   * can only be judged once the match is placed (see src/detect/place-matches.ts).
   */
  pendingAllowlists?: string[];
  /** A summary: the rule matched this many more times in the text from here on, not listed (see MAX_LISTED_PER_RULE). */
  notListed?: number;
}

/** Why a candidate was not reported: debug logging shows these, never the plaintext. */
export type DropReason =
  | 'checksum'
  /** Does not decode to its kind's structure (a "JWT" whose header is no JSON object naming `alg`). */
  | 'structure'
  | 'entropy'
  | 'placeholder'
  | 'stopword'
  | 'allowlist-regex'
  | 'allowlist-stopword'
  | 'inline-allow'
  | 'superseded'
  /** A generic match on text a specific rule rejected (checksum, placeholder, stopword): not a secret of any kind. */
  | 'rejected-by-specific-rule';

export interface DroppedCandidate {
  ruleId: string;
  line: number;
  reason: DropReason;
  /** The dropped text, when the engine knew it. */
  secret?: Secret;
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
  /** See Origin.within. */
  within?: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
  secret: Secret;
  secretRedacted: string;
  /**
   * Hex SHA-256 of the secret's UTF-8 bytes: what the registry stores. In memory only — a
   * dictionary undoes it for a weak secret — except for registry hits and registered shapes.
   */
  secretHash: string;
  /** Hex HMAC-SHA256 of the secret under the user's fingerprint key: what reports and baselines show. */
  secretFingerprint: string;
  entropy: number;
  checksumValid: boolean;
  decodedFrom: string[];
  /** Stable identity for SARIF: hash of rule, path and secret fingerprint. */
  fingerprint: string;
  registry: RegistryMatch;
  /** A summary: the rule matched this many more times in the file from here on, not listed (at most 1,000 are, per file and rule). */
  notListed?: number;
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

/** What a new key is issued with; the environment picks its prefix (`live` → `lk_live_`). */
export interface IssueKeySpec {
  owner: string;
  label: string;
  /** Default `live`. */
  environment?: KeyEnvironment;
  restrictions?: KeyRestrictions;
  deliveryTarget?: DeliveryTarget;
}

/** A key just issued: the only moment its plaintext exists. */
export interface IssuedKey {
  record: KeyRecord;
  key: Secret;
}

/** A key registered by its hash alone (`leakstop registry import`): a legacy key whose plaintext we never had. */
export interface ImportedKey {
  /** Hex SHA-256 of the key. */
  hash: string;
  shape: KeyShape;
  owner: string;
  label: string;
  /** Kept when given (a legacy system's id), else generated. */
  id?: string;
  environment?: KeyEnvironment;
  lastFour?: string;
  restrictions?: KeyRestrictions;
  status?: KeyStatus;
  createdAt?: string;
}

export interface ImportSummary {
  imported: number;
  /** Hashes the registry held already: left as they were. */
  alreadyRegistered: number;
}

/**
 * The provider's record of every key it issued, by SHA-256 only. Two backends (SQLite,
 * PostgreSQL) behave the same; every change is in the append-only audit log with its actor.
 */
export interface KeyRegistry {
  /** Where the registry lives, without credentials: for messages. */
  readonly location: string;
  /** The records of the hex SHA-256 hashes that are registered keys, by lower-case hash (an in-memory index answers misses). */
  lookup(hashes: Iterable<string>): Promise<Map<string, KeyRecord>>;
  /** The shapes of every registered key, so the scanner can hash every string of those shapes. */
  shapes(): Promise<KeyShape[]>;
  issue(spec: IssueKeySpec, actor: Actor): Promise<IssuedKey>;
  importHashes(keys: readonly ImportedKey[], actor: Actor): Promise<ImportSummary>;
  get(id: string): Promise<KeyRecord | undefined>;
  /** Oldest first. */
  list(filter?: { owner?: string; status?: KeyStatus }): Promise<KeyRecord[]>;
  /**
   * Revokes an active key; a key already revoked keeps its first revocation (one audit entry
   * however often it is asked). Returns the key as stored after. Unknown id: RegistryError.
   */
  revoke(id: string, reason: string, actor: Actor): Promise<KeyRecord>;
  /**
   * Reserves a replacement with the key's owner, label, environment and restrictions and links
   * it by `replacedBy`; asked again, returns the same reservation. Its key is minted later.
   */
  reserveReplacement(id: string, actor: Actor): Promise<Replacement>;
  replacement(id: string): Promise<Replacement | undefined>;
  /**
   * Registers the minted key of a reserved replacement (hash only) — sealed when `sealedBox` is
   * given, else claimed at once. false: it was no longer reserved (another minting won).
   */
  completeReplacement(id: string, minted: { hash: string; lastFour: string }, sealedBox: string | undefined, actor: Actor): Promise<boolean>;
  /** Marks a sealed replacement claimed and drops its box; false when it was not sealed and unclaimed. */
  consumeSealedReplacement(id: string, actor: Actor): Promise<boolean>;
  ownerKey(owner: string): Promise<OwnerKey | undefined>;
  addOwnerKey(owner: string, publicKey: string, actor: Actor): Promise<void>;
  /** Key prefixes by environment, e.g. `{ live: 'lk_live_', test: 'lk_test_' }`. */
  prefixes(): Promise<Record<KeyEnvironment, string>>;
  /** Adds or changes environments' prefixes (existing keys keep theirs). */
  setPrefixes(prefixes: Record<KeyEnvironment, string>, actor: Actor): Promise<void>;
  /** The audit log, oldest first; of one key when `keyId` is given. */
  audit(keyId?: string): Promise<AuditEntry[]>;
  /** The response log (issue 5), in the same database. */
  readonly responses: ResponseLog;
  close(): Promise<void>;
}

// ── Scans ────────────────────────────────────────────────────────────────────

/** What a scan read: reported in every summary, so an empty scan never passes silently. */
export interface ScanStats {
  files: number;
  bytes: number;
  /** Paths of the files (or blobs, at their first place) skipped as binary. */
  skippedBinary: string[];
  skippedLarge: { path: string; size: number }[];
  /** FIFOs, sockets and devices met while walking a directory: listed, never opened. */
  skippedSpecial: { path: string; kind: string }[];
  /** Paths that could not be read, with why; `blob` says a history blob could not be read, and why. */
  unreadable: { path: string; reason: string; blob?: 'missing' | 'corrupt' }[];
  /** User rules skipped for a file (too slow, or failed there), with why. */
  rulesStopped?: RuleStopped[];
  /** History scans only. */
  commits?: number;
  blobs?: number;
  /** Blobs answered by the scan cache, not read. */
  blobsFromCache?: number;
  shallow?: boolean;
  submodules?: string[];
  durationMs: number;
}

export interface RuleStopped {
  path: string;
  ruleId: string;
  reason: string;
}

export interface ScanResult {
  findings: Finding[];
  stats: ScanStats;
}

// ── Response ─────────────────────────────────────────────────────────────────

/** What was done about one registered key leaked in one repository. */
export interface Incident {
  id: number;
  /** Where the key leaked: `owner/name` on GitHub, or a local path when there is no GitHub repository. */
  repo: string;
  keyId: string;
  /** First 12 hex characters of the key's SHA-256: the incident issue's marker. */
  keyHashPrefix: string;
  secretRedacted: string;
  severity: Severity;
  ruleId: string;
  detectedAt: string;
  actor: Actor;
}

/** One place the key was seen: the first makes the incident, later ones a comment on its issue. */
export interface Sighting {
  id: number;
  incidentId: number;
  commit?: string;
  path: string;
  line: number;
  author?: string;
  email?: string;
  /** The commit's time (ISO 8601): where the exposure window starts. */
  committedAt?: string;
  seenAt: string;
}

/** `revoke`, `replace`, `deliver`, `issue`, or `comment:<first sighting id>`. */
/** `actions-secret`: part of `deliver` when the key's record names an Actions secret. */
/** `notify`: the owner-notification event, when LEAKSTOP_NOTIFY_URL is set. */
/** `alert:<number>`: a GitHub secret scanning alert of the incident's repository, resolved as revoked. */
export type ResponseStepName = 'revoke' | 'replace' | 'deliver' | 'actions-secret' | 'notify' | 'issue' | `comment:${number}` | `alert:${number}`;

/**
 * The durable record of one step: its intent is written before it runs and its outcome after,
 * so a process killed in between resumes the step instead of repeating or forgetting it.
 */
export interface ResponseStep {
  incidentId: number;
  step: ResponseStepName;
  state: 'started' | 'done' | 'failed';
  /** What the step set out to do, fixed when it was first begun. */
  intent: Record<string, unknown>;
  outcome?: Record<string, unknown>;
  /** The last failure, one safe line (no secret, no request body). */
  error?: string;
  attempts: number;
  startedAt: string;
  finishedAt?: string;
}

export type NewIncident = Omit<Incident, 'id' | 'detectedAt'>;
export type NewSighting = Omit<Sighting, 'id' | 'incidentId' | 'seenAt'>;

/**
 * The response log, kept in the registry database (both backends): incidents, their sightings
 * and each step's intent and outcome. Writes are idempotent, so redelivered findings add nothing.
 */
export interface ResponseLog {
  /** Records the sighting, and the incident on the key's first sighting in the repository. */
  recordSighting(incident: NewIncident, sighting: NewSighting): Promise<{ incident: Incident; sighting: Sighting; isNew: boolean }>;
  findIncident(repo: string, keyId: string): Promise<Incident | undefined>;
  incident(id: number): Promise<Incident | undefined>;
  /** All incidents, newest first. */
  incidents(): Promise<Incident[]>;
  sightings(incidentId: number): Promise<Sighting[]>;
  steps(incidentId: number): Promise<ResponseStep[]>;
  /** Records the intent of a step not yet begun; returns the step as stored, with its first intent. */
  beginStep(incidentId: number, step: ResponseStepName, intent: Record<string, unknown>): Promise<ResponseStep>;
  finishStep(incidentId: number, step: ResponseStepName, outcome: Record<string, unknown>): Promise<void>;
  failStep(incidentId: number, step: ResponseStepName, error: string): Promise<void>;
  /** Runs `work` while no other responder works on the incident; a dead holder's lock is free. */
  withIncidentLock<T>(incidentId: number, work: () => Promise<T>): Promise<T>;
}

/** A replacement for a leaked key: reserved at once, minted (and sealed) on delivery or at claim. */
export interface Replacement {
  /** The id the minted key will have. */
  id: string;
  replaces: string;
  owner: string;
  state: 'reserved' | 'sealed' | 'claimed';
  /** Base64 sealed box, while sealed and unclaimed. */
  sealedBox?: string;
  reservedAt: string;
  /** When it was minted and sealed to the owner's public key (sealed delivery). */
  sealedAt?: string;
  claimedAt?: string;
}

/** An owner's X25519 public key (base64): replacements for the owner's keys are sealed to it. */
export interface OwnerKey {
  owner: string;
  publicKey: string;
  addedAt: string;
}
