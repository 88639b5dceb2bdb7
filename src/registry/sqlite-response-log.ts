// The response log on SQLite. Every write is one statement or one immediate transaction, so
// concurrent processes on the same file (WAL) never interleave half a change.
import type Database from 'better-sqlite3';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Incident, NewIncident, NewSighting, ResponseLog, ResponseStep, ResponseStepName, Sighting } from '../types.js';
import { incidentFromRow, sightingFromRow, STEP_ORDER, stepFromRow } from './response-rows.js';

/** How long a lock holder is trusted without renewing; a holder whose process is gone is not waited for. */
const LEASE_MS = 30_000;
const POLL_MS = 25;

/** Whether a process on this host is alive (signal 0 checks without signalling). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Row = Record<string, unknown>;

export class SqliteResponseLog implements ResponseLog {
  constructor(private readonly db: Database.Database) {
    // Responders in other processes write to the same file: wait for their transactions.
    if (Number(db.pragma('busy_timeout', { simple: true })) < 10_000) db.pragma('busy_timeout = 10000');
  }

  async recordSighting(incident: NewIncident, sighting: NewSighting): Promise<{ incident: Incident; sighting: Sighting; isNew: boolean }> {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO incidents (repo, key_id, key_hash_prefix, secret_redacted, severity, rule_id, actor_kind, actor_name, detected_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo, key_id) DO NOTHING`,
        )
        .run(incident.repo, incident.keyId, incident.keyHashPrefix, incident.secretRedacted, incident.severity, incident.ruleId, incident.actor.kind, incident.actor.name, now);
      const stored = this.db.prepare('SELECT * FROM incidents WHERE repo = ? AND key_id = ?').get(incident.repo, incident.keyId) as Row;
      const inserted = this.db
        .prepare(
          `INSERT INTO incident_sightings (incident_id, commit_sha, path, line, author, email, committed_at, seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id, commit_sha, path, line) DO NOTHING`,
        )
        .run(stored.id, sighting.commit ?? '', sighting.path, sighting.line, sighting.author ?? null, sighting.email ?? null, sighting.committedAt ?? null, now);
      const seen = this.db
        .prepare('SELECT * FROM incident_sightings WHERE incident_id = ? AND commit_sha = ? AND path = ? AND line = ?')
        .get(stored.id, sighting.commit ?? '', sighting.path, sighting.line) as Row;
      return { incident: incidentFromRow(stored), sighting: sightingFromRow(seen), isNew: inserted.changes > 0 };
    }).immediate();
  }

  async findIncident(repo: string, keyId: string): Promise<Incident | undefined> {
    const row = this.db.prepare('SELECT * FROM incidents WHERE repo = ? AND key_id = ?').get(repo, keyId) as Row | undefined;
    return row && incidentFromRow(row);
  }

  async incident(id: number): Promise<Incident | undefined> {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
    return row && incidentFromRow(row);
  }

  async incidents(): Promise<Incident[]> {
    return (this.db.prepare('SELECT * FROM incidents ORDER BY id DESC').all() as Row[]).map(incidentFromRow);
  }

  async sightings(incidentId: number): Promise<Sighting[]> {
    return (this.db.prepare('SELECT * FROM incident_sightings WHERE incident_id = ? ORDER BY id').all(incidentId) as Row[]).map(sightingFromRow);
  }

  async steps(incidentId: number): Promise<ResponseStep[]> {
    return (this.db.prepare('SELECT * FROM response_steps WHERE incident_id = ? ORDER BY ' + STEP_ORDER).all(incidentId) as Row[]).map(stepFromRow);
  }

  async beginStep(incidentId: number, step: ResponseStepName, intent: Record<string, unknown>): Promise<ResponseStep> {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          `INSERT INTO response_steps (incident_id, step, state, intent, attempts, started_at) VALUES (?, ?, 'started', ?, 1, ?)
           ON CONFLICT (incident_id, step) DO NOTHING`,
        )
        .run(incidentId, step, JSON.stringify(intent), now);
      if (inserted.changes === 0) {
        this.db
          .prepare(`UPDATE response_steps SET state = 'started', attempts = attempts + 1, started_at = ? WHERE incident_id = ? AND step = ? AND state <> 'done'`)
          .run(now, incidentId, step);
      }
      return stepFromRow(this.db.prepare('SELECT * FROM response_steps WHERE incident_id = ? AND step = ?').get(incidentId, step) as Row);
    }).immediate();
  }

  async finishStep(incidentId: number, step: ResponseStepName, outcome: Record<string, unknown>): Promise<void> {
    this.db
      .prepare(`UPDATE response_steps SET state = 'done', outcome = ?, error = NULL, finished_at = ? WHERE incident_id = ? AND step = ?`)
      .run(JSON.stringify(outcome), new Date().toISOString(), incidentId, step);
  }

  async failStep(incidentId: number, step: ResponseStepName, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE response_steps SET state = 'failed', error = ?, finished_at = ? WHERE incident_id = ? AND step = ? AND state <> 'done'`)
      .run(error, new Date().toISOString(), incidentId, step);
  }

  /**
   * A lease row per incident: taken when free, expired, or held by a process of this host that
   * has died (a SIGKILLed responder must not make the next one wait out the lease).
   */
  async withIncidentLock<T>(incidentId: number, work: () => Promise<T>): Promise<T> {
    const holder = `${os.hostname()}:${process.pid}:${randomUUID()}`;
    const take = this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM incident_locks WHERE incident_id = ?').get(incidentId) as Row | undefined;
      const free = !row || Number(row.expires_at) < Date.now() || (row.host === os.hostname() && !processAlive(Number(row.pid)));
      if (!free) return false;
      this.db
        .prepare('INSERT OR REPLACE INTO incident_locks (incident_id, holder, host, pid, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(incidentId, holder, os.hostname(), process.pid, Date.now() + LEASE_MS);
      return true;
    });
    while (!take.immediate()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const renew = setInterval(() => {
      this.db.prepare('UPDATE incident_locks SET expires_at = ? WHERE incident_id = ? AND holder = ?').run(Date.now() + LEASE_MS, incidentId, holder);
    }, LEASE_MS / 3);
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
      this.db.prepare('DELETE FROM incident_locks WHERE incident_id = ? AND holder = ?').run(incidentId, holder);
    }
  }
}

/** The response log's tables: appended to the SQLite migrations. */
export const SQLITE_RESPONSE_LOG_MIGRATION = `
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  repo TEXT NOT NULL,
  key_id TEXT NOT NULL,
  key_hash_prefix TEXT NOT NULL,
  secret_redacted TEXT NOT NULL,
  severity TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  UNIQUE (repo, key_id)
);
CREATE TABLE incident_sightings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  commit_sha TEXT NOT NULL,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  author TEXT,
  email TEXT,
  committed_at TEXT,
  seen_at TEXT NOT NULL,
  UNIQUE (incident_id, commit_sha, path, line)
);
CREATE TABLE response_steps (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('started', 'done', 'failed')),
  intent TEXT NOT NULL,
  outcome TEXT,
  error TEXT,
  attempts INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (incident_id, step)
);
CREATE TABLE incident_locks (
  incident_id INTEGER PRIMARY KEY,
  holder TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE replacements (
  id TEXT PRIMARY KEY,
  replaces TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('reserved', 'sealed', 'claimed')),
  sealed_box TEXT,
  reserved_at TEXT NOT NULL,
  sealed_at TEXT,
  claimed_at TEXT
);
CREATE TABLE owner_keys (
  owner TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  added_at TEXT NOT NULL
);
`;
