// The PostgreSQL queue's locks: advisory locks, every one a process holds on one session of its
// own. Held on a pool connection each, a worker's locks grew with its concurrency (a history scan
// holds its repository's and a backfill slot's, a token fetch one more) until they took every
// connection its lease renewals need; on one session they take one connection however many jobs
// run. The server frees a session's locks when it ends, so a process that dies holds none.
// Advisory locks are re-entrant within a session: a key held here is refused to a second holder in
// this process, as the server refuses it to every other process.
import pg from 'pg';
import type { QueueLock } from './job-queue.js';

/** A session that does not answer (a dead connection) is given up, with its locks, rather than waited on. */
const QUERY_TIMEOUT_MS = 10_000;

interface Session {
  client: pg.Client;
  connected: Promise<unknown>;
  /** The statement last sent: the next waits for it (pg no longer wants a client given two at once). */
  last: Promise<unknown>;
  /** Keys this process holds on the session. */
  held: Set<string>;
  ended: boolean;
}

export class AdvisoryLocks {
  #session: Session | undefined;

  constructor(
    private readonly connectionString: string,
    /** Keeps the keys of one queue schema apart from another's on the same server. */
    private readonly namespace: string,
  ) {}

  async tryLock(key: string): Promise<QueueLock | undefined> {
    const session = this.#current();
    await session.connected;
    if (session.held.has(key)) return undefined;
    // Marked before the round trip: a second holder in this process asking meanwhile is refused.
    session.held.add(key);
    let locked = false;
    try {
      const { rows } = await this.#query<{ locked: boolean }>(session, 'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked', [this.namespace, key]);
      locked = rows[0]?.locked === true;
    } catch (error) {
      void this.#end(session);
      throw error;
    } finally {
      if (!locked) session.held.delete(key);
    }
    if (!locked) return undefined;
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await this.#release(session, key);
      },
    };
  }

  async close(): Promise<void> {
    if (this.#session) await this.#end(this.#session);
  }

  async #release(session: Session, key: string): Promise<void> {
    // Ended since: the server freed the lock with the session, and the key may be another holder's on a new one.
    if (session.ended) return;
    try {
      await this.#query(session, 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [this.namespace, key]);
      session.held.delete(key);
    } catch {
      // A session in doubt is ended, which frees its locks.
      void this.#end(session);
    }
  }

  #current(): Session {
    if (this.#session && !this.#session.ended) return this.#session;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, query_timeout: QUERY_TIMEOUT_MS });
    const connected = client.connect();
    const session: Session = { client, connected, last: connected.catch(() => undefined), held: new Set(), ended: false };
    // Lost (a server restart, a dropped connection) or never made: its locks are gone, the next lock opens another session.
    session.connected.catch(() => void this.#end(session));
    client.on('error', () => void this.#end(session));
    client.on('end', () => void this.#end(session));
    this.#session = session;
    return session;
  }

  #query<R extends pg.QueryResultRow>(session: Session, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    const sent = session.last.then(() => session.client.query<R>(text, values));
    session.last = sent.catch(() => undefined);
    return sent;
  }

  #end(session: Session): Promise<void> {
    if (session.ended) return Promise.resolve();
    session.ended = true;
    return session.client.end().catch(() => undefined);
  }
}
