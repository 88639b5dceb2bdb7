// The embedded backend: one SQLite file in WAL mode, so readers never wait for the writer and
// several processes can share it. Scripts run synchronously inside one IMMEDIATE transaction:
// nothing else in this process runs in its middle, and other processes wait (busy timeout).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LeakstopError, NoRegistryError, RegistryError } from '../errors.js';
import { hasRegistrySchema } from './apply-migrations.js';
import { runScriptSync, type SqlCommand, type SqlDatabase, type SqlScript } from './sql-script.js';

const BUSY_TIMEOUT_MS = 15_000;

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  readonly #statements = new Map<string, Database.Statement>();
  #dataVersion?: number;

  private constructor(
    /** The better-sqlite3 connection, shared with the response log. */
    readonly connection: Database.Database,
    readonly file: string,
  ) {}

  /**
   * Opens the registry file; `create` (`registry init`) creates it and its directory when
   * missing. Otherwise a missing file, or one without Leakstop's schema, is a NoRegistryError,
   * and the file is left exactly as it was.
   */
  static open(file: string, options: { create: boolean }): SqliteDatabase {
    if (!options.create && !fs.existsSync(file)) throw new NoRegistryError(file);
    let connection: Database.Database | undefined;
    try {
      if (options.create) fs.mkdirSync(path.dirname(file), { recursive: true });
      connection = new Database(file, { fileMustExist: !options.create });
      connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const db = new SqliteDatabase(connection, file);
      if (!options.create && !runScriptSync(hasRegistrySchema('sqlite'), (command) => db.#perform(command))) throw new NoRegistryError(file);
      connection.pragma('journal_mode = WAL');
      // Up to 32 MB of page cache: a bulk import inserts all over the hash index.
      connection.pragma('cache_size = -32768');
      return db;
    } catch (error) {
      connection?.close();
      throw sqliteError(error, file);
    }
  }

  transaction<T>(script: () => SqlScript<T>): Promise<T> {
    // IMMEDIATE takes the write lock at BEGIN, so every transaction is exclusive already.
    return this.#settle(() => this.connection.transaction(() => runScriptSync(script(), (command) => this.#perform(command))).immediate());
  }

  read<T>(script: () => SqlScript<T>): Promise<T> {
    return this.#settle(() => runScriptSync(script(), (command) => this.#perform(command)));
  }

  /** `data_version` changes when another connection commits: a cheap read of shared memory. */
  async changedElsewhere(): Promise<boolean> {
    const version = Number(this.connection.pragma('data_version', { simple: true }));
    const changed = version !== this.#dataVersion;
    this.#dataVersion = version;
    return changed;
  }

  async close(): Promise<void> {
    if (this.connection.open) this.connection.close();
  }

  #settle<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(sqliteError(error, this.file));
    }
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.connection.prepare(sql)));
    return statement;
  }

  #perform(command: SqlCommand): unknown {
    switch (command.kind) {
      case 'select':
        return this.#statement(command.sql).all(...command.params);
      case 'execute':
        return this.#statement(command.sql).run(...command.params).changes;
      case 'batch':
        return this.connection.exec(command.sql);
      case 'insert': {
        const statement = this.#statement(`INSERT INTO ${command.table} (${command.columns.join(', ')}) VALUES (${command.columns.map(() => '?').join(', ')})`);
        for (const row of command.rows) statement.run(...row);
        return undefined;
      }
    }
  }
}

/** SQLite's failures as one line that says what to do; our own errors pass through. */
function sqliteError(error: unknown, file: string): unknown {
  if (error instanceof LeakstopError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return new RegistryError(`${file} is not a SQLite key registry: point --registry or LEAKSTOP_REGISTRY at a registry file`);
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
    case 'ENOTDIR':
      return new RegistryError(`cannot open the key registry ${file}: check that its directory exists and is writable`);
    case 'SQLITE_BUSY':
      return new RegistryError(`the key registry ${file} stayed locked by another process for ${BUSY_TIMEOUT_MS / 1000} s: try again`);
    case 'SQLITE_READONLY':
      return new RegistryError(`the key registry ${file} is read-only: check its permissions`);
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new RegistryError(`key registry ${file}: ${message}`, { cause: error });
  return error;
}
