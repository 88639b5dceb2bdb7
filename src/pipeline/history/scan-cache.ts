// The history scan cache, one SQLite file shared by every repository scanned, so a second scan —
// of the same repository or of any clone sharing objects — reads only what it has not seen:
// - per (rule set, blob SHA): blobs known to hold no match, binary blobs, oversized blobs, and
//   the matches of a blob that has some — without their secrets (see cached-matches.ts);
// - per commit SHA: the blobs the commit introduced (pure git data, valid under any rules);
// - per walk key (walk-key.ts): the commits that walk met, in order, for the WALKS_KEPT walks last used.
// It never holds a secret's plaintext.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CachedMatch } from './cached-matches.js';
import type { CommitList } from '../../sources/history/blob-index.js';
import type { CommitEntriesCache } from '../../sources/history/history-walk.js';

/** The blobs of a scan, numbered (see BlobIndex). */
export interface BlobNumbers {
  readonly blobCount: number;
  blobSha(blob: number): string;
  blobNumber(sha: string): number | undefined;
}

export type CachedVerdict =
  | { kind: 'clean' | 'binary' | 'large'; size: number }
  | { kind: 'matches'; size: number; matches: CachedMatch[] };

const VERDICT_CODES = { clean: 0, binary: 1, large: 2, matches: 3 } as const;
const VERDICT_KINDS = ['clean', 'binary', 'large', 'matches'] as const;
/** Bumped when the tables change (3: matches keep keyed fingerprints, not SHA-256): an older cache file is emptied, not misread. */
const SCHEMA = 3;
/** Rule sets unused this long are dropped with their blobs. */
const RULESET_TTL_MS = 90 * 24 * 3600 * 1000;
const FLUSH_EVERY = 2000;
/** Blobs looked up per query: fewer round trips than one query per blob. */
const LOOKUP_BATCH = 500;
/** Up to this many cached blobs per blob sought, the whole rule set is read instead. */
const WHOLE_READ_FACTOR = 4;
/** Walks kept: a few repositories' latest ones (a walk holds 20 bytes per commit). */
const WALKS_KEPT = 32;

export { defaultCacheDir } from '../../cache-dir.js';

const toKey = (sha: string): Buffer => Buffer.from(sha, 'hex');

/**
 * `count` SHAs in batches of LOOKUP_BATCH: each batch's first position, its SHAs, and their keys,
 * the last batch's keys padded with a key no SHA has.
 */
function* keyBatches(count: number, shaOf: (position: number) => string): Generator<{ start: number; shas: string[]; keys: Buffer[] }> {
  for (let start = 0; start < count; start += LOOKUP_BATCH) {
    const shas: string[] = [];
    for (let position = start; position < Math.min(count, start + LOOKUP_BATCH); position++) shas.push(shaOf(position));
    const keys = shas.map(toKey);
    while (keys.length < LOOKUP_BATCH) keys.push(Buffer.alloc(0));
    yield { start, shas, keys };
  }
}

export class ScanCache implements CommitEntriesCache {
  readonly #db: Database.Database;
  readonly #ruleset: number;
  readonly #lookupBatch: Database.Statement<unknown[], { blob: Buffer; verdict: number; size: number; matches: string | null }>;
  readonly #countRuleset: Database.Statement<[number], { rows: number }>;
  readonly #verdictsOfRuleset: Database.Statement<[number], string | null>;
  readonly #matchedOfRuleset: Database.Statement<[number], [string, number, number, string]>;
  readonly #insertBlob: Database.Statement<[number, Buffer, number, number, string | null]>;
  readonly #commitEntries: Database.Statement<Buffer[], [Buffer, Buffer]>;
  readonly #insertCommit: Database.Statement<[Buffer, Buffer]>;
  readonly holdsCommits: boolean;
  readonly #walkOf: Database.Statement<[string], { shaBytes: number; commits: Buffer }>;
  readonly #useWalk: Database.Statement<[number, string]>;
  readonly #insertWalk: Database.Statement<[string, number, Buffer, number]>;
  readonly #pruneWalks: Database.Statement<[number]>;
  #pendingBlobs: [Buffer, number, number, string | null][] = [];
  #pendingCommits: [Buffer, Buffer][] = [];

