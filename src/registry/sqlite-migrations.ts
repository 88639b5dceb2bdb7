// The SQLite schema, version by version (see apply-migrations.ts). Timestamps are ISO 8601 text.
import type { Migration } from './apply-migrations.js';
import { SQLITE_RESPONSE_LOG_MIGRATION } from './sqlite-response-log.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'keys',
    sql: `
CREATE TABLE keys (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash BLOB NOT NULL UNIQUE CHECK (length(hash) = 32),
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT,
  last_four TEXT NOT NULL,
  owner TEXT NOT NULL,
  label TEXT NOT NULL,
  environment TEXT NOT NULL,
  restrictions TEXT NOT NULL,
  delivery_target TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revocation_reason TEXT,
  replaced_by TEXT,
  replaces TEXT
);
CREATE INDEX keys_owner ON keys (owner);
CREATE TABLE key_shapes (
  prefix TEXT NOT NULL,
  body_length INTEGER NOT NULL,
  alphabet TEXT NOT NULL,
  checksum TEXT NOT NULL,
  PRIMARY KEY (prefix, body_length, alphabet, checksum)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  key_id TEXT,
  action TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX audit_log_key ON audit_log (key_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  },
  { version: 2, name: 'response-log', sql: SQLITE_RESPONSE_LOG_MIGRATION },
];
