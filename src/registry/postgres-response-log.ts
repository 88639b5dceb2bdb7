// The response log on PostgreSQL. Racing responders meet at unique constraints
// (`INSERT … ON CONFLICT`) and at a row lock on the incident, held by an open transaction on a
// connection of its own: a responder that dies drops its connection, and with it the lock.
import type pg from 'pg';
import type { Incident, NewIncident, NewSighting, ResponseLog, ResponseStep, ResponseStepName, Sighting } from '../types.js';
import { incidentFromRow, sightingFromRow, STEP_ORDER, stepFromRow } from './response-rows.js';

export class PostgresResponseLog implements ResponseLog {
  constructor(private readonly pool: pg.Pool) {}

  async recordSighting(incident: NewIncident, sighting: NewSighting): Promise<{ incident: Incident; sighting: Sighting; isNew: boolean }> {
    await this.pool.query(
      `INSERT INTO incidents (repo, key_id, key_hash_prefix, secret_redacted, severity, rule_id, actor_kind, actor_name, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) ON CONFLICT (repo, key_id) DO NOTHING`,
      [incident.repo, incident.keyId, incident.keyHashPrefix, incident.secretRedacted, incident.severity, incident.ruleId, incident.actor.kind, incident.actor.name],
    );
    const stored = (await this.pool.query('SELECT * FROM incidents WHERE repo = $1 AND key_id = $2', [incident.repo, incident.keyId])).rows[0];
    const place = [stored.id, sighting.commit ?? '', sighting.path, sighting.line];
    const inserted = await this.pool.query(
      `INSERT INTO incident_sightings (incident_id, commit_sha, path, line, author, email, committed_at, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (incident_id, commit_sha, path, line) DO NOTHING`,
      [...place, sighting.author ?? null, sighting.email ?? null, sighting.committedAt ?? null],
    );
    const seen = (await this.pool.query('SELECT * FROM incident_sightings WHERE incident_id = $1 AND commit_sha = $2 AND path = $3 AND line = $4', place)).rows[0];
    return { incident: incidentFromRow(stored), sighting: sightingFromRow(seen), isNew: (inserted.rowCount ?? 0) > 0 };
  }

  async findIncident(repo: string, keyId: string): Promise<Incident | undefined> {
    const row = (await this.pool.query('SELECT * FROM incidents WHERE repo = $1 AND key_id = $2', [repo, keyId])).rows[0];
    return row && incidentFromRow(row);
  }

  async incident(id: number): Promise<Incident | undefined> {
    const row = (await this.pool.query('SELECT * FROM incidents WHERE id = $1', [id])).rows[0];
    return row && incidentFromRow(row);
  }

  async incidents(): Promise<Incident[]> {
    return (await this.pool.query('SELECT * FROM incidents ORDER BY id DESC')).rows.map(incidentFromRow);
  }

  async sightings(incidentId: number): Promise<Sighting[]> {
    return (await this.pool.query('SELECT * FROM incident_sightings WHERE incident_id = $1 ORDER BY id', [incidentId])).rows.map(sightingFromRow);
  }

  async steps(incidentId: number): Promise<ResponseStep[]> {
    return (await this.pool.query('SELECT * FROM response_steps WHERE incident_id = $1 ORDER BY ' + STEP_ORDER, [incidentId])).rows.map(stepFromRow);
  }

  async beginStep(incidentId: number, step: ResponseStepName, intent: Record<string, unknown>): Promise<ResponseStep> {
    // One statement: insert the intent, or count another attempt of a step that is not done.
    const { rows } = await this.pool.query(
      `INSERT INTO response_steps AS s (incident_id, step, state, intent, attempts, started_at) VALUES ($1, $2, 'started', $3, 1, now())
       ON CONFLICT (incident_id, step) DO UPDATE
         SET state = CASE WHEN s.state = 'done' THEN s.state ELSE 'started' END,
             attempts = CASE WHEN s.state = 'done' THEN s.attempts ELSE s.attempts + 1 END,
             started_at = CASE WHEN s.state = 'done' THEN s.started_at ELSE now() END
       RETURNING *`,
      [incidentId, step, JSON.stringify(intent)],
    );
    return stepFromRow(rows[0]);
  }

  async finishStep(incidentId: number, step: ResponseStepName, outcome: Record<string, unknown>): Promise<void> {
    await this.pool.query(`UPDATE response_steps SET state = 'done', outcome = $3, error = NULL, finished_at = now() WHERE incident_id = $1 AND step = $2`, [
      incidentId,
      step,
      JSON.stringify(outcome),
    ]);
  }

  async failStep(incidentId: number, step: ResponseStepName, error: string): Promise<void> {
    await this.pool.query(`UPDATE response_steps SET state = 'failed', error = $3, finished_at = now() WHERE incident_id = $1 AND step = $2 AND state <> 'done'`, [
      incidentId,
      step,
      error,
    ]);
  }

  async withIncidentLock<T>(incidentId: number, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // NO KEY UPDATE: excludes other responders, yet lets this responder's own writes of rows
      // that reference the incident (their foreign-key checks take KEY SHARE) go through.
      await client.query('SELECT id FROM incidents WHERE id = $1 FOR NO KEY UPDATE', [incidentId]);
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** The response log's tables: appended to the PostgreSQL migrations. */
export const POSTGRES_RESPONSE_LOG_MIGRATION = `
CREATE TABLE incidents (
  id SERIAL PRIMARY KEY,
  repo TEXT NOT NULL,
  key_id TEXT NOT NULL,
  key_hash_prefix TEXT NOT NULL,
  secret_redacted TEXT NOT NULL,
  severity TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  detected_at TIMESTAMPTZ NOT NULL,
  UNIQUE (repo, key_id)
);
CREATE TABLE incident_sightings (
  id SERIAL PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  commit_sha TEXT NOT NULL,
  path TEXT NOT NULL,
  line INTEGER NOT NULL,
  author TEXT,
  email TEXT,
  committed_at TEXT,
  seen_at TIMESTAMPTZ NOT NULL,
  UNIQUE (incident_id, commit_sha, path, line)
);
CREATE TABLE response_steps (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  step TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('started', 'done', 'failed')),
  intent JSONB NOT NULL,
  outcome JSONB,
  error TEXT,
  attempts INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  PRIMARY KEY (incident_id, step)
);
CREATE TABLE replacements (
  id TEXT PRIMARY KEY,
  replaces TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('reserved', 'sealed', 'claimed')),
  sealed_box TEXT,
  reserved_at TIMESTAMPTZ NOT NULL,
  sealed_at TIMESTAMPTZ,
  claimed_at TIMESTAMPTZ
);
CREATE TABLE owner_keys (
  owner TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL
);
`;
