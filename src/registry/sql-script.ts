// Registry operations are written once, as generator "scripts" that yield SQL commands, and run
// by either backend: synchronously inside one better-sqlite3 transaction (nothing else can run
// in the middle of it), or awaited statement by statement on a PostgreSQL connection.
//
// SQL is written with `?` placeholders; the PostgreSQL backend numbers them.

export type Row = Record<string, unknown>;

export type SqlCommand =
  | { kind: 'select' | 'execute'; sql: string; params: readonly unknown[] }
  /** Several statements, no parameters (migrations). */
  | { kind: 'batch'; sql: string }
  | { kind: 'insert'; table: string; columns: readonly string[]; rows: readonly (readonly unknown[])[] };

export type SqlScript<T> = Generator<SqlCommand, T, unknown>;

export function* select<R = Row>(sql: string, params: readonly unknown[] = []): SqlScript<R[]> {
  return (yield { kind: 'select', sql, params }) as R[];
}

/** Runs a statement; returns the number of rows it changed. */
export function* execute(sql: string, params: readonly unknown[] = []): SqlScript<number> {
  return (yield { kind: 'execute', sql, params }) as number;
}

export function* batch(sql: string): SqlScript<void> {
  yield { kind: 'batch', sql };
}

/** Inserts many rows at once (each backend batches them its fastest way). */
export function* insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): SqlScript<void> {
  if (rows.length > 0) yield { kind: 'insert', table, columns, rows };
}

export type Dialect = 'sqlite' | 'postgres';

export interface SqlDatabase {
  readonly dialect: Dialect;
  /**
   * Runs a script in one transaction. `exclusive` scripts also wait for each other across
   * processes: key inserts take it, so keys commit in the order of their sequence numbers.
   */
  transaction<T>(script: () => SqlScript<T>, options?: { exclusive?: boolean }): Promise<T>;
  /** Runs a read-only script, statement by statement. */
  read<T>(script: () => SqlScript<T>): Promise<T>;
  /** Whether another connection may have committed changes since the last call (true on the first). */
  changedElsewhere(): Promise<boolean>;
  close(): Promise<void>;
}

/** Drives a script whose commands complete synchronously. */
export function runScriptSync<T>(script: SqlScript<T>, perform: (command: SqlCommand) => unknown): T {
  let step = script.next();
  while (!step.done) {
    let result: unknown;
    try {
      result = perform(step.value);
    } catch (error) {
      step = script.throw(error);
      continue;
    }
    step = script.next(result);
  }
  return step.value;
}

/** Drives a script whose commands complete asynchronously. */
export async function runScriptAsync<T>(script: SqlScript<T>, perform: (command: SqlCommand) => Promise<unknown>): Promise<T> {
  let step = script.next();
  while (!step.done) {
    let result: unknown;
    try {
      result = await perform(step.value);
    } catch (error) {
      step = script.throw(error);
      continue;
    }
    step = script.next(result);
  }
  return step.value;
}
