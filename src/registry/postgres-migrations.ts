// The PostgreSQL schema, version by version (see apply-migrations.ts). New keys notify
// `leakstop_keys` with their schema's name, so open registries refresh their hash index. JSON is
// kept as TEXT, as on SQLite, so both backends give back exactly what was stored.
import type { Migration } from './apply-migrations.js';
import { POSTGRES_RESPONSE_LOG_MIGRATION } from './postgres-response-log.js';

export const KEYS_CHANNEL = 'leakstop_keys';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'keys',
    sql: `
CREATE TABLE keys (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash BYTEA NOT NULL UNIQUE CHECK (length(hash) = 32),
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
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
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
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  key_id TEXT,
  action TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX audit_log_key ON audit_log (key_id);
CREATE FUNCTION leakstop_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION leakstop_audit_append_only();
CREATE FUNCTION leakstop_keys_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('${KEYS_CHANNEL}', TG_TABLE_SCHEMA); RETURN NULL; END $$;
CREATE TRIGGER keys_added AFTER INSERT ON keys FOR EACH STATEMENT EXECUTE FUNCTION leakstop_keys_added();
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  },
  { version: 2, name: 'response-log', sql: POSTGRES_RESPONSE_LOG_MIGRATION },
];
