// `leakstop registry …` and `leakstop check` as a user runs them: the CLI as a subprocess, on
// both backends; a new key shown exactly once; nothing else ever prints a plaintext; a bad
// registry is one line and exit 2.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretHash } from '../../src/detect/secret-hash.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { REGISTRY_BACKENDS, type TestRegistry } from '../helpers/registry-backends.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

interface ListedKey {
  id: string;
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
      'line 1: unknown',
      `line 2: registered key ${record!.id} (lk_live_…${key.slice(-4)}, owner acct_42, label "ci deploy", active)`,
      'line 4: unknown',
    ]);
    const clean = await cli(['check', '--json'], `${unknown.join('\n')}\n`);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([{ line: 1, match: false }, { line: 2, match: false }]);

    const revoked = await cli(['registry', 'revoke', record!.id, '--reason', 'posted in a chat']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${record!.id}`);
    expect((await cli(['registry', 'revoke', record!.id, '--reason', 'again'])).stdout).toContain('already revoked');
    expect(JSON.parse((await cli(['check', '--json'], key)).stdout)).toEqual([
      { line: 1, match: true, keyId: record!.id, secretRedacted: `lk_live_…${key.slice(-4)}`, owner: 'acct_42', label: 'ci deploy', status: 'revoked' },
    ]);

    const shown = await cli(['registry', 'show', record!.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/revoked:\s+\S+: posted in a chat/);
    expect(shown.stdout).toMatch(/issue\s+cli \S+ — issued to acct_42 \(ci deploy\)/);
    expect(shown.stdout).toContain('{"allowedIps":["10.1.0.0/16"],"rateLimit":60}');

    // The one output holding the key is the issue command's stdout.
    const printed = everythingPrinted();
    expect(printed.indexOf(key)).toBe(printed.lastIndexOf(key));
    for (const text of unknown) expect(printed).not.toContain(text);
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
    ['an unreachable PostgreSQL', `postgresql://leakstop:${password}@127.0.0.1:1/keys`, /^leakstop: cannot reach the PostgreSQL key registry at postgresql:\/\/127\.0\.0\.1:1\/keys \(ECONNREFUSED\)/],
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
    const issued = await runCli(['registry', 'issue', '--owner', 'acct_7', '--label', 'deploy bot', '--registry', registry]);
    const key = issued.stdout.trim();
    repo.commit('add config', { 'deploy/config.yml': `service: deploy\napi:\n  token: "${key}"\n` });
    repo.commit('remove the key', { 'deploy/config.yml': 'service: deploy\n' });
    const id = JSON.parse((await runCli(['registry', 'list', '--json', '--registry', registry])).stdout)[0].id as string;

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
