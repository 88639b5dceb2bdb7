// Installing the app: every repository it gains has its whole history scanned (all branches,
// commits since deleted) and gets a check run on its default branch's head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { sendWebhook } from '../github/send-webhook.js';
import { installationPayload, installationRepositoriesPayload } from '../github/webhook-payloads.js';
import { AppWorld, APP_ID, waitFor } from '../helpers/app-world.js';

let world: AppWorld;
const OWNER = 'globex';

/** A repository with `commits` on main, pushed to the emulator; returns main's head. */
async function seedRepo(name: string, commits: Record<string, string>[], extra?: (work: ReturnType<AppWorld['workingCopy']>) => void): Promise<string> {
  await world.github.createRepo(OWNER, name, { private: true, ownerType: 'Organization' });
  const work = world.workingCopy();
  for (const [index, files] of commits.entries()) work.commit(`commit ${index + 1}`, files);
  const { after } = await world.push(work, OWNER, name, 'refs/heads/main');
  if (extra) {
    extra(work);
    await world.push(work, OWNER, name, 'refs/heads/topic', { source: 'topic' });
  }
  return after;
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.startApp({ LEAKSTOP_SCAN_CONCURRENCY: '2' });
});

afterAll(async () => {
  await world?.close();
});

describe('installation', () => {
  it('scans the full history of every repository of a new installation', async () => {
    const deleted = expandTemplate('ghp_{crc32:30}');
    const onTopic = expandTemplate('ghp_{crc32:30}');
    const ours = await world.issueKey({ owner: 'acct_5', label: 'globex ci' });
    const heads = {
      // A key of ours, committed and then removed.
      one: await seedRepo('one', [{ 'a.txt': 'one\n' }, { 'ci.env': `KEY=${ours.plaintext}\n` }, { 'ci.env': 'KEY=\n' }]),
      // A key added and deleted on main: only the history still holds it.
      two: await seedRepo('two', [{ 'app.env': `GITHUB=${deleted}\n` }, { 'app.env': 'GITHUB=\n' }, { 'c.txt': 'three\n' }]),
      // A key only on a branch other than the default one.
      three: await seedRepo('three', [{ 'index.js': 'module.exports = 1;\n' }], (work) => {
        work.git(['checkout', '-q', '-b', 'topic']);
        work.commit('topic work', { 'lib/client.js': `\nconst gh = '${onTopic}';\n` });
      }),
    };
    const installation = world.github.createInstallation({ account: OWNER, repos: ['one', 'two', 'three'] });
    const status = await sendWebhook(world.app.webhookUrl, {
      event: 'installation',
      payload: installationPayload(world.github, { installationId: installation.id }),
      secret: world.webhookSecret,
      appId: APP_ID,
    });
    expect(status).toBe(202);

    const one = await world.completedCheckRun(heads.one);
    const two = await world.completedCheckRun(heads.two);
    const three = await world.completedCheckRun(heads.three);
    for (const run of [one, two, three]) expect(run.output.summary).toContain('the full history of');
    expect(one.conclusion).toBe('failure');
    expect(one.output.summary).toMatch(/Scanned 3 commits, 3 blobs/);
    expect(one.annotations.map((a) => [a.path, a.start_line])).toEqual([['ci.env', 1]]);
    expect(await world.key(ours.record.id)).toMatchObject({ status: 'revoked' });
    const repoOne = world.github.state.repo(OWNER, 'one')!;
    await waitFor('the incident issue in globex/one', () => (world.github.state.issuesOf(repoOne.id).length === 1 ? true : undefined));
    expect(two.conclusion).toBe('failure');
    expect(two.output.summary).toMatch(/Scanned 3 commits/);
    expect(two.annotations.map((a) => [a.path, a.start_line])).toEqual([['app.env', 1]]);
    expect(three.conclusion).toBe('failure');
    expect(three.annotations.map((a) => [a.path, a.start_line])).toEqual([['lib/client.js', 2]]);
    const seen = world.everythingSeen();
    expect(seen).not.toContain(deleted);
    expect(seen).not.toContain(onTopic);
    expect(seen).not.toContain(ours.plaintext);
  });

  it('scans a repository added later, and stops the scan of one removed while it runs', async () => {
    const headFour = await seedRepo('four', [{ 'x.txt': 'x\n' }]);
    const headFive = await seedRepo('five', [{ 'y.txt': 'y\n' }]);
    const installation = world.github.createInstallation({ account: OWNER, repos: ['one'] });
    // Five's fetch is held by "GitHub" long enough for its removal to arrive mid-scan.
    world.github.faults.add({ method: 'POST', path: /\/five\.git\/git-upload-pack$/, respond: { timeoutMs: 4_000, afterTimeout: 'handle' } });
    const send = (payload: unknown) =>
      sendWebhook(world.app.webhookUrl, { event: 'installation_repositories', payload, secret: world.webhookSecret, appId: APP_ID });

    world.github.addInstallationRepos(installation.id, ['four', 'five']);
    expect(await send(installationRepositoriesPayload(world.github, { installationId: installation.id, action: 'added', repos: ['four', 'five'] }))).toBe(202);
    expect((await world.completedCheckRun(headFour)).conclusion).toBe('success');
    await waitFor("five's fetch to reach GitHub", () => world.github.requests.find((r) => /\/five\.git\/git-upload-pack$/.test(r.path)));

    world.github.removeInstallationRepos(installation.id, ['five']);
    expect(await send(installationRepositoriesPayload(world.github, { installationId: installation.id, action: 'removed', repos: ['five'] }))).toBe(202);
    await waitFor('the scan of five to stop', () => (/"repo":"globex\/five"[^\n]*history scan stopped/.test(world.app.output()) ? true : undefined));
    expect(world.checkRunsOn(headFive)).toEqual([]);
  });
});
