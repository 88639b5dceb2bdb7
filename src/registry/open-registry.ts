// Opens the key registry a spec names (see registry-location.ts), with its schema migrated.
import { applyMigrations } from './apply-migrations.js';
import { PostgresDatabase } from './postgres.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { PostgresResponseLog } from './postgres-response-log.js';
import { resolveRegistryTarget } from './registry-location.js';
import { SqlKeyRegistry } from './sql-key-registry.js';
import { SqliteDatabase } from './sqlite.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { SqliteResponseLog } from './sqlite-response-log.js';

/**
 * `spec`: a SQLite file path or a postgres:// URL; default LEAKSTOP_REGISTRY, else the user's
 * data directory. A bad spec or an unreachable server is a one-line RegistryError.
 */
export async function openRegistry(spec?: string): Promise<SqlKeyRegistry> {
  const target = resolveRegistryTarget(spec);
  if (target.kind === 'sqlite') {
    const db = SqliteDatabase.open(target.file);
    try {
      await applyMigrations(db, SQLITE_MIGRATIONS);
      return new SqlKeyRegistry(db, new SqliteResponseLog(db.connection), target.file);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  const db = await PostgresDatabase.open(target);
  try {
    await applyMigrations(db, POSTGRES_MIGRATIONS);
    return new SqlKeyRegistry(db, new PostgresResponseLog(db.pool), target.location);
  } catch (error) {
    await db.close();
    throw error;
  }
}
