// Zero-downtime rotation under SIGKILL: a leaked key whose record names an Actions secret, its
// owner with a public key. Killed at random moments (between sealing, minting, the PUT and the
// log), the responder resumes to one replacement, minted once, whose very key is both in the
// Actions secret and in the owner's sealed box — never a second key in either.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHash } from '../../src/detect/secret-hash.js';
import { killAtRandom, RespondWorld } from '../helpers/respond-world.js';
import { createRegistry, issueKey, withRegistry } from '../helpers/registry-keys.js';
import { runCli } from '../helpers/run-cli.js';

const RUNS = 12;
const PARALLEL = 3;
const STEP_DELAY_MS = 40;

describe('an Actions-secret rotation killed at random moments', { timeout: 240_000 }, () => {
  let world: RespondWorld;
  let ownerKey: string;
  let fullRunMs = 0;
  const plaintexts: string[] = [];

  beforeAll(async () => {
    world = await RespondWorld.start();
    ownerKey = path.join(world.dir, 'owner.key');
    expect((await world.cli(['registry', 'owner', 'keygen', ownerKey])).code).toBe(0);
    const started = Date.now();
    await runOnce(-1, undefined);
    fullRunMs = Date.now() - started;
  });

  afterAll(async () => {
    await world?.close();
  });

  async function runOnce(run: number, killAfterMs: number | undefined): Promise<void> {
    const name = `vault-${run + 1}`;
    await world.createRepo('acme', name);
    const registry = path.join(world.dir, `actions-${run}.db`);
    const env = { LEAKSTOP_REGISTRY: registry };
    await createRegistry(registry);
    expect((await world.cli(['registry', 'owner', 'add', 'acct_ops', '--public-key', `${ownerKey}.pub`], { env })).code).toBe(0);
    const key = await issueKey(registry, { owner: 'acct_ops', label: 'deploy', deliveryTarget: { kind: 'actions-secret', repo: `acme/${name}`, name: 'DEPLOY_KEY' } });
    plaintexts.push(key.plaintext);
    const repo = world.repo();
    repo.commit('deploy', { 'deploy.env': `TOKEN=${key.plaintext}\n` });

    const responder = world.spawnResponder(repo, `acme/${name}`, { ...env, LEAKSTOP_TEST_STEP_DELAY_MS: String(STEP_DELAY_MS) });
    if (killAfterMs !== undefined) setTimeout(() => responder.child.kill('SIGKILL'), killAfterMs);
    await responder.done;
    const resume = await world.cli(['respond', '--resume'], { env });
    expect(resume.code, resume.stderr).toBe(0);
    if ((await withRegistry(registry, async (open) => (await open.responses.incidents()).length)) === 0) {
      const rescan = await world.respond(repo, `acme/${name}`, [], { env });
      expect(rescan.stderr, rescan.stderr).toContain('Response: 1 of 1 incident(s) complete');
    }

    const replacement = await withRegistry(registry, async (open) => {
      const leaked = (await open.get(key.record.id))!;
      expect(leaked.status).toBe('revoked');
      expect((await open.audit()).filter((entry) => entry.action === 'revoke')).toHaveLength(1);
      const [incident, ...more] = await open.responses.incidents();
      expect(more).toEqual([]);
      for (const step of await open.responses.steps(incident!.id)) expect(step.state).toBe('done');
      expect((await open.replacement(leaked.replacedBy!))?.state).toBe('sealed');
      return (await open.get(leaked.replacedBy!))!;
    });
    const stored = world.github.openActionsSecret('acme', name, 'DEPLOY_KEY');
    expect(stored).toBeDefined();
    plaintexts.push(stored!);
    expect(secretHash(stored!)).toBe(replacement.hash);
    // Every write carried the same sealed value: one key was minted, however often the PUT was retried.
    const writes = world.github.requests.filter((request) => request.method === 'PUT' && request.path === `/repos/acme/${name}/actions/secrets/DEPLOY_KEY`);
    expect(new Set(writes.map((request) => request.body)).size).toBe(1);
    const claim = await runCli(['registry', 'claim', replacement.id, '--secret-key', ownerKey], { env });
    expect(claim.code, claim.stderr).toBe(0);
    expect(claim.stdout.trim()).toBe(stored);
    expect(world.issuesOf('acme', name)).toHaveLength(1);
    fs.rmSync(registry, { force: true });
  }

  it(`writes and seals one replacement after ${RUNS} random kills`, async () => {
    expect(fullRunMs).toBeGreaterThan(0);
    await killAtRandom(RUNS, PARALLEL, fullRunMs, runOnce);
    const seen = world.everythingSeen();
    for (const plaintext of plaintexts) expect(seen.includes(plaintext)).toBe(false);
  }, 300_000);
});
