// Keys and audit entries as rows and back, for both backends. Hashes are stored as their 32
// raw bytes (BLOB / BYTEA): half the size of hex, and what the in-memory index holds.
import type { Actor, AuditEntry, DeliveryTarget, KeyRecord, KeyRestrictions, KeyShape, KeyStatus } from '../types.js';
import { iso, json, optionalIso, optionalText } from './row-values.js';
import type { Row } from './sql-script.js';

/** A key about to be stored: a record whose hash is still hex. */
export type NewKey = Omit<KeyRecord, 'shape' | 'replacedBy'> & { shape: KeyShape };

export const KEY_COLUMNS = ['id', 'hash', 'prefix', 'body_length', 'alphabet', 'checksum', 'last_four', 'owner', 'label', 'environment',
  'restrictions', 'delivery_target', 'status', 'created_at', 'revoked_at', 'revocation_reason', 'replaces'] as const;

export function keyValues(key: NewKey): unknown[] {
  return [key.id, Buffer.from(key.hash, 'hex'), key.prefix, key.shape.bodyLength, key.shape.alphabet, key.shape.checksum ?? null,
    key.lastFour, key.owner, key.label, key.environment, JSON.stringify(key.restrictions),
    key.deliveryTarget ? JSON.stringify(key.deliveryTarget) : null, key.status, key.createdAt, key.revokedAt ?? null,
    key.revocationReason ?? null, key.replaces ?? null];
}

export function keyFromRow(row: Row): KeyRecord {
  const shape: KeyShape = { prefix: String(row.prefix), bodyLength: Number(row.body_length), alphabet: row.alphabet as KeyShape['alphabet'] };
  if (row.checksum) shape.checksum = row.checksum as KeyShape['checksum'];
  const record: KeyRecord = {
    id: String(row.id),
    hash: (row.hash as Buffer).toString('hex'),
    prefix: shape.prefix,
    lastFour: String(row.last_four),
    owner: String(row.owner),
    label: String(row.label),
    environment: String(row.environment),
    restrictions: (json(row.restrictions) ?? {}) as KeyRestrictions,
    shape,
    status: row.status as KeyStatus,
    createdAt: iso(row.created_at),
  };
  const deliveryTarget = json(row.delivery_target);
  if (deliveryTarget) record.deliveryTarget = deliveryTarget as unknown as DeliveryTarget;
  const optional = {
    revokedAt: optionalIso(row.revoked_at),
    revocationReason: optionalText(row.revocation_reason),
    replacedBy: optionalText(row.replaced_by),
    replaces: optionalText(row.replaces),
  };
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) Object.assign(record, { [name]: value });
  return record;
}

export const AUDIT_COLUMNS = ['at', 'key_id', 'action', 'actor_kind', 'actor_name', 'reason'] as const;

export interface NewAuditEntry {
  keyId?: string;
  action: string;
  actor: Actor;
  reason?: string;
}

export function auditValues(entry: NewAuditEntry, at: string): unknown[] {
  return [at, entry.keyId ?? null, entry.action, entry.actor.kind, entry.actor.name, entry.reason ?? null];
}

export function auditFromRow(row: Row): AuditEntry {
  const entry: AuditEntry = {
    id: Number(row.id),
    at: iso(row.at),
    action: String(row.action),
    actor: { kind: row.actor_kind === 'app' ? 'app' : 'cli', name: String(row.actor_name) },
  };
  const keyId = optionalText(row.key_id);
  if (keyId) entry.keyId = keyId;
  const reason = optionalText(row.reason);
  if (reason) entry.reason = reason;
  return entry;
}
