// The registry's pure parts: where a spec points, the issued-key format, the hash index, the
// shape rules' boundaries, and the import file formats.
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasValidChecksum } from '../../src/detect/checksum.js';
import { HashIndex } from '../../src/registry/hash-index.js';
import { generateKey, issuedKeyShape, newKeyId } from '../../src/registry/key-format.js';
import { parseCsv } from '../../src/registry/parse-csv.js';
import { readImportedKeys } from '../../src/registry/read-imported-keys.js';
import { resolveRegistryTarget } from '../../src/registry/registry-location.js';
import { rulesFromShapes } from '../../src/registry/shape-rules.js';
import { expandExample, expandTemplate } from '../../src/rules/example-template.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('where a registry spec points', () => {
  it('defaults to LEAKSTOP_REGISTRY, then to a SQLite file under the data directory', () => {
    expect(resolveRegistryTarget(undefined, { XDG_DATA_HOME: '/data' })).toEqual({ kind: 'sqlite', file: '/data/leakstop/registry.db' });
    expect(resolveRegistryTarget('', { HOME: os.homedir() })).toEqual({ kind: 'sqlite', file: path.join(os.homedir(), '.local/share/leakstop/registry.db') });
    expect(resolveRegistryTarget(undefined, { LEAKSTOP_REGISTRY: '/srv/keys.db' })).toEqual({ kind: 'sqlite', file: '/srv/keys.db' });
    expect(resolveRegistryTarget('/a.db', { LEAKSTOP_REGISTRY: '/b.db' })).toEqual({ kind: 'sqlite', file: '/a.db' });
  });

  it('selects PostgreSQL for postgres:// URLs, with ?schema= as a search_path, and keeps credentials out of its location', () => {
    const password = randomBytes(6).toString('hex'); // a literal one would be a finding of the self-scan
    const target = resolveRegistryTarget(`postgresql://app:${password}@db.internal:6543/keys?schema=tenant_1&sslmode=disable`, {});
    expect(target).toMatchObject({ kind: 'postgres', createSchema: 'tenant_1', location: 'postgresql://db.internal:6543/keys?schema=tenant_1' });
    const url = new URL(target.kind === 'postgres' ? target.connectionString : '');
    expect(url.searchParams.get('options')).toBe('-c search_path=tenant_1');
    expect(url.searchParams.get('schema')).toBeNull();
    expect(url.password).toBe(password);
    expect(JSON.stringify(target.kind === 'postgres' ? target.location : '')).not.toContain(password);
  });

  it('rejects a malformed URL, another scheme and a bad schema name in one line without the password', () => {
    expect(() => resolveRegistryTarget('postgres://u:pw@host:port/db', {})).toThrow(/^malformed PostgreSQL URL "postgres:\/\/host:port\/db"/);
    expect(() => resolveRegistryTarget('redis://u:pw@127.0.0.1', {})).toThrow(/^unsupported key registry "redis:\/\/127\.0\.0\.1"/);
    expect(() => resolveRegistryTarget('postgres://h/db?schema=a;drop', {})).toThrow(/schema "a;drop"/);
  });
});

describe('the issued-key format', () => {
  it('is the prefix, 43 random base62 characters and their CRC32 checksum', () => {
    const key = generateKey('lk_live_').reveal();
    expect(key).toMatch(/^lk_live_[0-9A-Za-z]{49}$/);
    expect(hasValidChecksum('crc32-base62', key)).toBe(true);
    expect(new Set(Array.from({ length: 50 }, () => generateKey('lk_live_').reveal())).size).toBe(50);
    expect(issuedKeyShape('lk_test_')).toEqual({ prefix: 'lk_test_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' });
    expect(issuedKeyShape('legacy-')).toEqual({ prefix: 'legacy-', bodyLength: 49, alphabet: 'base62' });
  });

  it('names keys by ids in creation order', async () => {
    const first = newKeyId();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = newKeyId();
    expect(first).toMatch(/^key_[0-9a-z]{18}$/);
    expect(first < second).toBe(true);
  });
});

describe('the hash index', () => {
  it('answers for the digests it holds, in either hex case, and for nothing else', () => {
    const index = new HashIndex();
    const held = Array.from({ length: 5000 }, () => randomBytes(32));
    for (const digest of held) index.add(digest);
    index.add(held[0]!);
    expect(index.size).toBe(5000);
    expect(held.every((digest) => index.has(digest.toString('hex')))).toBe(true);
    expect(index.has(held[1]!.toString('hex').toUpperCase())).toBe(true);
    expect(Array.from({ length: 5000 }, () => randomBytes(32).toString('hex')).some((hex) => index.has(hex))).toBe(false);
    // Same first word, different rest: found only when every word matches.
    const twin = Buffer.from(held[2]!);
    twin[31] ^= 1;
    expect(index.has(twin.toString('hex'))).toBe(false);
    for (const bad of ['', 'zz'.repeat(32), held[3]!.toString('hex').slice(0, 63), `${held[3]!.toString('hex')}0`]) expect(index.has(bad)).toBe(false);
    expect(index.byteLength).toBeLessThan(5000 * 32 * 3);
  });
});

