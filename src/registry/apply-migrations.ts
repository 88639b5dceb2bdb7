// Versioned schema migrations, applied when a registry is opened. Each backend has its own list
// (sqlite-migrations.ts, postgres-migrations.ts) with the same versions; a migration, once
// released, is never edited — a change is a new version at the end of both lists.
import { NoRegistryError, RegistryError } from '../errors.js';
import { batch, execute, select, type Dialect, type SqlDatabase, type SqlScript } from './sql-script.js';

export interface Migration {
  version: number;
  name: string;
  /** One or more statements. */
  sql: string;
}

/** Whether the database holds Leakstop's schema: the table every registry has from its first migration on. */
export function* hasRegistrySchema(dialect: Dialect): SqlScript<boolean> {
  const rows = yield* select(dialect === 'sqlite'
    ? "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'leakstop_migrations'"
    : "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'leakstop_migrations'");
  return rows.length > 0;
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

/**
 * Brings the schema up to date; the common case, nothing to do, costs two reads and no lock.
 * A database without Leakstop's schema is made a registry only when `create` says so
 * (`registry init`); otherwise it is a NoRegistryError naming `location`.
 */
export async function applyMigrations(db: SqlDatabase, migrations: readonly Migration[], options: { create: boolean; location: string }): Promise<void> {
  const exists = await db.read(() => hasRegistrySchema(db.dialect));
  if (!exists && !options.create) throw new NoRegistryError(options.location);
  const applied = exists ? await db.read(appliedVersions) : new Set<number>();
  checkKnown(applied, migrations);
  if (migrations.every((migration) => applied.has(migration.version))) return;
  await db.transaction(() => migrate(migrations, new Date().toISOString()), { exclusive: true });
}
