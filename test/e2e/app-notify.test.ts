// Owner notification from the push intake: the revocation of a pushed key is POSTed, signed,
// to LEAKSTOP_NOTIFY_URL. A receiver that is down gets its retries and then the event waits in
// the response log — the issue is filed meanwhile — until a resume delivers it, once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import { signedWith, startNotifyReceiver, type NotifyReceiver } from '../helpers/notify-receiver.js';
import { runCli } from '../helpers/run-cli.js';

const NOTIFY_SECRET = randomBytes(16).toString('hex');
let world: AppWorld;
let receiver: NotifyReceiver;

beforeAll(async () => {
  world = await AppWorld.start();
  receiver = await startNotifyReceiver();
  await world.github.createRepo('acme', 'shop', { private: true, ownerType: 'Organization' });
  world.github.createInstallation({ account: 'acme', repos: ['shop'] });
  await world.startApp({ LEAKSTOP_NOTIFY_URL: receiver.url, LEAKSTOP_NOTIFY_SECRET: NOTIFY_SECRET });
});

afterAll(async () => {
  await world?.close();
  await receiver?.close();
});

describe('owner notification of a pushed key', () => {
  it('retries a receiver that is down, files the issue anyway, and a resume notifies once', async () => {
    receiver.answer = 503;
    const issued = await world.issueKey({ owner: 'acct_5', label: 'orders' });
    const work = world.workingCopy();
    work.commit('leak', { 'orders.env': `ORDERS_KEY=${issued.plaintext}\n` });
    const installationId = [...world.github.state.installations.values()][0]!.id;
    const { after } = await world.pushAndDeliver(work, { owner: 'acme', repo: 'shop', ref: 'refs/heads/main', installationId });
    const repo = world.github.state.repo('acme', 'shop')!;
    await waitFor('the incident issue', () => (world.github.state.issuesOf(repo.id).length > 0 ? true : undefined));
    await waitFor('the response to end', () => (world.app.output().includes('incident response') ? true : undefined));
    // Each response to the incident made every try before giving up, each the same signed event.
    const tries = receiver.events.length;
    expect(tries).toBeGreaterThan(0);
    expect(tries % 4).toBe(0);
    expect(new Set(receiver.events.map((event) => event.body)).size).toBe(1);
    expect(receiver.events.every((event) => signedWith(event, NOTIFY_SECRET))).toBe(true);
    const incident = await world.withRegistry(async (registry) => (await registry.responses.incidents())[0]!);
    const notify = await world.withRegistry(async (registry) => (await registry.responses.steps(incident.id)).find((step) => step.step === 'notify'));
    expect(notify).toMatchObject({ state: 'failed' });
    expect(notify!.error).toMatch(/did not take event \S+: answered 503/);

    receiver.answer = 204;
    const env = { LEAKSTOP_REGISTRY: world.registryPath, LEAKSTOP_NOTIFY_URL: receiver.url, LEAKSTOP_NOTIFY_SECRET: NOTIFY_SECRET, GITHUB_TOKEN: undefined };
    const resumed = await runCli(['respond', '--resume'], { env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(receiver.events).toHaveLength(tries + 1);
    const key = await world.key(issued.record.id);
    expect(JSON.parse(receiver.events[tries]!.body)).toMatchObject({
      type: 'key.revoked',
      key_id: issued.record.id,
      owner: 'acct_5',
      label: 'orders',
      found: { repository: 'acme/shop', commit: after, path: 'orders.env', line: 1 },
      revoked_at: key!.revokedAt,
      replacement_id: key!.replacedBy,
    });
    // Done now: a second resume (or a redelivered webhook) sends nothing.
    expect((await runCli(['respond', '--resume'], { env })).code).toBe(0);
    expect(receiver.events).toHaveLength(tries + 1);
    for (const event of receiver.events) expect(event.body).not.toContain(issued.plaintext);
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });
});
