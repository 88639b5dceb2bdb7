// The KeyRegistry over either SQL backend: the scripts of key-scripts.ts and
// replacement-scripts.ts, and the in-memory hash index kept current with the database.
import { secretHash } from '../detect/secret-hash.js';
import { RegistryError } from '../errors.js';
import type { Actor, AuditEntry, ImportedKey, ImportSummary, IssuedKey, IssueKeySpec, KeyEnvironment, KeyRecord, KeyRegistry, KeyShape,
  KeyStatus, OwnerKey, Replacement, ResponseLog } from '../types.js';
import { checkPrefix, generateKey, issuedKeyShape, newKeyId } from './key-format.js';
import * as keys from './key-scripts.js';
import * as replacements from './replacement-scripts.js';
import { HashIndex } from './hash-index.js';
import type { SqlDatabase, SqlScript } from './sql-script.js';

/** Rows read per query while loading the index: bounds the memory of one result. */
const INDEX_BATCH = 100_000;

const now = () => new Date().toISOString();

export class SqlKeyRegistry implements KeyRegistry {
  #index?: HashIndex;
  /** The highest `seq` the index holds; keys commit in `seq` order (exclusive inserts). */
  #indexedSeq = 0;
  /** This process added keys since the index was read. */
  #stale = true;
  #refreshing?: Promise<void>;

  constructor(
    readonly db: SqlDatabase,
    readonly responses: ResponseLog,
    readonly location: string,
  ) {}

  async lookup(hashes: Iterable<string>): Promise<Map<string, KeyRecord>> {
    const index = await this.hashIndex();
    const hits = [...new Set([...hashes].map((hash) => hash.toLowerCase()))].filter((hash) => index.has(hash));
    if (hits.length === 0) return new Map();
    const records = await this.db.read(() => keys.keysByHashes(hits));
    return new Map(records.map((record) => [record.hash, record]));
  }

  /** The in-memory index of every registered hash, first brought up to date. */
  async hashIndex(): Promise<HashIndex> {
    if (await this.db.changedElsewhere()) this.#stale = true;
    if (this.#stale || !this.#index) {
      this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = undefined));
      await this.#refreshing;
    }
    return this.#index!;
  }

  async #refresh(): Promise<void> {
    this.#stale = false; // a write while this reads marks it stale again
    try {
      this.#index ??= new HashIndex(await this.db.read(keys.keyCount));
      for (;;) {
        const rows = await this.db.read(() => keys.hashesAfter(this.#indexedSeq, INDEX_BATCH));
        for (const row of rows) this.#index.add(row.hash);
        if (rows.length > 0) this.#indexedSeq = rows[rows.length - 1]!.seq;
        if (rows.length < INDEX_BATCH) return;
      }
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }

  shapes(): Promise<KeyShape[]> {
    return this.db.read(keys.registeredShapes);
  }

  async issue(spec: IssueKeySpec, actor: Actor): Promise<IssuedKey> {
    const owner = spec.owner.trim();
    const label = spec.label.trim();
    if (!owner || !label) throw new RegistryError('a key needs an owner and a label');
    const environment = spec.environment ?? 'live';
    const prefix = (await this.prefixes())[environment];
    if (!prefix) {
      throw new RegistryError(`no key prefix for environment "${environment}": add one with \`leakstop registry init --prefix ${environment}=lk_${environment}_\``);
    }
    const key = generateKey(prefix);
    const plaintext = key.reveal();
    const record = {
      id: newKeyId(),
      hash: secretHash(plaintext),
      prefix,
      shape: issuedKeyShape(prefix),
      lastFour: plaintext.slice(-4),
      owner,
      label,
      environment,
      restrictions: spec.restrictions ?? {},
      ...(spec.deliveryTarget ? { deliveryTarget: spec.deliveryTarget } : {}),
      status: 'active' as const,
      createdAt: now(),
    };
    await this.#insert(() => keys.insertKeys([record], () => ({ keyId: record.id, action: 'issue', actor, reason: `issued to ${owner} (${label})` }), record.createdAt));
    return { record: (await this.get(record.id))!, key };
  }

  async importHashes(imported: readonly ImportedKey[], actor: Actor): Promise<ImportSummary> {
    const at = now();
    const records = imported.map((key) => ({
      id: key.id ?? newKeyId(),
      hash: key.hash.toLowerCase(),
      prefix: key.shape.prefix,
      shape: key.shape,
      lastFour: key.lastFour ?? '',
      owner: key.owner,
      label: key.label,
      environment: key.environment ?? 'live',
      restrictions: key.restrictions ?? {},
      status: key.status ?? 'active',
      createdAt: key.createdAt ?? at,
      ...(key.status === 'revoked' ? { revokedAt: at, revocationReason: 'revoked before it was imported' } : {}),
    }));
    const stored = await this.#insert(() => keys.insertKeys(records, (record) => ({ keyId: record.id, action: 'import', actor, reason: 'registered by hash' }), at));
    return { imported: stored, alreadyRegistered: imported.length - stored };
  }

  get(id: string): Promise<KeyRecord | undefined> {
    return this.db.read(() => keys.keyById(id));
  }

  list(filter: { owner?: string; status?: KeyStatus } = {}): Promise<KeyRecord[]> {
    return this.db.read(() => keys.listKeys(filter));
  }

  async revoke(id: string, reason: string, actor: Actor): Promise<KeyRecord> {
    if (!reason.trim()) throw new RegistryError('a revocation needs a reason, for the audit log');
    return this.db.transaction(() => keys.revokeKey(id, reason.trim(), actor, now()));
  }

  reserveReplacement(id: string, actor: Actor): Promise<Replacement> {
    return this.db.transaction(() => replacements.reserveReplacement(id, actor, now()), { exclusive: true });
  }

  replacement(id: string): Promise<Replacement | undefined> {
    return this.db.read(() => replacements.replacementById(id));
  }

  async completeReplacement(id: string, minted: { hash: string; lastFour: string }, sealedBox: string | undefined, actor: Actor): Promise<boolean> {
    return this.#insert(() => replacements.completeReplacement(id, minted, sealedBox, actor, now()));
  }

  consumeSealedReplacement(id: string, actor: Actor): Promise<boolean> {
    return this.db.transaction(() => replacements.consumeSealedReplacement(id, actor, now()));
  }

  ownerKey(owner: string): Promise<OwnerKey | undefined> {
    return this.db.read(() => replacements.ownerKey(owner));
  }

  addOwnerKey(owner: string, publicKey: string, actor: Actor): Promise<void> {
    return this.db.transaction(() => replacements.addOwnerKey(owner, publicKey, actor, now()));
  }

  prefixes(): Promise<Record<KeyEnvironment, string>> {
    return this.db.read(keys.keyPrefixes);
  }

  async setPrefixes(prefixes: Record<KeyEnvironment, string>, actor: Actor): Promise<void> {
    for (const [environment, prefix] of Object.entries(prefixes)) checkPrefix(environment, prefix);
    return this.db.transaction(() => keys.saveKeyPrefixes(prefixes, actor, now()));
  }

  audit(keyId?: string): Promise<AuditEntry[]> {
    return this.db.read(() => keys.auditLog(keyId));
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Key inserts run exclusively, and leave the index to be refreshed. */
  async #insert<T>(script: () => SqlScript<T>): Promise<T> {
    try {
      return await this.db.transaction(script, { exclusive: true });
    } finally {
      this.#stale = true;
    }
  }
}
