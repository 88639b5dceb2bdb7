// LEAKSTOP_DRY_RUN: the app reports what it would do and changes nothing — no revocation,
// no replacement, no issue, no Actions secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld } from '../helpers/app-world.js';

let world: AppWorld;

beforeAll(async () => {
  world = await AppWorld.start();
  await world.startApp({ LEAKSTOP_DRY_RUN: 'true' });
});

afterAll(async () => {
  await world?.close();
});

describe('dry run', () => {
  it('reports a leaked key of ours with the plan, and leaves the registry and GitHub alone', async () => {
    await world.github.createRepo('umbrella', 'lab', { private: true, ownerType: 'Organization' });
    const installationId = world.github.createInstallation({ account: 'umbrella', repos: ['lab'] }).id;
    const issued = await world.issueKey({
      owner: 'acct_9',
      label: 'lab',
      deliveryTarget: { kind: 'actions-secret', repo: 'umbrella/lab', name: 'LAB_KEY' },
    });
    const work = world.workingCopy();
    work.commit('leak', { 'lab.env': `LAB_KEY=${issued.plaintext}\n` });
    const pushed = await world.push(work, 'umbrella', 'lab', 'refs/heads/main');
    await world.deliverPush({ owner: 'umbrella', repo: 'lab', ref: 'refs/heads/main', ...pushed, installationId });
    const run = await world.completedCheckRun(pushed.after);

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => [a.path, a.start_line])).toEqual([['lab.env', 1]]);
    expect(run.output.summary).toContain('dry run (LEAKSTOP_DRY_RUN), nothing was changed; would: revoke the key');
    expect(run.output.summary).toContain('mint it, write it to the Actions secret LAB_KEY in umbrella/lab');
    expect(await world.key(issued.record.id)).toMatchObject({ status: 'active' });
    expect((await world.key(issued.record.id))?.replacedBy).toBeUndefined();
    expect(world.github.state.issues).toEqual([]);
    expect(world.github.state.actionsSecrets).toEqual([]);
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });
});
