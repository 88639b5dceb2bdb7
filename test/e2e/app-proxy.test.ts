// Behind a proxy (GitHub Enterprise Server reached only through one): with HTTP_PROXY set, the
// app's GitHub API calls and its git fetches go through the proxy; a host NO_PROXY names is
// reached directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld } from '../helpers/app-world.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import type { TestRepo } from '../helpers/git-repo.js';

let world: AppWorld;
let proxy: ForwardProxy;
let installationId: number;
let work: TestRepo;
const OWNER = 'acme';
const REPO = 'api';
/** No proxy setting of the machine running the tests leaks in. */
const NO_PROXY_VARS = Object.fromEntries(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'].map((name) => [name, undefined]));

async function pushAndDeliver(files: Record<string, string>) {
  work.commit('change', files);
  const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
  expect((await world.deliverPush({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId })).status).toBeLessThan(300);
  return world.completedCheckRun(pushed.after);
}

beforeAll(async () => {
  world = await AppWorld.start();
  proxy = await startForwardProxy();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO] }).id;
  work = world.workingCopy();
});

afterAll(async () => {
  await world?.close();
  await proxy?.close();
});

describe('the app behind a proxy', () => {
  it('sends its GitHub API calls and its git fetches through HTTP_PROXY', async () => {
    await world.startApp({ ...NO_PROXY_VARS, HTTP_PROXY: proxy.url });
    const run = await pushAndDeliver({ 'README.md': '# api\n' });
    expect(run.conclusion).toBe('success');
    await world.app.stop();
    const github = new URL(world.github.url);
    // API calls: tunnelled to GitHub's host.
    expect(proxy.seen).toContain(`CONNECT ${github.host}`);
    // git: forwarded requests for the repository.
    expect(proxy.seen).toContain(`GET ${github.origin}/${OWNER}/${REPO}.git/info/refs?service=git-upload-pack`);
    expect(proxy.seen).toContain(`POST ${github.origin}/${OWNER}/${REPO}.git/git-upload-pack`);
  });

  it('reaches a host NO_PROXY names directly', async () => {
    proxy.seen.length = 0;
    await world.startApp({ ...NO_PROXY_VARS, HTTP_PROXY: proxy.url, NO_PROXY: new URL(world.github.url).hostname });
    const run = await pushAndDeliver({ 'CHANGELOG.md': '# changes\n' });
    expect(run.conclusion).toBe('success');
    await world.app.stop();
    expect(proxy.seen).toEqual([]);
  });
});
