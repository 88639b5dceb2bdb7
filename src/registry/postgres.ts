// The server backend: a connection pool for scripts and, once the hash index is in use, one
// more connection that LISTENs for new keys, so open registries learn of them without polling.
import pg from 'pg';
import { errnoText } from '../errno-text.js';
import { LeakstopError, NoRegistryError, RegistryError } from '../errors.js';
import { KEYS_CHANNEL } from './postgres-migrations.js';
import { runScriptAsync, type SqlCommand, type SqlDatabase, type SqlScript } from './sql-script.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** Rows per bulk INSERT: each column goes as one array parameter. */
const INSERT_CHUNK = 20_000;
/** Advisory lock class for exclusive transactions ("LK"); the second key is the schema. */
const LOCK_CLASS = 0x4c4b;

export interface PostgresTarget {
  connectionString: string;
  /** Created by `registry init` when missing (`?schema=NAME`). */
  createSchema?: string;
  /** The URL without credentials, for messages. */
  location: string;
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  readonly #numbered = new Map<string, string>();
  /** Column types by table, for the array casts of bulk inserts. */
  readonly #columnTypes = new Map<string, Map<string, string>>();
  #listener?: pg.Client;
  #closed = false;
  /** Start true: nothing was seen yet. */
  #notified = true;

  private constructor(
    /** The pool, shared with the response log. */
    readonly pool: pg.Pool,
    /** The schema the registry's tables live in. */
    readonly schema: string,
    readonly location: string,
    readonly connectionString: string,
  ) {}

  /** `create` (`registry init`) creates the `?schema=` schema when missing; otherwise a missing schema is a NoRegistryError. */
  static async open(target: PostgresTarget, options: { create: boolean }): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: target.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection the server dropped: the next query fails with its own clear error.
    pool.on('error', () => undefined);
    try {
      if (target.createSchema && options.create) await createSchema(pool, target.createSchema);
      const { rows } = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
      const schema = rows[0]?.schema;
      if (!schema && !options.create) throw new NoRegistryError(target.location);
      if (!schema) throw new RegistryError(`no schema of the search_path exists in ${target.location}: create it, or add ?schema=NAME to have leakstop create it`);
      return new PostgresDatabase(pool, schema, target.location, target.connectionString);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw postgresError(error, target.location);
    }
  }

  async transaction<T>(script: () => SqlScript<T>, options: { exclusive?: boolean } = {}): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => Promise.reject(postgresError(error, this.location)));
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      if (options.exclusive) await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, this.schema]);
      const result = await runScriptAsync(script(), (command) => this.#perform(client, command));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw postgresError(error, this.location);
    } finally {
      client.release(broken);
    }
  }

  async read<T>(script: () => SqlScript<T>): Promise<T> {
    try {
      return await runScriptAsync(script(), (command) => this.#perform(this.pool, command));
    } catch (error) {
      throw postgresError(error, this.location);
    }
  }

  /** Whether a NOTIFY for this schema arrived since the last call; the first call starts listening. */
  async changedElsewhere(): Promise<boolean> {
    if (!this.#listener) await this.#listen();
    const changed = this.#notified;
    this.#notified = false;
    return changed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  async #listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A lost listener may have missed notifications: refresh, and listen again next time.
    const lost = () => {
      if (this.#listener === listener) this.#listener = undefined;
      this.#notified = true;
    };
    listener.on('error', lost);
    listener.on('end', lost);
    listener.on('notification', (message) => {
      if (message.payload === this.schema) this.#notified = true;
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${KEYS_CHANNEL}`);
    } catch (error) {
      await listener.end().catch(() => undefined);
      throw postgresError(error, this.location);
    }
    this.#listener = listener;
    this.#notified = true;
  }

  #sql(sql: string): string {
    let converted = this.#numbered.get(sql);
    if (!converted) this.#numbered.set(sql, (converted = numbered(sql)));
    return converted;
  }

  async #perform(client: pg.Pool | pg.PoolClient, command: SqlCommand): Promise<unknown> {
    switch (command.kind) {
      case 'select':
        return (await client.query(this.#sql(command.sql), command.params as unknown[])).rows;
      case 'execute':
        return (await client.query(this.#sql(command.sql), command.params as unknown[])).rowCount ?? 0;
      case 'batch':
        return client.query(command.sql);
      case 'insert': {
        // One array per column, unnested server-side: far cheaper to send and parse than
        // thousands of VALUES tuples.
        const types = await this.#typesOf(client, command.table);
        const casts = command.columns.map((column, i) => `$${i + 1}::${types.get(column)}[]`);
        const sql = `INSERT INTO ${command.table} (${command.columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
        for (let start = 0; start < command.rows.length; start += INSERT_CHUNK) {
          const rows = command.rows.slice(start, start + INSERT_CHUNK);
          await client.query(sql, command.columns.map((_, column) => rows.map((row) => row[column])));
        }
        return undefined;
      }
    }
  }

  async #typesOf(client: pg.Pool | pg.PoolClient, table: string): Promise<Map<string, string>> {
    let types = this.#columnTypes.get(table);
    if (!types) {
      const { rows } = await client.query<{ column_name: string; udt_name: string }>(
        'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [this.schema, table]);
      this.#columnTypes.set(table, (types = new Map(rows.map((row) => [row.column_name, row.udt_name]))));
    }
    return types;
  }
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes creating it at once: one loses the race, and the schema is there.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06') throw error;
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** PostgreSQL's and the network's failures as one line; our own errors pass through. */
export function postgresError(error: unknown, location: string): unknown {
  if (error instanceof LeakstopError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new RegistryError(`cannot reach the PostgreSQL key registry at ${location} (${errnoText(error)}): check the server is up and the URL in --registry or LEAKSTOP_REGISTRY`);
  }
  if (/timeout/i.test(message) && !code) {
    return new RegistryError(`cannot reach the PostgreSQL key registry at ${location} (timed out): check the server is up and the URL`);
  }
  if (code === '28P01' || code === '28000') return new RegistryError(`PostgreSQL refused the login for ${location}: check the user and password`);
  if (code === '3D000') return new RegistryError(`${message} (${location}): create the database or fix the URL`);
  if (typeof code === 'string') return new RegistryError(`PostgreSQL key registry ${location}: ${message}`, { cause: error });
  return error;
}
