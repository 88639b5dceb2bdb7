// Replacements for leaked keys (issue 5's response): reserved at once and linked by
// `replacedBy`, minted later — sealed to the owner's public key, or at claim — and registered
// by hash only. Each transition is one conditional UPDATE, so only one racer wins it.
import { RegistryError } from '../errors.js';
import type { Actor, OwnerKey, Replacement } from '../types.js';
import { issuedKeyShape, newKeyId } from './key-format.js';
import { addAudit, insertKeys, keyById, unknownKey } from './key-scripts.js';
import { ownerKeyFromRow, replacementFromRow } from './response-rows.js';
import { execute, select, type SqlScript } from './sql-script.js';

export function* replacementById(id: string): SqlScript<Replacement | undefined> {
  const [row] = yield* select('SELECT * FROM replacements WHERE id = ?', [id]);
  return row && replacementFromRow(row);
}

/** Run exclusively: two responders reserving for the same key get one reservation. */
export function* reserveReplacement(keyId: string, actor: Actor, at: string): SqlScript<Replacement> {
  const [existing] = yield* select('SELECT * FROM replacements WHERE replaces = ?', [keyId]);
  if (existing) return replacementFromRow(existing);
  const key = yield* keyById(keyId);
  if (!key) throw unknownKey(keyId);
  const id = newKeyId();
  yield* execute(`INSERT INTO replacements (id, replaces, owner, state, reserved_at) VALUES (?, ?, ?, 'reserved', ?)`, [id, keyId, key.owner, at]);
  yield* execute('UPDATE keys SET replaced_by = ? WHERE id = ?', [id, keyId]);
  yield* addAudit([{ keyId, action: 'reserve-replacement', actor, reason: `replacement ${id}` }], at);
  return (yield* replacementById(id))!;
}

/** Run exclusively (it inserts a key). false: the replacement was no longer reserved. */
export function* completeReplacement(id: string, minted: { hash: string; lastFour: string }, sealedBox: string | undefined, actor: Actor,
  at: string): SqlScript<boolean> {
  const replacement = yield* replacementById(id);
  if (!replacement) throw new RegistryError(`no replacement ${id} in the registry`);
  const changed = sealedBox === undefined
    ? yield* execute(`UPDATE replacements SET state = 'claimed', claimed_at = ? WHERE id = ? AND state = 'reserved'`, [at, id])
    : yield* execute(`UPDATE replacements SET state = 'sealed', sealed_box = ?, sealed_at = ? WHERE id = ? AND state = 'reserved'`, [sealedBox, at, id]);
  if (changed === 0) return false;
  const original = yield* keyById(replacement.replaces);
  if (!original) throw unknownKey(replacement.replaces);
  yield* insertKeys([{
    id,
    hash: minted.hash,
    prefix: original.prefix,
    shape: issuedKeyShape(original.prefix),
    lastFour: minted.lastFour,
    owner: original.owner,
    label: original.label,
    environment: original.environment,
    restrictions: original.restrictions,
    ...(original.deliveryTarget ? { deliveryTarget: original.deliveryTarget } : {}),
    status: 'active',
    createdAt: at,
    replaces: original.id,
  }], (key) => ({ keyId: key.id, action: 'issue', actor, reason: `replacement for ${original.id}${sealedBox === undefined ? ', claimed' : ', sealed to the owner'}` }), at);
  return true;
}

export function* consumeSealedReplacement(id: string, actor: Actor, at: string): SqlScript<boolean> {
  const changed = yield* execute(`UPDATE replacements SET state = 'claimed', sealed_box = NULL, claimed_at = ? WHERE id = ? AND state = 'sealed'`, [at, id]);
  if (changed > 0) yield* addAudit([{ keyId: id, action: 'claim', actor }], at);
  return changed > 0;
}

export function* ownerKey(owner: string): SqlScript<OwnerKey | undefined> {
  const [row] = yield* select('SELECT * FROM owner_keys WHERE owner = ?', [owner]);
  return row && ownerKeyFromRow(row);
}

export function* addOwnerKey(owner: string, publicKey: string, actor: Actor, at: string): SqlScript<void> {
  yield* execute(`INSERT INTO owner_keys (owner, public_key, added_at) VALUES (?, ?, ?)
    ON CONFLICT (owner) DO UPDATE SET public_key = excluded.public_key, added_at = excluded.added_at`, [owner, publicKey, at]);
  yield* addAudit([{ action: 'owner-key', actor, reason: `public key of ${owner}` }], at);
}
