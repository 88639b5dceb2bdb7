// The key registry's one suite, run on both backends: a SQLite file, and a PostgreSQL schema of
// its own. Both must behave the same for everything the rest of Leakstop relies on.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasValidChecksum } from '../../src/detect/checksum.js';
import { secretHash } from '../../src/detect/secret-hash.js';
import { applyMigrations } from '../../src/registry/apply-migrations.js';
import { generateKey } from '../../src/registry/key-format.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { PostgresDatabase } from '../../src/registry/postgres.js';
import { POSTGRES_MIGRATIONS } from '../../src/registry/postgres-migrations.js';
import { resolveRegistryTarget } from '../../src/registry/registry-location.js';
import type { SqlKeyRegistry } from '../../src/registry/sql-key-registry.js';
import { execute, select } from '../../src/registry/sql-script.js';
import { SqliteDatabase } from '../../src/registry/sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/registry/sqlite-migrations.js';
import type { Actor, ImportedKey } from '../../src/types.js';
import { REGISTRY_BACKENDS, type TestRegistry } from '../helpers/registry-backends.js';
import { PROJECT_ROOT } from '../helpers/run-cli.js';

const actor: Actor = { kind: 'cli', name: 'registry-test' };
const WRITER = path.join(PROJECT_ROOT, 'dist/test/helpers/registry-writer.js');

/** Polls until `check` holds: PostgreSQL notifications arrive a moment after the commit. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function legacyKey(hash: string, overrides: Partial<ImportedKey> = {}): ImportedKey {
  return { hash, shape: { prefix: 'acme_', bodyLength: 32, alphabet: 'hex' }, owner: 'acct_legacy', label: 'old billing key', ...overrides };
}

/** Runs the writer child processes together: each opens, says ready, and starts on "go". */
async function runWriters(spec: string, count: number, revokeIds: string[], writers: number): Promise<string[][]> {
  const children = Array.from({ length: writers }, () => {
    const child = spawn(process.execPath, [WRITER, spec, String(count), JSON.stringify(revokeIds)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<void>((resolve) => child.stdout.on('data', () => stdout.startsWith('ready\n') && resolve()));
    const done = new Promise<string[]>((resolve, reject) =>
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as string[]) : reject(new Error(`writer exited ${code}: ${stderr}`)))));
    return { child, ready, done };
  });
  await Promise.all(children.map((writer) => writer.ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map((writer) => writer.done));
}