describe('rules from registered shapes', () => {
  const [live, hex, bare] = rulesFromShapes([
    { prefix: 'lk_live_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' },
    { prefix: 'acme.', bodyLength: 32, alphabet: 'hex' },
    { prefix: '', bodyLength: 40, alphabet: 'base32' },
  ]);

  it('are registry rules: no entropy floor, no allowlist, keyword = the prefix', () => {
    expect(live).toMatchObject({ id: 'registry-lk_live', keywords: ['lk_live_'], entropy: 0, checksum: 'crc32-base62', bypassAllowlists: true, secretGroup: 0 });
    expect(hex).toMatchObject({ id: 'registry-acme', keywords: ['acme.'] });
    expect(bare).toMatchObject({ id: 'registry-base3240', keywords: [] });
    expect(rulesFromShapes([{ prefix: 'x_', bodyLength: 20, alphabet: 'hex' }, { prefix: 'x_', bodyLength: 30, alphabet: 'hex' }]).map((rule) => rule.id))
      .toEqual(['registry-x', 'registry-x-2']);
  });

  it('match their own examples, and keys standing anywhere but inside a longer string', () => {
    for (const rule of [live!, hex!, bare!]) {
      const example = expandExample(rule.examples.match[0]!.text);
      expect(example.text.match(new RegExp(rule.regex.source, rule.regex.flags))?.[0], rule.id).toBe(example.secret);
    }
    const key = expandTemplate('{base32:40}');
    const find = (text: string) => new RegExp(bare!.regex.source, bare!.regex.flags).exec(text)?.[0];
    for (const text of [`"${key}"`, `k=${key}&x`, `%3D${key}%26`, `line\\n${key}`, `(${key}).`]) expect(find(text), text).toBe(key);
    for (const text of [`A${key}`, `${key}B`, key.slice(1)]) expect(find(text), text).toBeUndefined();
    const hexRegex = new RegExp(hex!.regex.source, hex!.regex.flags);
    expect(hexRegex.test(`xacme.${'ab'.repeat(16)}`)).toBe(true);
    expect(hexRegex.test(`acme.${'ab'.repeat(16)}f`)).toBe(false);
    expect(hexRegex.test(`acmeX${'ab'.repeat(16)}`)).toBe(false);
  });
});

describe('import files', () => {
  const hash = sha256('acme_1').toString('hex');

  it('reads CSV with quoted fields and JSON Lines into the same keys', () => {
    const csv = `hash,prefix,body_length,alphabet,owner,label,restrictions\r\n${hash},acme_,32,hex,acct,"a ""quoted"", label","{""rateLimit"":3}"\r\n`;
    const jsonl = `${JSON.stringify({ hash: hash.toUpperCase(), shape: { prefix: 'acme_', bodyLength: 32, alphabet: 'hex' }, owner: 'acct', label: 'a "quoted", label', restrictions: { rateLimit: 3 } })}\n\n`;
    const expected = [{ hash, shape: { prefix: 'acme_', bodyLength: 32, alphabet: 'hex' }, owner: 'acct', label: 'a "quoted", label', restrictions: { rateLimit: 3 } }];
    expect(readImportedKeys(csv, 'csv', 'keys.csv')).toEqual(expected);
    expect(readImportedKeys(jsonl, 'jsonl', 'keys.jsonl')).toEqual(expected);
  });

  it('names the line and the field of a bad row, never its value', () => {
    const row = (fields: string) => `hash,prefix,body_length,alphabet,owner,label,status\n${fields}\n`;
    const cases: [string, RegExp][] = [
      [row(`lk_live_notahash,acme_,32,hex,o,l,active`), /^k\.csv line 2: hash must be the key's SHA-256/],
      [row(`${hash},acme_,4,hex,o,l,active`), /^k\.csv line 2: bodyLength must be a whole number from 8 to 256/],
      [row(`${hash},acme_,32,octal,o,l,active`), /^k\.csv line 2: alphabet must be one of/],
      [row(`${hash},acme_,32,hex,o,l,gone`), /^k\.csv line 2: status must be active or revoked/],
      [row(`${hash},acme_,32,hex,,l,active`), /^k\.csv line 2: owner must be a non-empty text/],
      [`hash,prefix,body_length,alphabet,owner,label,colour\n`, /unknown column "colour"/],
      [`hash,prefix,alphabet,owner,label\n`, /no "body_length" column/],
      [row(`${hash},acme_,32,hex,o,"l,active`), /^k\.csv line 2: a quoted field is never closed/],
    ];
    for (const [text, message] of cases) expect(() => readImportedKeys(text, 'csv', 'k.csv')).toThrow(message);
    expect(() => readImportedKeys('{"hash": 1}\n', 'jsonl', 'k.jsonl')).toThrow(/^k\.jsonl line 1: hash must be/);
    expect(() => readImportedKeys('lk_live_oops\n', 'jsonl', 'k.jsonl')).toThrow(/^k\.jsonl line 1: not a JSON object$/);
  });

  it('parses RFC 4180 CSV: quotes, doubled quotes, line breaks in quotes, blank lines', () => {
    expect(parseCsv('a,"b,c","d ""e"""\n\n"multi\nline",x\r\nlast')).toEqual({ ok: true, records: [
      { line: 1, fields: ['a', 'b,c', 'd "e"'] }, { line: 3, fields: ['multi\nline', 'x'] }, { line: 5, fields: ['last'] },
    ] });
  });
});
