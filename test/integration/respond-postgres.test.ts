// Two responders racing on the same findings with a PostgreSQL registry: one revocation, one
// replacement, one issue per key. A racer killed while it holds an incident's lock does not
// block the other: the lock goes with its connection.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespondWorld, type IssuedKey } from '../helpers/respond-world.js';
import { runCli } from '../helpers/run-cli.js';
import type { TestRepo } from '../helpers/git-repo.js';

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

function schemaUrl(schema: string): string {
  return `postgres://${PG.user}@${PG.host}:${PG.port}/${PG.database}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

describe('responders racing on PostgreSQL', () => {
  const schemas: string[] = [];
  const worlds: RespondWorld[] = [];
  const admin = new pg.Client(PG);

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    for (const world of worlds) await world.close();
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  async function scenario(): Promise<{ world: RespondWorld; repo: TestRepo; keys: IssuedKey[]; schema: string }> {
    const schema = `leakstop_respond_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const world = await RespondWorld.start(schemaUrl(schema));
    worlds.push(world);
    await world.createRepo('acme', 'shop');
    const keys = [await world.issueKey({ owner: 'acct_a', label: 'alpha' }), await world.issueKey({ owner: 'acct_b', label: 'beta' })];
    const repo = world.repo();
    repo.commit('config', { '.env': `A=${keys[0]!.plaintext}\nB=${keys[1]!.plaintext}\n` });
    return { world, repo, keys, schema };
  }

  async function expectOneOfEach(world: RespondWorld, keys: IssuedKey[]): Promise<void> {
    await world.withRegistry(async (registry) => {
      const audit = await registry.audit();
      for (const { record } of keys) {
        const key = (await registry.get(record.id))!;
        expect(key.status).toBe('revoked');
        expect(audit.filter((entry) => entry.keyId === record.id && entry.action === 'revoke')).toHaveLength(1);
        expect((await registry.replacement(key.replacedBy!))?.replaces).toBe(record.id);
      }
    });
    expect(world.issuesOf('acme', 'shop')).toHaveLength(2);
    expect(world.created('POST', /\/issues$/)).toBe(2);
    expect(world.created('POST', /\/comments$/)).toBe(0);
  }

  it('revokes, replaces and files once when two responders race', async () => {
    for (let round = 0; round < 3; round++) {
      const { world, repo, keys } = await scenario();
      const delay = { LEAKSTOP_TEST_STEP_DELAY_MS: '20' };
      const racers = [world.spawnResponder(repo, 'acme/shop', delay), world.spawnResponder(repo, 'acme/shop', delay)];
      const results = await Promise.all(racers.map((racer) => racer.done));
      for (const result of results) expect(result.stderr).toContain('Response: 2 of 2 incident(s) complete');
      await expectOneOfEach(world, keys);
    }
  }, 120_000);

  it('lets the survivor finish when a racer is killed holding a lock, and resumes cleanly', async () => {
    const { world, repo, keys, schema } = await scenario();
    const victim = world.spawnResponder(repo, 'acme/shop', { LEAKSTOP_TEST_STEP_DELAY_MS: '200' });
    const survivor = world.spawnResponder(repo, 'acme/shop', { LEAKSTOP_TEST_STEP_DELAY_MS: '20' });
    setTimeout(() => victim.child.kill('SIGKILL'), 1200);
    await victim.done;
    expect((await survivor.done).stderr).toContain('Response: 2 of 2 incident(s) complete');
    const resume = await world.cli(['respond', '--resume']);
    expect(resume.code, resume.stderr).toBe(0);
    await expectOneOfEach(world, keys);

    const claims = await Promise.all(
      keys.map(async ({ record }) => {
        const replacementId = (await world.key(record.id))!.replacedBy!;
        const claim = await runCli(['registry', 'claim', replacementId], { env: world.env() });
        expect(claim.code, claim.stderr).toBe(0);
        return claim.stdout.trim();
      }),
    );
    const dump = execFileSync('pg_dump', ['-h', PG.host, '-U', PG.user, '-n', schema, PG.database], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('incidents');
    for (const plaintext of [...keys.map((key) => key.plaintext), ...claims]) {
      expect(plaintext.length).toBeGreaterThan(20);
      expect(dump.includes(plaintext)).toBe(false);
      expect(world.everythingSeen().includes(plaintext)).toBe(false);
    }
  }, 120_000);
});