describe.each(REGISTRY_BACKENDS)('the key registry on $name', (backend) => {
  let store: TestRegistry;
  let opened: SqlKeyRegistry[] = [];

  beforeEach(async () => {
    store = await backend.create();
  });
  afterEach(async () => {
    try {
      for (const registry of opened) await registry.close();
    } finally {
      opened = [];
      await store.remove();
    }
  });

  /** The store's registry: created (as `registry init` does) on the first call, opened after. */
  async function registry(): Promise<SqlKeyRegistry> {
    const open = await openRegistry(store.spec, { create: opened.length === 0 });
    opened.push(open);
    return open;
  }

  it('issues keys in the issued-key format and finds them by hash alone', async () => {
    const open = await registry();
    const live = await open.issue({ owner: 'acct_1', label: 'ci deploy', restrictions: { allowedIps: ['10.0.0.0/8'], rateLimit: 100 } }, actor);
    const test = await open.issue({ owner: 'acct_1', label: 'staging', environment: 'test' }, actor);
    const plaintext = live.key.reveal();

    expect(plaintext).toMatch(/^lk_live_[0-9A-Za-z]{49}$/);
    expect(test.key.reveal()).toMatch(/^lk_test_[0-9A-Za-z]{49}$/);
    expect(hasValidChecksum('crc32-base62', plaintext)).toBe(true);
    expect(plaintext).not.toBe(test.key.reveal());
    expect(String(live.key)).not.toContain(plaintext.slice(8, 20));
    expect(live.record).toMatchObject({
      hash: secretHash(plaintext), prefix: 'lk_live_', lastFour: plaintext.slice(-4), owner: 'acct_1', label: 'ci deploy',
      environment: 'live', restrictions: { allowedIps: ['10.0.0.0/8'], rateLimit: 100 }, status: 'active',
      shape: { prefix: 'lk_live_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' },
    });
    expect(await open.get(live.record.id)).toEqual(live.record);

    const found = await open.lookup([secretHash(plaintext), secretHash(generateKey('lk_live_').reveal()), 'not a hash']);
    expect([...found.keys()]).toEqual([live.record.hash]);
    expect(found.get(live.record.hash)).toEqual(live.record);
    expect((await open.lookup([live.record.hash.toUpperCase()])).size).toBe(1);
    await expect(open.issue({ owner: 'acct_1', label: 'x', environment: 'staging' }, actor)).rejects.toThrow(/no key prefix for environment "staging"/);
  });

  it('keeps every plaintext out of the database', async () => {
    const open = await registry();
    const issued = [];
    for (let i = 0; i < 4; i++) issued.push(await open.issue({ owner: `acct_${i}`, label: `label-${i}`, environment: i % 2 ? 'test' : 'live' }, actor));
    const replacement = await open.reserveReplacement(issued[0]!.record.id, actor);
    const minted = generateKey('lk_live_').reveal();
    expect(await open.completeReplacement(replacement.id, { hash: secretHash(minted), lastFour: minted.slice(-4) }, undefined, actor)).toBe(true);
    await open.revoke(issued[1]!.record.id, 'leaked in acme/shop@abc:.env:1', actor);
    await open.close();

    const bytes = store.storedBytes();
    // The search looks where the keys are: their owners and hashes are there…
    for (const { record } of issued) {
      expect(bytes).toContain(record.owner);
      expect(bytes.includes(Buffer.from(record.hash, 'hex').toString('latin1')) || bytes.includes(record.hash)).toBe(true);
    }
    // …and no plaintext, nor its random part without the prefix.
    for (const key of [...issued.map((one) => one.key.reveal()), minted]) {
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.includes(key.slice(8, -4))).toBe(false);
    }
  });

  it('revokes a key once: the first revocation stands, and the audit log has it once', async () => {
    const open = await registry();
    const { record } = await open.issue({ owner: 'acct_1', label: 'ci' }, actor);
    const revoked = await open.revoke(record.id, 'leaked in acme/shop@abc:.env:1', actor);
    const again = await open.revoke(record.id, 'a second opinion', { kind: 'app', name: 'github-app/1' });

    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'leaked in acme/shop@abc:.env:1' });
    expect(again).toEqual(revoked);
    expect((await open.audit(record.id)).map((entry) => entry.action)).toEqual(['issue', 'revoke']);
    expect((await open.lookup([record.hash])).get(record.hash)?.status).toBe('revoked');
    await expect(open.revoke('key_doesnotexist', 'why', actor)).rejects.toThrow(/no key key_doesnotexist in the registry/);
    await expect(open.revoke(record.id, '  ', actor)).rejects.toThrow(/needs a reason/);
  });

  it('replaces a key: one reservation, minted once, with the same owner, label, environment and restrictions', async () => {
    const open = await registry();
    const { record } = await open.issue({ owner: 'acct_9', label: 'payments', environment: 'test', restrictions: { endpoints: ['/v1/charges'] } }, actor);
    const reserved = await open.reserveReplacement(record.id, actor);
    expect(await open.reserveReplacement(record.id, actor)).toEqual(reserved);
    expect(reserved).toMatchObject({ replaces: record.id, owner: 'acct_9', state: 'reserved' });
    expect((await open.get(record.id))?.replacedBy).toBe(reserved.id);

    const minted = generateKey(record.prefix).reveal();
    expect(await open.completeReplacement(reserved.id, { hash: secretHash(minted), lastFour: minted.slice(-4) }, undefined, actor)).toBe(true);
    const loser = generateKey(record.prefix).reveal();
    expect(await open.completeReplacement(reserved.id, { hash: secretHash(loser), lastFour: loser.slice(-4) }, undefined, actor)).toBe(false);

    expect(await open.get(reserved.id)).toMatchObject({
      hash: secretHash(minted), owner: 'acct_9', label: 'payments', environment: 'test', restrictions: { endpoints: ['/v1/charges'] },
      status: 'active', replaces: record.id, prefix: 'lk_test_',
    });
    expect((await open.replacement(reserved.id))?.state).toBe('claimed');
    expect((await open.lookup([secretHash(minted), secretHash(loser)])).size).toBe(1);
    await expect(open.reserveReplacement('key_doesnotexist', actor)).rejects.toThrow(/no key key_doesnotexist/);
  });

  it('seals a replacement to its owner and lets it be consumed once', async () => {
    const open = await registry();
    const { record } = await open.issue({ owner: 'acct_2', label: 'api' }, actor);
    await open.addOwnerKey('acct_2', 'b3duZXIgcHVibGljIGtleQ==', actor);
    expect((await open.ownerKey('acct_2'))?.publicKey).toBe('b3duZXIgcHVibGljIGtleQ==');
    expect(await open.ownerKey('acct_unknown')).toBeUndefined();

    const reserved = await open.reserveReplacement(record.id, actor);
    const minted = generateKey(record.prefix).reveal();
    expect(await open.completeReplacement(reserved.id, { hash: secretHash(minted), lastFour: minted.slice(-4) }, 'c2VhbGVkIGJveA==', actor)).toBe(true);
    expect(await open.replacement(reserved.id)).toMatchObject({ state: 'sealed', sealedBox: 'c2VhbGVkIGJveA==' });
    expect(await open.consumeSealedReplacement(reserved.id, actor)).toBe(true);
    expect(await open.consumeSealedReplacement(reserved.id, actor)).toBe(false);
    const claimed = await open.replacement(reserved.id);
    expect(claimed?.state).toBe('claimed');
    expect(claimed?.sealedBox).toBeUndefined();
  });

  it('records every change with its actor and reason in an audit log that cannot be rewritten', async () => {
    const open = await registry();
    const app: Actor = { kind: 'app', name: 'github-app/7' };
    const { record } = await open.issue({ owner: 'acct_1', label: 'ci' }, actor);
    await open.revoke(record.id, 'leaked', app);
    await open.reserveReplacement(record.id, app);
    await open.setPrefixes({ staging: 'lk_stg_' }, actor);
    await open.importHashes([legacyKey(secretHash('acme_legacy'))], actor);

    const audit = await open.audit();
    expect(audit.map((entry) => [entry.action, entry.actor.kind, entry.actor.name])).toEqual([
      ['issue', 'cli', 'registry-test'], ['revoke', 'app', 'github-app/7'], ['reserve-replacement', 'app', 'github-app/7'],
      ['set-prefixes', 'cli', 'registry-test'], ['import', 'cli', 'registry-test'],
    ]);
    expect(audit[1]).toMatchObject({ keyId: record.id, reason: 'leaked' });
    expect(audit.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    await expect(open.db.transaction(() => execute('UPDATE audit_log SET reason = ?', ['rewritten']))).rejects.toThrow(/append-only/);
    await expect(open.db.transaction(() => execute('DELETE FROM audit_log'))).rejects.toThrow(/append-only/);
    expect(await open.audit()).toEqual(audit);
  });

  it('imports legacy keys by hash, leaving hashes it holds already as they were', async () => {
    const open = await registry();
    const [one, two, three] = ['acme_1', 'acme_2', 'acme_3'].map((text) => secretHash(text));
    const first = await open.importHashes([legacyKey(one!, { id: 'legacy-1', lastFour: 'e_1', restrictions: { rateLimit: 5 } }), legacyKey(two!, { status: 'revoked' })], actor);
    expect(first).toEqual({ imported: 2, alreadyRegistered: 0 });
    const second = await open.importHashes([legacyKey(one!, { owner: 'someone else' }), legacyKey(three!), legacyKey(three!)], actor);
    expect(second).toEqual({ imported: 1, alreadyRegistered: 2 });

    const found = await open.lookup([one!, two!, three!]);
    expect(found.get(one!)).toMatchObject({ id: 'legacy-1', owner: 'acct_legacy', lastFour: 'e_1', restrictions: { rateLimit: 5 }, status: 'active' });
    expect(found.get(two!)).toMatchObject({ status: 'revoked', revocationReason: 'revoked before it was imported' });
    expect(found.size).toBe(3);
    await expect(open.importHashes([legacyKey(secretHash('acme_4'), { id: 'legacy-1' })], actor)).rejects.toThrow(/key id legacy-1 is already registered/);
    expect((await open.list()).length).toBe(3);
  });

  it('knows the shapes of every key it holds, issued or imported', async () => {
    const open = await registry();
    expect(await open.shapes()).toEqual([]);
    await open.issue({ owner: 'a', label: 'l' }, actor);
    await open.issue({ owner: 'a', label: 'l' }, actor);
    await open.issue({ owner: 'a', label: 'l', environment: 'test' }, actor);
    await open.importHashes([legacyKey(secretHash('acme_x')), legacyKey(secretHash('tok'), { shape: { prefix: '', bodyLength: 40, alphabet: 'base32' } })], actor);
    expect(await open.shapes()).toEqual([
      { prefix: '', bodyLength: 40, alphabet: 'base32' },
      { prefix: 'acme_', bodyLength: 32, alphabet: 'hex' },
      { prefix: 'lk_live_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' },
      { prefix: 'lk_test_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' },
    ]);
  });

  it('keeps its in-memory index current with keys added by other connections', async () => {
    const reader = await registry();
    const writer = await registry();
    const before = await writer.issue({ owner: 'a', label: 'before' }, actor);
    expect((await reader.lookup([before.record.hash])).size).toBe(1);
    expect((await reader.hashIndex()).size).toBe(1);

    const own = await reader.issue({ owner: 'a', label: 'own' }, actor);
    expect((await reader.lookup([own.record.hash])).size).toBe(1);

    const later = await writer.issue({ owner: 'a', label: 'later' }, actor);
    await writer.importHashes([legacyKey(secretHash('acme_later'))], actor);
    await eventually(async () => (await reader.lookup([later.record.hash, secretHash('acme_later')])).size === 2, 'the reader sees the new keys');
    expect((await reader.hashIndex()).size).toBe(4);
  });

  it('keeps key prefixes per environment', async () => {
    const open = await registry();
    expect(await open.prefixes()).toEqual({ live: 'lk_live_', test: 'lk_test_' });
    await open.setPrefixes({ staging: 'lk_stg_', live: 'acme_live_' }, actor);
    expect(await open.prefixes()).toEqual({ live: 'acme_live_', test: 'lk_test_', staging: 'lk_stg_' });
    const staged = await open.issue({ owner: 'a', label: 'l', environment: 'staging' }, actor);
    expect(staged.key.reveal()).toMatch(/^lk_stg_[0-9A-Za-z]{49}$/);
    expect(hasValidChecksum('crc32-base62', staged.key.reveal())).toBe(true);
    await expect(open.setPrefixes({ qa: 'no underscore' }, actor)).rejects.toThrow(/key prefix "no underscore"/);
  });

  it('applies its migrations on open, once, upgrades an older schema, and refuses a newer one', async () => {
    // A registry made by an older Leakstop: the first migration only.
    const target = resolveRegistryTarget(store.spec);
    const old = target.kind === 'sqlite' ? SqliteDatabase.open(target.file, { create: true }) : await PostgresDatabase.open(target, { create: true });
    await applyMigrations(old, (target.kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).slice(0, 1), { create: true, location: store.spec });
    await old.close();

    // Opened as every command but `registry init` opens it: an existing registry still migrates.
    const open = await openRegistry(store.spec);
    opened.push(open);
    const migrations = () => open.db.read(() => select<{ version: number; name: string; applied_at: string }>('SELECT * FROM leakstop_migrations ORDER BY version'));
    const applied = await migrations();
    expect(applied.map((row) => [Number(row.version), row.name])).toEqual([[1, 'keys'], [2, 'response-log']]);
    expect(await open.responses.incidents()).toEqual([]);
    await open.close();

    const reopened = await openRegistry(store.spec);
    opened.push(reopened);
    expect(await reopened.db.read(() => select('SELECT * FROM leakstop_migrations ORDER BY version'))).toEqual(applied);
    await reopened.db.transaction(() => execute('INSERT INTO leakstop_migrations (version, name, applied_at) VALUES (?, ?, ?)', [99, 'from the future', 'now']));
    await reopened.close();
    await expect(openRegistry(store.spec)).rejects.toThrow(/schema is at version 99, newer than this leakstop knows \(2\): upgrade leakstop/);
  });

  it('loses no update when two processes issue and revoke at once', async () => {
    const open = await registry();
    const shared: string[] = [];
    for (let i = 0; i < 30; i++) shared.push((await open.issue({ owner: 'acct_shared', label: `shared ${i}` }, actor)).record.id);

    const [first, second] = await runWriters(store.spec, 30, shared, 2);
    const keys = await open.list();
    expect(keys).toHaveLength(90);
    expect(new Set(keys.map((key) => key.id))).toEqual(new Set([...shared, ...first!, ...second!]));
    expect(keys.filter((key) => shared.includes(key.id)).every((key) => key.status === 'revoked')).toBe(true);
    const audit = await open.audit();
    for (const id of shared) expect(audit.filter((entry) => entry.keyId === id && entry.action === 'revoke')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'issue')).toHaveLength(90);
    expect((await open.lookup(keys.map((key) => key.hash))).size).toBe(90);
  }, 120_000);
});