  private constructor(db: Database.Database, rulesetKey: string) {
    this.#db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
    db.transaction(() => {
      if (db.pragma('user_version', { simple: true }) === SCHEMA) return;
      db.exec('DROP TABLE IF EXISTS blobs; DROP TABLE IF EXISTS commits; DROP TABLE IF EXISTS rulesets;');
      db.pragma(`user_version = ${SCHEMA}`);
    }).immediate();
    db.exec(`
      CREATE TABLE IF NOT EXISTS rulesets (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, last_used INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS blobs (
        ruleset INTEGER NOT NULL, blob BLOB NOT NULL, verdict INTEGER NOT NULL, size INTEGER NOT NULL, matches TEXT,
        PRIMARY KEY (ruleset, blob)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS commits (sha BLOB PRIMARY KEY, entries BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS walks (key TEXT PRIMARY KEY, sha_bytes INTEGER NOT NULL, commits BLOB NOT NULL, used INTEGER NOT NULL);`);
    const now = Date.now();
    this.#ruleset = db.transaction(() => {
      const stale = db.prepare('SELECT id FROM rulesets WHERE last_used < ?').all(now - RULESET_TTL_MS) as { id: number }[];
      for (const { id } of stale) {
        db.prepare('DELETE FROM blobs WHERE ruleset = ?').run(id);
        db.prepare('DELETE FROM rulesets WHERE id = ?').run(id);
      }
      db.prepare('INSERT INTO rulesets (key, last_used) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET last_used = excluded.last_used').run(rulesetKey, now);
      return (db.prepare('SELECT id FROM rulesets WHERE key = ?').get(rulesetKey) as { id: number }).id;
    }).immediate();
    const placeholders = Array.from({ length: LOOKUP_BATCH }, () => '?').join(',');
    this.#lookupBatch = db.prepare(`SELECT blob, verdict, size, matches FROM blobs WHERE ruleset = ? AND blob IN (${placeholders})`);
    this.#countRuleset = db.prepare('SELECT count(*) AS rows FROM blobs WHERE ruleset = ?');
    this.#verdictsOfRuleset = db
      .prepare<[number], string | null>("SELECT group_concat(lower(hex(blob)) || verdict || ':' || size, ',') FROM blobs WHERE ruleset = ? AND matches IS NULL")
      .pluck(true);
    this.#matchedOfRuleset = db
      .prepare<[number], [string, number, number, string]>('SELECT lower(hex(blob)), verdict, size, matches FROM blobs WHERE ruleset = ? AND matches IS NOT NULL')
      .raw(true);
    this.#insertBlob = db.prepare('INSERT OR REPLACE INTO blobs (ruleset, blob, verdict, size, matches) VALUES (?, ?, ?, ?, ?)');
    this.#commitEntries = db.prepare<Buffer[], [Buffer, Buffer]>(`SELECT sha, entries FROM commits WHERE sha IN (${placeholders})`).raw(true);
    this.#insertCommit = db.prepare('INSERT OR REPLACE INTO commits (sha, entries) VALUES (?, ?)');
    this.holdsCommits = db.prepare('SELECT 1 FROM commits LIMIT 1').get() !== undefined;
    this.#walkOf = db.prepare('SELECT sha_bytes AS shaBytes, commits FROM walks WHERE key = ?');
    this.#useWalk = db.prepare('UPDATE walks SET used = ? WHERE key = ?');
    this.#insertWalk = db.prepare('INSERT OR REPLACE INTO walks (key, sha_bytes, commits, used) VALUES (?, ?, ?, ?)');
    this.#pruneWalks = db.prepare('DELETE FROM walks WHERE key NOT IN (SELECT key FROM walks ORDER BY used DESC LIMIT ?)');
  }

  /**
   * Opens (creating) the cache file in `dir` for one rule set (`rulesetKey`: what decides a
   * blob's verdict). A cache that cannot be opened is not fatal to a scan, so this says why.
   */
  static open(dir: string, rulesetKey: string): { ok: true; cache: ScanCache } | { ok: false; file: string; error: string } {
    const file = path.join(dir, 'history-cache.sqlite');
    try {
      fs.mkdirSync(dir, { recursive: true });
      return { ok: true, cache: new ScanCache(new Database(file), rulesetKey) };
    } catch (error) {
      return { ok: false, file, error: (error as Error).message.split('\n')[0] ?? 'unknown error' };
    }
  }

  /**
   * Hands on the verdict of each blob of `blobs` this rule set has seen, by blob number; memory
   * stays with the caller's index (no map of every SHA is built here).
   */
  lookup(blobs: BlobNumbers, onKnown: (blob: number, verdict: CachedVerdict) => void): void {
    const verdict = (code: number, size: number, matches: string | null): CachedVerdict | undefined => {
      const kind = VERDICT_KINDS[code];
      if (kind !== 'matches') return kind && { kind, size };
      return matches === null ? undefined : { kind, size, matches: JSON.parse(matches) as CachedMatch[] };
    };
    const hand = (sha: string, code: number, size: number, matches: string | null): void => {
      const blob = blobs.blobNumber(sha);
      const known = blob === undefined ? undefined : verdict(code, size, matches);
      if (known) onKnown(blob!, known);
    };
    // Reading every row of the rule set in one pass is several times faster than a query per
    // blob, and costs little when the cache holds not much more than this scan's blobs.
    if (this.#countRuleset.get(this.#ruleset)!.rows <= blobs.blobCount * WHOLE_READ_FACTOR) {
      // Verdicts without matches come as one string, `<sha><verdict>:<size>,…`: better-sqlite3
      // spends ~3 µs materialising each row, three times the cost of this (168k blobs: 460 → 150 ms).
      const verdicts = this.#verdictsOfRuleset.get(this.#ruleset) ?? '';
      for (let at = 0; at < verdicts.length;) {
        const colon = verdicts.indexOf(':', at + 40);
        const comma = verdicts.indexOf(',', colon);
        const end = comma < 0 ? verdicts.length : comma;
        hand(verdicts.slice(at, at + 40), Number(verdicts.slice(at + 40, colon)), Number(verdicts.slice(colon + 1, end)), null);
        at = end + 1;
      }
      for (const [sha, code, size, matches] of this.#matchedOfRuleset.iterate(this.#ruleset)) hand(sha, code, size, matches);
      return;
    }
    for (const { keys } of keyBatches(blobs.blobCount, (blob) => blobs.blobSha(blob))) {
      for (const row of this.#lookupBatch.all(this.#ruleset, ...keys)) hand(row.blob.toString('hex'), row.verdict, row.size, row.matches);
    }
  }

  record(blobSha: string, verdict: CachedVerdict): void {
    const matches = verdict.kind === 'matches' ? JSON.stringify(verdict.matches) : null;
    this.#pendingBlobs.push([toKey(blobSha), VERDICT_CODES[verdict.kind], verdict.size, matches]);
    if (this.#pendingBlobs.length >= FLUSH_EVERY) this.flush();
  }

  entriesOf(count: number, shaOf: (position: number) => string, onKnown: (position: number, entries: Buffer) => void): void {
    // One query per batch, not per commit (express's 6,413 commits: 42–50 ms, against 66 ms one by one).
    for (const { start, shas, keys } of keyBatches(count, shaOf)) {
      const positions = new Map(shas.map((sha, i) => [sha, start + i]));
      for (const [sha, entries] of this.#commitEntries.all(...keys)) onKnown(positions.get(sha.toString('hex'))!, entries);
    }
  }

  walkOf(key: string): CommitList | undefined {
    const row = this.#walkOf.get(key);
    if (!row || row.commits.length % row.shaBytes !== 0) return undefined;
    this.#useWalk.run(Date.now(), key);
    return { list: row.commits, shaBytes: row.shaBytes };
  }

  recordWalk(key: string, walk: CommitList): void {
    this.#insertWalk.run(key, walk.shaBytes, walk.list, Date.now());
    this.#pruneWalks.run(WALKS_KEPT);
  }

  recordEntries(commit: string, entries: Buffer): void {
    this.#pendingCommits.push([toKey(commit), entries]);
    if (this.#pendingCommits.length >= FLUSH_EVERY) this.flush();
  }

  flush(): void {
    const blobs = this.#pendingBlobs;
    const commits = this.#pendingCommits;
    this.#pendingBlobs = [];
    this.#pendingCommits = [];
    this.#db.transaction(() => {
      for (const [blob, verdict, size, matches] of blobs) this.#insertBlob.run(this.#ruleset, blob, verdict, size, matches);
      for (const [sha, entries] of commits) this.#insertCommit.run(sha, entries);
    }).immediate();
  }

  close(): void {
    this.flush();
    this.#db.close();
  }
}
