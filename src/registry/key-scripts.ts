// The registry's reads and writes of keys, shapes, settings and the audit log, written once as
// SQL scripts that both backends run (see sql-script.ts).
import { RegistryError } from '../errors.js';
import type { Actor, AuditEntry, KeyEnvironment, KeyRecord, KeyShape, KeyStatus } from '../types.js';
import { DEFAULT_PREFIXES } from './key-format.js';
import { AUDIT_COLUMNS, auditFromRow, auditValues, KEY_COLUMNS, keyFromRow, keyValues, type NewAuditEntry, type NewKey } from './key-rows.js';
import { execute, insertRows, select, type SqlScript } from './sql-script.js';

/** Rows per `IN (…)` list: well under both backends' parameter limits. */
const IN_CHUNK = 500;

function placeholders(count: number): string {
  return new Array(count).fill('?').join(', ');
}

function chunks<T>(items: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const unknownKey = (id: string) => new RegistryError(`no key ${id} in the registry: \`leakstop registry list\` shows the keys`);

export function* keyById(id: string): SqlScript<KeyRecord | undefined> {
  const [row] = yield* select('SELECT * FROM keys WHERE id = ?', [id]);
  return row && keyFromRow(row);
}

export function* keysByHashes(hashes: readonly string[]): SqlScript<KeyRecord[]> {
  const records: KeyRecord[] = [];
  for (const chunk of chunks(hashes)) {
    const rows = yield* select(`SELECT * FROM keys WHERE hash IN (${placeholders(chunk.length)})`, chunk.map((hash) => Buffer.from(hash, 'hex')));
    for (const row of rows) records.push(keyFromRow(row));
  }
  return records;
}

export function* keyCount(): SqlScript<number> {
  const [row] = yield* select<{ count: number | string }>('SELECT count(*) AS count FROM keys');
  return Number(row?.count ?? 0);
}

/** Hashes in `seq` order, for the in-memory index: the next `limit` after `seq`. */
export function* hashesAfter(seq: number, limit: number): SqlScript<{ seq: number; hash: Buffer }[]> {
  const rows = yield* select<{ seq: number | string; hash: Buffer }>('SELECT seq, hash FROM keys WHERE seq > ? ORDER BY seq LIMIT ?', [seq, limit]);
  return rows.map((row) => ({ seq: Number(row.seq), hash: row.hash }));
}

export function* listKeys(filter: { owner?: string; status?: KeyStatus }): SqlScript<KeyRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.owner !== undefined) (where.push('owner = ?'), params.push(filter.owner));
  if (filter.status !== undefined) (where.push('status = ?'), params.push(filter.status));
  const rows = yield* select(`SELECT * FROM keys ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`, params);
  return rows.map(keyFromRow);
}

export function* registeredShapes(): SqlScript<KeyShape[]> {
  const rows = yield* select<{ prefix: string; body_length: number; alphabet: KeyShape['alphabet']; checksum: string }>(
    'SELECT prefix, body_length, alphabet, checksum FROM key_shapes ORDER BY prefix, body_length, alphabet, checksum',
  );
  return rows.map((row) => {
    const shape: KeyShape = { prefix: row.prefix, bodyLength: Number(row.body_length), alphabet: row.alphabet };
    if (row.checksum) shape.checksum = row.checksum as KeyShape['checksum'];
    return shape;
  });
}

export function* addAudit(entries: readonly NewAuditEntry[], at: string): SqlScript<void> {
  yield* insertRows('audit_log', AUDIT_COLUMNS, entries.map((entry) => auditValues(entry, at)));
}

export function* auditLog(keyId?: string): SqlScript<AuditEntry[]> {
  const rows = keyId === undefined
    ? yield* select('SELECT * FROM audit_log ORDER BY id')
    : yield* select('SELECT * FROM audit_log WHERE key_id = ? ORDER BY id', [keyId]);
  return rows.map(auditFromRow);
}

/**
 * Stores new keys with their shapes and one audit entry each; a hash the registry holds already
 * is left as it is. Runs in an exclusive transaction, so sequence numbers commit in order and
 * the in-memory index can follow them. Returns how many were stored.
 */
export function* insertKeys(keys: readonly NewKey[], audit: (key: NewKey) => NewAuditEntry, at: string): SqlScript<number> {
  const registered = new Set<string>();
  for (const chunk of chunks(keys)) {
    const rows = yield* select<{ hash: Buffer }>(`SELECT hash FROM keys WHERE hash IN (${placeholders(chunk.length)})`,
      chunk.map((key) => Buffer.from(key.hash, 'hex')));
    for (const row of rows) registered.add(row.hash.toString('hex'));
  }
  const fresh: NewKey[] = [];
  for (const key of keys) {
    if (registered.has(key.hash)) continue;
    registered.add(key.hash); // a hash listed twice in one import is stored once
    fresh.push(key);
  }
  // In hash order, a bulk insert walks the hash index once instead of at random.
  if (fresh.length > 1) fresh.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  for (const chunk of chunks(fresh)) {
    const [taken] = yield* select<{ id: string }>(`SELECT id FROM keys WHERE id IN (${placeholders(chunk.length)})`, chunk.map((key) => key.id));
    if (taken) throw new RegistryError(`key id ${taken.id} is already registered with another hash: give the key another id`);
  }
  yield* insertRows('keys', KEY_COLUMNS, fresh.map(keyValues));
  const shapes = new Map(fresh.map(({ shape }) => [`${shape.prefix}\0${shape.bodyLength}\0${shape.alphabet}\0${shape.checksum ?? ''}`, shape]));
  for (const shape of shapes.values()) {
    yield* execute('INSERT INTO key_shapes (prefix, body_length, alphabet, checksum) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [shape.prefix, shape.bodyLength, shape.alphabet, shape.checksum ?? '']);
  }
  yield* addAudit(fresh.map(audit), at);
  return fresh.length;
}

/** Revokes the key if it is active; the first revocation stands. Returns the key as stored. */
export function* revokeKey(id: string, reason: string, actor: Actor, at: string): SqlScript<KeyRecord> {
  const changed = yield* execute(`UPDATE keys SET status = 'revoked', revoked_at = ?, revocation_reason = ? WHERE id = ? AND status = 'active'`,
    [at, reason, id]);
  if (changed > 0) yield* addAudit([{ keyId: id, action: 'revoke', actor, reason }], at);
  const key = yield* keyById(id);
  if (!key) throw unknownKey(id);
  return key;
}

const PREFIXES_SETTING = 'key_prefixes';

export function* keyPrefixes(): SqlScript<Record<KeyEnvironment, string>> {
  const [row] = yield* select<{ value: string }>('SELECT value FROM settings WHERE name = ?', [PREFIXES_SETTING]);
  return { ...DEFAULT_PREFIXES, ...(row ? (JSON.parse(row.value) as Record<string, string>) : {}) };
}

export function* saveKeyPrefixes(prefixes: Record<KeyEnvironment, string>, actor: Actor, at: string): SqlScript<void> {
  const merged = { ...(yield* keyPrefixes()), ...prefixes };
  yield* execute('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    [PREFIXES_SETTING, JSON.stringify(merged)]);
  const change = Object.entries(prefixes).map(([environment, prefix]) => `${environment}=${prefix}`).join(', ');
  yield* addAudit([{ action: 'set-prefixes', actor, reason: change }], at);
}
