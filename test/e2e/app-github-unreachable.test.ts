// GitHub not answering the app: the first retry of a call is announced at once, in one warning
// naming the host and the call, and the check run (which can still be written) says the part
// of the response that waits for GitHub is pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;
const OWNER = 'acme';
const REPO = 'shop';

async function pushAndDeliver(files: Record<string, string>) {
  work.commit('change', files);
  const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
  expect((await world.deliverPush({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId })).status).toBeLessThan(300);
  return { ...pushed, run: await world.completedCheckRun(pushed.after) };
}

/** The app's log lines that mention `text`, parsed. */
function logLinesAbout(text: string): { level: number; time: number; msg: string }[] {
  return world.app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(text))
    .map((line) => JSON.parse(line) as { level: number; time: number; msg: string });
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO] }).id;
  work = world.workingCopy();
  // GitHub's waits between retries, a hundredth as long.
  await world.startApp({ LEAKSTOP_GITHUB_TIME_SCALE: '0.01' });
});

afterAll(async () => {
  await world?.close();
});

describe('GitHub not answering', () => {
  it('warns once, naming the host and the call, when the first retry starts; the check run says the response is pending', async () => {
    const host = new URL(world.github.url).host;
    const path = `/repos/${OWNER}/${REPO}/actions/secrets/SHOP_KEY`;
    // Every attempt of one call (the first try and the app's 3 retries) is answered 502.
    const fault = world.github.faults.add({ method: 'PUT', path, times: 4, respond: { status: 502 } });
    const issued = await world.issueKey({ owner: 'acct_shop', label: 'shop', deliveryTarget: { kind: 'actions-secret', repo: `${OWNER}/${REPO}`, name: 'SHOP_KEY' } });
    const { run } = await pushAndDeliver({ 'shop.env': `SHOP_KEY=${issued.plaintext}\n` });

    expect((await world.key(issued.record.id))?.status).toBe('revoked');
    expect(fault.hits).toBe(4);
    const message = run.annotations[0]!.message!;
    expect(message).toContain('Leakstop revoked it; the rest of the response is pending');
    expect(message).toContain('`leakstop respond --resume` finishes it');

    const warnings = logLinesAbout(`PUT /api/v3${path}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40 });
    expect(warnings[0]!.msg).toContain(host);
    expect(warnings[0]!.msg).toContain('HTTP 502');
    // GitHub answers again: the response's second pass (after the check run) writes the secret.
    // (The webhook is answered when queued, so the second pass may still be running here.)
    await waitFor('the Actions secret to be written', () => world.github.openActionsSecret(OWNER, REPO, 'SHOP_KEY'));
    // Said when the first retry started, not when the retries were given up.
    const attempts = world.github.requests.filter((request) => request.method === 'PUT' && request.path.endsWith(path));
    expect(attempts.length).toBeGreaterThan(4);
    expect(warnings[0]!.time).toBeGreaterThanOrEqual(attempts[0]!.at.getTime());
    expect(warnings[0]!.time).toBeLessThanOrEqual(attempts[1]!.at.getTime());
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });

  it('names a call whose connection was dropped unanswered, and goes on when GitHub answers again', async () => {
    const host = new URL(world.github.url).host;
    world.github.faults.add({ method: 'GET', path: /\/commits\/[0-9a-f]{40}\/check-runs$/, times: 1, respond: { timeoutMs: 100 } });
    const { run, after } = await pushAndDeliver({ 'README.md': '# shop\n' });
    expect(run.conclusion).toBe('success');
    const warnings = logLinesAbout(`/commits/${after}/check-runs`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40 });
    expect(warnings[0]!.msg).toContain(`GitHub at ${host}`);
    expect(warnings[0]!.msg).toMatch(/no response/);
  });
});
