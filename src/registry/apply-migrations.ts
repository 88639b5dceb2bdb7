// Versioned schema migrations, applied when a registry is opened. Each backend has its own list
// (sqlite-migrations.ts, postgres-migrations.ts) with the same versions; a migration, once
// released, is never edited — a change is a new version at the end of both lists.
import { RegistryError } from '../errors.js';
import { batch, execute, select, type SqlDatabase, type SqlScript } from './sql-script.js';

export interface Migration {
  version: number;
  name: string;
  /** One or more statements. */
  sql: string;
}

function* appliedVersions(): SqlScript<Set<number>> {
  const rows = yield* select<{ version: number | string }>('SELECT version FROM leakstop_migrations');
  return new Set(rows.map((row) => Number(row.version)));
}

function* migrate(migrations: readonly Migration[], at: string): SqlScript<void> {
  yield* batch('CREATE TABLE IF NOT EXISTS leakstop_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = yield* appliedVersions();
  checkKnown(applied, migrations);
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    yield* batch(migration.sql);
    yield* execute('INSERT INTO leakstop_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, at]);
  }
}

function checkKnown(applied: Set<number>, migrations: readonly Migration[]): void {
  const newest = Math.max(0, ...migrations.map((migration) => migration.version));
  const ahead = Math.max(0, ...applied);
  if (ahead > newest) {
    throw new RegistryError(`the registry's schema is at version ${ahead}, newer than this leakstop knows (${newest}): upgrade leakstop`);
  }
}

/** Brings the schema up to date; the common case, nothing to do, costs one read and no lock. */
export async function applyMigrations(db: SqlDatabase, migrations: readonly Migration[]): Promise<void> {
  const applied = await db.read(appliedVersions).catch(() => new Set<number>()); // no table yet: a new registry
  checkKnown(applied, migrations);
  if (migrations.every((migration) => applied.has(migration.version))) return;
  await db.transaction(() => migrate(migrations, new Date().toISOString()), { exclusive: true });
}
