// `leakstop registry …` and `leakstop check` as a user runs them: the CLI as a subprocess, on
// both backends; a new key shown exactly once; nothing else ever prints a plaintext; a bad
// registry is one line and exit 2.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretHash } from '../../src/detect/secret-hash.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { POSTGRES_URL, REGISTRY_BACKENDS, type TestRegistry } from '../helpers/registry-backends.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

interface ListedKey {
  keyId: string;
  owner: string;
  label: string;
  status: string;
  hash: string;
}

describe.each(REGISTRY_BACKENDS)('leakstop registry and check on $name', (backend) => {
  let store: TestRegistry;
  const outputs: CliResult[] = [];
  const cli = async (args: string[], input?: string) => {
    const result = await runCli([...args, '--registry', store.spec], { input });
    outputs.push(result);
    return result;
  };
  const everythingPrinted = () => outputs.map((output) => `${output.stdout}\n${output.stderr}`).join('\n');

  beforeEach(async () => {
    store = await backend.create();
    outputs.length = 0;
  });
  afterEach(async () => {
    await store.remove();
  });

  it('issues a key printed once, lists it redacted, checks and revokes it without ever echoing it', async () => {
    const init = await cli(['registry', 'init']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Key prefixes: live=lk_live_, test=lk_test_');

    const issued = await cli(['registry', 'issue', '--owner', 'acct_42', '--label', 'ci deploy', '--allow-ip', '10.1.0.0/16', '--rate-limit', '60']);
    expect(issued.code, issued.stderr).toBe(0);
    const key = issued.stdout.trim();
    expect(key).toMatch(/^lk_live_[0-9A-Za-z]{49}$/);
    expect(issued.stderr).toMatch(/shown this once and never again/);
    expect(issued.stderr).not.toContain(key);

    const listed = await cli(['registry', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`lk_live_…${key.slice(-4)}`);
    expect(listed.stdout).toMatch(/acct_42\s+ci deploy\s+live\s+active/);
    const [record] = JSON.parse((await cli(['registry', 'list', '--json'])).stdout) as ListedKey[];
    expect(record).toMatchObject({ owner: 'acct_42', label: 'ci deploy', status: 'active', hash: secretHash(key) });

    const unknown = ['lk_live_' + 'x'.repeat(49), 'not a key at all'];
    const checked = await cli(['check'], `${unknown[0]}\n${key}\r\n\n${unknown[1]}\n`);
    expect(checked.code).toBe(1);
    expect(checked.stdout.trim().split('\n')).toEqual([
      'line 1: no key-shaped string',
      `line 2: lk_live_…${key.slice(-4)} is registered key ${record!.keyId} (owner acct_42, label "ci deploy", active)`,
      'line 4: no key-shaped string',
    ]);
    const clean = await cli(['check', '--json'], `${unknown.join('\n')}\n`);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([{ line: 1, match: false, keyShaped: false }, { line: 2, match: false, keyShaped: false }]);

    const revoked = await cli(['registry', 'revoke', record!.keyId, '--reason', 'posted in a chat']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${record!.keyId}`);
    expect((await cli(['registry', 'revoke', record!.keyId, '--reason', 'again'])).stdout).toContain('already revoked');
    expect(JSON.parse((await cli(['check', '--json'], key)).stdout)).toEqual([
      { line: 1, keyShaped: true, ruleId: expect.any(String), secretRedacted: `lk_live_…${key.slice(-4)}`, match: true, keyId: record!.keyId, owner: 'acct_42', label: 'ci deploy', status: 'revoked' },
    ]);

    const shown = await cli(['registry', 'show', record!.keyId]);
    expect(shown.code).toBe(0);
    const shownJson = JSON.parse((await cli(['registry', 'show', record!.keyId, '--json'])).stdout) as Record<string, unknown>;
    expect(shownJson).toMatchObject({ keyId: record!.keyId, owner: 'acct_42', status: 'revoked' });
    expect(shownJson).not.toHaveProperty('id');
    expect(shown.stdout).toMatch(/revoked:\s+\S+: posted in a chat/);
    expect(shown.stdout).toMatch(/issue\s+cli \S+ — issued to acct_42 \(ci deploy\)/);
    expect(shown.stdout).toContain('{"allowedIps":["10.1.0.0/16"],"rateLimit":60}');

    // The one output holding the key is the issue command's stdout.
    const printed = everythingPrinted();
    expect(printed.indexOf(key)).toBe(printed.lastIndexOf(key));
    for (const text of unknown) expect(printed).not.toContain(text);
  });

  it('checks whole lines as people paste them, finding every key-shaped string without echoing one', async () => {
    expect((await cli(['registry', 'init'])).code).toBe(0);
    const key = (await cli(['registry', 'issue', '--owner', 'acct_9', '--label', 'billing'])).stdout.trim();
    const [record] = JSON.parse((await cli(['registry', 'list', '--json'])).stdout) as ListedKey[];
    const stranger = expandTemplate('ghp_{crc32:30}');
    const pasted = [
      `API_KEY=${key}`,
      `"${key}"`,
      `Authorization: Bearer ${key}`,
      `export GH_TOKEN=${stranger}`,
      'nothing secret on this line',
      `PAIR="${stranger}" OURS='${key}'`,
    ];
    const checked = await cli(['check'], `${pasted.join('\n')}\n`);
    expect(checked.code, checked.stderr).toBe(1);
    const ours = (line: number) => new RegExp(`^line ${line}: lk_live_\\S*…\\S* is registered key ${record!.keyId} \\(owner acct_9, label "billing", active\\)$`);
    const theirs = (line: number) => new RegExp(`^line ${line}: ghp_\\S*…\\S* \\([a-z0-9-]+\\) is not a registered key$`);
    expect(checked.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(ours(1)),
      expect.stringMatching(ours(2)),
      expect.stringMatching(ours(3)),
      expect.stringMatching(theirs(4)),
      'line 5: no key-shaped string',
      expect.stringMatching(theirs(6)),
      expect.stringMatching(ours(6)),
    ]);
    expect(checked.stdout).not.toMatch(/unknown/);
    expect(checked.stderr).toContain('6 line(s) checked: 6 key-shaped string(s), 4 registered key(s).');

    const json = JSON.parse((await cli(['check', '--json'], `${pasted.join('\n')}\n`)).stdout) as { line: number; match: boolean; keyId?: string; keyShaped: boolean }[];
    expect(json.map(({ line, match, keyId, keyShaped }) => [line, keyShaped, match, keyId])).toEqual([
      [1, true, true, record!.keyId], [2, true, true, record!.keyId], [3, true, true, record!.keyId],
      [4, true, false, undefined], [5, false, false, undefined], [6, true, false, undefined], [6, true, true, record!.keyId],
    ]);
    const printed = everythingPrinted();
    expect(printed.indexOf(key)).toBe(printed.lastIndexOf(key));
    expect(printed).not.toContain(stranger);
    expect(printed).not.toContain(stranger.slice(4, 20));
  });

  it('imports legacy keys by hash from CSV and JSON Lines, and checks them', async () => {
    const dir = tempDir('leakstop-import-');
    try {
      const legacy = [expandTemplate('acme_{hex:32}'), expandTemplate('acme_{hex:32}'), expandTemplate('{base32:40}')];
      const csv = path.join(dir, 'keys.csv');
      fs.writeFileSync(csv, [
        'hash,prefix,body_length,alphabet,owner,label,status,last_four,restrictions',
        `${secretHash(legacy[0]!)},acme_,32,hex,acct_old,"billing, v1",active,${legacy[0]!.slice(-4)},"{""rateLimit"":5}"`,
        `${secretHash(legacy[1]!)},acme_,32,hex,acct_old,billing v2,revoked,,`,
      ].join('\r\n'));
      const jsonl = path.join(dir, 'keys.jsonl');
      fs.writeFileSync(jsonl, `${JSON.stringify({ hash: secretHash(legacy[2]!), shape: { prefix: '', bodyLength: 40, alphabet: 'base32' }, owner: 'acct_b32', label: 'batch' })}\n`);

      expect((await cli(['registry', 'init'])).code).toBe(0);
      const fromCsv = await cli(['registry', 'import', csv]);
      expect(fromCsv.code, fromCsv.stderr).toBe(0);
      expect(fromCsv.stdout).toContain('Imported 2 key(s) by hash');
      expect((await cli(['registry', 'import', jsonl])).stdout).toContain('Imported 1 key(s)');
      expect((await cli(['registry', 'import', csv])).stdout).toContain('Imported 0 key(s) by hash from');

      const checked = JSON.parse((await cli(['check', '--json'], legacy.join('\n'))).stdout) as { owner: string; label: string; status: string }[];
      expect(checked.map(({ owner, label, status }) => [owner, label, status])).toEqual([
        ['acct_old', 'billing, v1', 'active'], ['acct_old', 'billing v2', 'revoked'], ['acct_b32', 'batch', 'active'],
      ]);

      fs.writeFileSync(csv, `hash,prefix,body_length,alphabet,owner,label\n${legacy[0]},acme_,32,hex,acct,label\n`);
      const bad = await cli(['registry', 'import', csv]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(`leakstop: ${csv} line 2: hash must be the key's SHA-256 as 64 hex characters\n`);
      expect(everythingPrinted()).not.toContain(legacy[0]!);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a registry that cannot be used', () => {
  // Built at run time: a literal URL with a password would be a finding of Leakstop's self-scan.
  const password = randomBytes(6).toString('hex');
  const failures: [string, string, RegExp][] = [
    ['a malformed PostgreSQL URL', `postgres://leakstop:${password}@db.example.test:notaport/keys`, /^leakstop: malformed PostgreSQL URL "postgres:\/\/db\.example\.test:notaport\/keys"/],
    ['an unreachable PostgreSQL', `postgresql://leakstop:${password}@127.0.0.1:1/keys`, /^leakstop: cannot reach the PostgreSQL key registry at postgresql:\/\/127\.0\.0\.1:1\/keys \(connection refused\)/],
    ['an unsupported scheme', `mysql://root:${password}@127.0.0.1/keys`, /^leakstop: unsupported key registry "mysql:\/\/127\.0\.0\.1\/keys"/],
    ['a file that is not a registry', path.join(import.meta.dirname, 'registry-cli.test.ts'), /^leakstop: .*registry-cli\.test\.ts is not a SQLite key registry/],
  ];

  it.each(failures)('is one line and exit 2 for %s in LEAKSTOP_REGISTRY', async (_, spec, message) => {
    for (const args of [['check'], ['registry', 'list'], ['scan', '--stdin']]) {
      const result = await runCli(args, { env: { LEAKSTOP_REGISTRY: spec }, input: 'nothing\n' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toContain(password);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('a registry is never created by accident', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('leakstop-no-registry-');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const noRegistry = (location: string) => `leakstop: no Leakstop registry at ${location}; create one with \`leakstop registry init\`\n`;
  /** Every command that uses a registry, short of `registry init`. */
  const USERS = [
    ['scan', '--stdin'],
    ['check'],
    ['registry', 'list'],
    ['registry', 'show', 'key_x'],
    ['registry', 'issue', '--owner', 'acct_1', '--label', 'ci'],
    ['registry', 'revoke', 'key_x', '--reason', 'test'],
    ['registry', 'claim', 'key_x'],
    ['revoke', 'key_x', '--reason', 'test'],
    ['incidents', 'list'],
    ['respond', '--resume'],
  ];

  it('fails in one line, creating nothing, for a SQLite path that does not exist (--registry and LEAKSTOP_REGISTRY)', async () => {
    const missing = path.join(dir, 'keys', 'registry.db');
    for (const args of USERS) {
      for (const [extra, env] of [[['--registry', missing], {}], [[], { LEAKSTOP_REGISTRY: missing }]] as const) {
        const result = await runCli([...args, ...extra], { env: { ...env, GITHUB_TOKEN: undefined }, input: 'lk_live_x\n' });
        expect([result.code, result.stdout, result.stderr], args.join(' ')).toEqual([2, '', noRegistry(missing)]);
      }
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails in one line, creating nothing, at the default path under a fresh HOME or XDG_DATA_HOME', async () => {
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const cases = [
      [{ HOME: home, XDG_DATA_HOME: undefined }, path.join(home, '.local', 'share', 'leakstop', 'registry.db')],
      [{ HOME: home, XDG_DATA_HOME: path.join(dir, 'data') }, path.join(dir, 'data', 'leakstop', 'registry.db')],
    ] as const;
    for (const [env, location] of cases) {
      for (const args of [['check'], ['registry', 'list'], ['incidents', 'list']]) {
        const result = await runCli(args, { env: { ...env, LEAKSTOP_REGISTRY: undefined }, input: 'nothing\n' });
        expect([result.code, result.stdout, result.stderr], args.join(' ')).toEqual([2, '', noRegistry(location)]);
      }
    }
    expect(fs.readdirSync(dir)).toEqual(['home']);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('fails in one line for a PostgreSQL schema without Leakstop tables, and creates no schema nor table', async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const absent = `leakstop_absent_${randomBytes(6).toString('hex')}`;
    const empty = `leakstop_empty_${randomBytes(6).toString('hex')}`;
    try {
      await admin.query(`CREATE SCHEMA ${empty}`);
      const location = (schema: string) => `${new URL(POSTGRES_URL).protocol}//${new URL(POSTGRES_URL).host}${new URL(POSTGRES_URL).pathname}?schema=${schema}`;
      for (const schema of [absent, empty]) {
        for (const args of [['scan', '--stdin'], ['check'], ['registry', 'list'], ['incidents', 'list']]) {
          const result = await runCli([...args, '--registry', `${POSTGRES_URL}?schema=${schema}`], { input: 'nothing\n' });
          expect([result.code, result.stdout, result.stderr], `${schema}: ${args.join(' ')}`).toEqual([2, '', noRegistry(location(schema))]);
        }
      }
      const schemas = await admin.query('SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1', [absent]);
      expect(schemas.rowCount).toBe(0);
      const tables = await admin.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [empty]);
      expect(tables.rows).toEqual([]);

      const init = await runCli(['registry', 'init', '--registry', `${POSTGRES_URL}?schema=${absent}`]);
      expect(init.code, init.stderr).toBe(0);
      const listed = await runCli(['registry', 'list', '--registry', `${POSTGRES_URL}?schema=${absent}`]);
      expect([listed.code, listed.stdout]).toEqual([0, 'No keys registered.\n']);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${absent} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${empty} CASCADE`);
      await admin.end();
    }
  });

  it('is created by `registry init` (directory and all), after which every command works', async () => {
    const file = path.join(dir, 'keys', 'registry.db');
    const init = await runCli(['registry', 'init', '--registry', file]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Key registry ready at ${file}.`);
    expect(fs.existsSync(file)).toBe(true);
    const again = await runCli(['registry', 'init', '--registry', file]);
    expect(again.code, again.stderr).toBe(0);
    for (const args of [['scan', '--stdin'], ['check'], ['registry', 'list'], ['incidents', 'list']]) {
      const result = await runCli([...args, '--registry', file], { input: 'nothing\n' });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
  });
});

describe('leakstop scan --history --registry', () => {
  let dir: string;
  let repo: TestRepo;
  beforeAll(() => {
    dir = tempDir('leakstop-scan-registry-');
    repo = TestRepo.init();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(repo.dir, { recursive: true, force: true });
  });

  it('reports a committed key of ours with registry.match and its key id', async () => {
    const registry = path.join(dir, 'registry.db');
    expect((await runCli(['registry', 'init', '--registry', registry])).code).toBe(0);
    const issued = await runCli(['registry', 'issue', '--owner', 'acct_7', '--label', 'deploy bot', '--registry', registry]);
    const key = issued.stdout.trim();
    repo.commit('add config', { 'deploy/config.yml': `service: deploy\napi:\n  token: "${key}"\n` });
    repo.commit('remove the key', { 'deploy/config.yml': 'service: deploy\n' });
    const id = JSON.parse((await runCli(['registry', 'list', '--json', '--registry', registry])).stdout)[0].keyId as string;

    const scan = await runCli(['scan', '--history', repo.dir, '--format', 'json', '--registry', registry]);
    expect(scan.code, scan.stderr).toBe(1);
    const findings = JSON.parse(scan.stdout) as { path: string; line: number; secretHash: string; registry: Record<string, unknown> }[];
    const ours = findings.filter((finding) => finding.registry.match);
    expect(ours.length).toBeGreaterThanOrEqual(1);
    for (const finding of ours) {
      expect(finding).toMatchObject({ path: 'deploy/config.yml', line: 3, secretHash: secretHash(key) });
      expect(finding.registry).toEqual({ match: true, keyId: id, owner: 'acct_7', label: 'deploy bot', status: 'active' });
    }
    expect(`${scan.stdout}${scan.stderr}`).not.toContain(key);
  });
});
