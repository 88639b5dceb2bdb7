// Opens the key registry a spec names (see registry-location.ts), with its schema migrated.
import type { ResponseLog } from '../types.js';
import { applyMigrations, type Migration } from './apply-migrations.js';
import { PostgresDatabase } from './postgres.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { PostgresResponseLog } from './postgres-response-log.js';
import { resolveRegistryTarget } from './registry-location.js';
import { SqlKeyRegistry } from './sql-key-registry.js';
import type { SqlDatabase } from './sql-script.js';
import { SqliteDatabase } from './sqlite.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { SqliteResponseLog } from './sqlite-response-log.js';

interface Backend {
  db: SqlDatabase;
  migrations: readonly Migration[];
  responses: ResponseLog;
  location: string;
}

async function openBackend(spec: string | undefined, options: { create: boolean }): Promise<Backend> {
  const target = resolveRegistryTarget(spec);
  if (target.kind === 'sqlite') {
    const db = SqliteDatabase.open(target.file, options);
    return { db, migrations: SQLITE_MIGRATIONS, responses: new SqliteResponseLog(db.connection), location: target.file };
  }
  const db = await PostgresDatabase.open(target, options);
  return { db, migrations: POSTGRES_MIGRATIONS, responses: new PostgresResponseLog(db.pool), location: target.location };
}

/**
 * `spec`: a SQLite file path or a postgres:// URL; default LEAKSTOP_REGISTRY, else the user's
 * data directory. A bad spec or an unreachable server is a one-line RegistryError. Only
 * `create` (what `registry init` does) makes a registry where there is none: a registry made by
 * accident (a typo in a path) would silently hold no keys and match nothing.
 */
export async function openRegistry(spec?: string, options: { create?: boolean } = {}): Promise<SqlKeyRegistry> {
  const create = options.create ?? false;
  const { db, migrations, responses, location } = await openBackend(spec, { create });
  try {
    await applyMigrations(db, migrations, { create, location });
  } catch (error) {
    await db.close();
    throw error;
  }
  return new SqlKeyRegistry(db, responses, location);
}
