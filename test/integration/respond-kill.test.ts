// The kill test: the responder is SIGKILLed at random moments over a scenario with several
// leaked keys; after `respond --resume` (or, when it was killed before recording anything, the
// next scan) every response is complete and no
// step was done twice — one revocation, one replacement, one issue per key, each place reported once.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotifyReceiver, type NotifyReceiver } from '../helpers/notify-receiver.js';
import { killAtRandom, RespondWorld, type IssuedKey } from '../helpers/respond-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

const RUNS = 30;
/** Runs at a time: each has its own registry and emulated repository. */
const PARALLEL = 3;
/** Each step pauses up to this long after its intent and after its effect (LEAKSTOP_TEST_STEP_DELAY_MS). */
const STEP_DELAY_MS = 40;

// 30 runs take about a minute alone, more beside other tests.
describe('a responder killed at random moments', { timeout: 240_000 }, () => {
  let world: RespondWorld;
  let receiver: NotifyReceiver;
  /** Every responder tells the owner-notification hook of its revocations. */
  let notify: Record<string, string>;
  let repo: TestRepo;
  let template: string;
  let keys: IssuedKey[];
  /** How long an uninterrupted response takes here: kills are spread over it. */
  let fullRunMs = 0;

  beforeAll(async () => {
    world = await RespondWorld.start();
    receiver = await startNotifyReceiver();
    notify = { LEAKSTOP_NOTIFY_URL: receiver.url, LEAKSTOP_NOTIFY_SECRET: 'kill-test' };
    template = world.registrySpec;
    const ownerKey = path.join(world.dir, 'owner.key');
    await world.cli(['registry', 'owner', 'keygen', ownerKey]);
    await world.cli(['registry', 'owner', 'add', 'acct_a', '--public-key', `${ownerKey}.pub`]);
    keys = [
      await world.issueKey({ owner: 'acct_a', label: 'alpha' }),
      await world.issueKey({ owner: 'acct_b', label: 'beta' }),
      await world.issueKey({ owner: 'acct_c', label: 'gamma', environment: 'test' }),
    ];
    repo = world.repo();
    repo.commit('config', { '.env': `A=${keys[0]!.plaintext}\nB=${keys[1]!.plaintext}\n` });
    repo.commit('more config', { 'deploy/values.yaml': `gamma: ${keys[2]!.plaintext}\nalpha: ${keys[0]!.plaintext}\n` });

    // Calibration: one uninterrupted run with the same step delays.
    const started = Date.now();
    await runOnce(-1, undefined);
    fullRunMs = Date.now() - started;
  });

  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  });

  function registryFor(run: number): string {
    const file = path.join(world.dir, `run-${run}.db`);
    fs.copyFileSync(template, file);
    return file;
  }

  /** One run: respond, kill after `killAfterMs` (none: let it finish), resume (and scan again if need be); then check. */
  async function runOnce(run: number, killAfterMs: number | undefined): Promise<void> {
    const name = `shop-${run + 1}`;
    await world.createRepo('acme', name);
    const registry = registryFor(run);
    const responder = world.spawnResponder(repo, `acme/${name}`, { ...notify, LEAKSTOP_REGISTRY: registry, LEAKSTOP_TEST_STEP_DELAY_MS: String(STEP_DELAY_MS) });
    if (killAfterMs !== undefined) setTimeout(() => responder.child.kill('SIGKILL'), killAfterMs);
    await responder.done;
    const resume = await world.cli(['respond', '--resume'], { env: { ...notify, LEAKSTOP_REGISTRY: registry } });
    expect(resume.code, resume.stderr).toBe(0);
    // A kill before the findings were recorded leaves nothing to resume: the next scan responds.
    const recorded = await world.withRegistry(async (open) => (await open.responses.incidents()).length, registry);
    if (recorded < keys.length) {
      const rescan = await world.respond(repo, `acme/${name}`, [], { env: { ...notify, LEAKSTOP_REGISTRY: registry } });
      expect(rescan.stderr, rescan.stderr).toContain('Response: 3 of 3 incident(s) complete');
    } else {
      expect(resume.stdout).not.toContain('not complete');
    }
    await expectEachStepOnce(registry, name);
  }

  async function expectEachStepOnce(registry: string, name: string): Promise<void> {
    await world.withRegistry(async (open) => {
      const audit = await open.audit();
      for (const { record } of keys) {
        const key = (await open.get(record.id))!;
        expect(key.status).toBe('revoked');
        expect(audit.filter((entry) => entry.keyId === record.id && entry.action === 'revoke')).toHaveLength(1);
        const replacement = (await open.replacement(key.replacedBy!))!;
        expect(replacement.replaces).toBe(record.id);
        expect(replacement.state).toBe(record.owner === 'acct_a' ? 'sealed' : 'reserved');
      }
      const incidents = await open.responses.incidents();
      expect(incidents).toHaveLength(3);
      for (const incident of incidents) {
        for (const step of await open.responses.steps(incident.id)) expect(step.state).toBe('done');
      }
    }, registry);
    const issues = world.issuesOf('acme', name);
    expect(issues).toHaveLength(3);
    expect(world.github.requests.filter((request) => request.method === 'POST' && request.path === `/repos/acme/${name}/issues` && request.status === 201)).toHaveLength(3);
    // Four places (alpha twice): each reported exactly once, in an issue body or a comment.
    const texts = issues.flatMap((issue) => [issue.body ?? '', ...world.commentsOn('acme', name, issue.number)]);
    const places = texts.flatMap((text) => text.match(/\/blob\/[0-9a-f]{40}\/[^)#]+#L\d+/g) ?? []);
    expect(places).toHaveLength(4);
    expect(new Set(places).size).toBe(4);
    // Each revocation was announced; a kill between the hook's answer and the step's record may
    // send it again, but only ever the very same event.
    const events = receiver.events.map((event) => JSON.parse(event.body)).filter((event) => event.found.repository === `acme/${name}`);
    for (const { record } of keys) {
      const ofKey = events.filter((event) => event.key_id === record.id);
      expect(ofKey.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ofKey.map((event) => JSON.stringify(event))).size).toBe(1);
    }
  }

  it(`completes every response exactly once after ${RUNS} random kills`, async () => {
    expect(fullRunMs).toBeGreaterThan(0);
    await killAtRandom(RUNS, PARALLEL, fullRunMs, runOnce);
    const seen = world.everythingSeen();
    for (const { plaintext } of keys) expect(seen.includes(plaintext)).toBe(false);
  }, 300_000);
});
