// The two registry backends as test fixtures: a SQLite file in a temp dir, and a PostgreSQL
// schema of its own on the machine's server (dropped afterwards). One suite runs on both.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { tempDir } from './git-repo.js';

export const POSTGRES_URL = process.env.LEAKSTOP_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestRegistry {
  /** What `--registry` / LEAKSTOP_REGISTRY take. */
  spec: string;
  /** Everything the backend has stored, as one latin1 string: the SQLite files, or a pg_dump of the schema. */
  storedBytes(): string;
  remove(): Promise<void>;
}

export interface RegistryBackend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestRegistry>;
}

const sqlite: RegistryBackend = {
  name: 'sqlite',
  async create() {
    const dir = tempDir('leakstop-registry-');
    const file = path.join(dir, 'registry.db');
    return {
      spec: file,
      storedBytes: () => fs.readdirSync(dir).filter((name) => name.startsWith('registry.db')).map((name) => fs.readFileSync(path.join(dir, name), 'latin1')).join('\n'),
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** Drops a test's schema from the machine's server. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Everything a schema stores, as pg_dump writes it: what tests search for plaintext. */
export function schemaDump(schema: string): string {
  const url = new URL(POSTGRES_URL);
  return execFileSync('pg_dump', ['--schema', schema, '--host', url.hostname, '--port', url.port || '5432', '--username', decodeURIComponent(url.username) || 'postgres',
    url.pathname.slice(1)], { encoding: 'latin1', maxBuffer: 1 << 28 });
}

const postgres: RegistryBackend = {
  name: 'postgres',
  async create() {
    const schema = `leakstop_test_${randomBytes(6).toString('hex')}`;
    return {
      spec: `${POSTGRES_URL}?schema=${schema}`,
      storedBytes: () => schemaDump(schema),
      remove: () => dropSchema(schema),
    };
  },
};

export const REGISTRY_BACKENDS: readonly RegistryBackend[] = [sqlite, postgres];
