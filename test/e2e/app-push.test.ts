// The GitHub App end to end, as a user meets it: the real server (`npm start`) against the
// emulator; commits pushed over git HTTP; push webhooks delivered and signed as GitHub does.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from '../github/send-webhook.js';
import { pushPayload } from '../github/webhook-payloads.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { AppWorld, APP_ID, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;

const OWNER = 'acme';
const REPO = 'api';

/** Commits `files` in the working copy, pushes to `ref` and delivers the push webhook. */
async function pushAndDeliver(files: Record<string, string>, options: { ref?: string; force?: boolean; message?: string } = {}) {
  const ref = options.ref ?? 'refs/heads/main';
  if (Object.keys(files).length > 0 || !options.force) work.commit(options.message ?? 'change', files);
  return world.pushAndDeliver(work, { owner: OWNER, repo: REPO, ref, installationId, force: options.force });
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO] }).id;
  work = world.workingCopy();
  await world.startApp();
});

afterAll(async () => {
  await world?.close();
});

describe('push webhooks', () => {
  it('reports a clean push as a successful check run that says what was scanned', async () => {
    const { after, run } = await pushAndDeliver({ 'README.md': '# api\n', 'src/index.ts': 'export const answer = 42;\n' });
    expect(run).toMatchObject({ name: 'Leakstop', headSha: after, conclusion: 'success' });
    expect(run.output.title).toBe('No secrets found');
    expect(run.output.summary).toMatch(/Scanned 1 commit, 2 blobs/);
    expect(run.annotations).toEqual([]);
  });

  it("annotates another provider's key at its path and line, with how to rotate it", async () => {
    const token = expandTemplate('ghp_{crc32:30}');
    const { run } = await pushAndDeliver({ 'config/deploy.sh': `#!/bin/sh\nset -e\necho ${token} | gh auth login --with-token\n` });
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]).toMatchObject({ path: 'config/deploy.sh', start_line: 3, end_line: 3, annotation_level: 'failure' });
    // A checksummed token shows its prefix and last four: characters of its checksum, none of its random part.
    expect(run.annotations[0]!.message).toContain(`ghp_…${token.slice(-4)}`);
    // Not a key of ours: named by its keyed fingerprint, never by a SHA-256 a wordlist could reverse.
    expect(run.annotations[0]!.raw_details).toMatch(/\nfingerprint [0-9a-f]{12}…$/);
    expect(run.annotations[0]!.raw_details).not.toContain(createHash('sha256').update(token).digest('hex').slice(0, 12));
    expect(run.output.summary).toMatch(/Scanned 1 commit, 1 blob/);
    expect(world.everythingSeen()).not.toContain(token);
  });

  it('rejects unsigned and wrongly signed webhooks and does nothing for them', async () => {
    work.commit('unsigned', { 'notes.txt': 'hello\n' });
    const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
    const payload = await pushPayload(world.github, { owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId });
    const unsigned = await sendWebhook(world.app.webhookUrl, { event: 'push', payload, appId: APP_ID });
    const forged = await sendWebhook(world.app.webhookUrl, { event: 'push', payload, secret: 'not-the-secret', appId: APP_ID });
    expect(unsigned).toBeGreaterThanOrEqual(400);
    expect(forged).toBeGreaterThanOrEqual(400);
    expect(world.checkRunsOn(pushed.after)).toEqual([]);
  });

  it('logs a badly signed delivery in one line, without a stack trace or the payload', async () => {
    const marker = `marker${Date.now()}`;
    work.commit(`forged ${marker}`, { 'forged.txt': 'hello\n' });
    const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
    const payload = await pushPayload(world.github, { owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId });
    const before = world.app.output().length;
    const newLines = () => world.app.output().slice(before).split('\n').filter(Boolean);
    expect(await sendWebhook(world.app.webhookUrl, { event: 'push', payload, secret: 'not-the-secret', appId: APP_ID, deliveryId: 'forged-1' })).toBe(400);
    await waitFor('the forged delivery to be logged', () => (newLines().length >= 1 ? true : undefined));
    expect(await sendWebhook(world.app.webhookUrl, { event: 'push', payload, appId: APP_ID, deliveryId: 'unsigned-1' })).toBe(400);
    await waitFor('the unsigned delivery to be logged', () => (newLines().length >= 2 ? true : undefined));
    // A good delivery afterwards: whatever the refused ones logged has been written by the time it is handled.
    const good = await pushAndDeliver({ 'after-forged.txt': 'fine\n' });
    expect(good.run.conclusion).toBe('success');
    await waitFor('the good push to be logged', () => (newLines().some((line) => line.includes('push handled')) ? true : undefined));
    const refused = newLines().slice(0, newLines().findIndex((line) => line.includes('"repo":"acme/api"')));
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('forged-1');
    expect(refused[1]).toContain('unsigned-1');
    for (const line of refused) {
      expect(JSON.parse(line)).toMatchObject({ level: 40 });
      expect(line).toMatch(/signature/);
      expect(line).not.toMatch(/stack|\bat \S+ \(/);
      expect(line).not.toContain(marker);
      expect(line).not.toContain(pushed.after);
    }
  });

  it('scans only the new commits of a new branch, then only the rewritten ones of a force push', async () => {
    work.git(['checkout', '-q', '-b', 'feature']);
    const branch = await pushAndDeliver({ 'src/feature.ts': 'export const feature = true;\n' }, { ref: 'refs/heads/feature' });
    // The key already on main is not reported again: only the branch's own commit was scanned.
    expect(branch.run.conclusion).toBe('success');
    expect(branch.run.output.summary).toContain('new ref feature');
    expect(branch.run.output.summary).toMatch(/Scanned 1 commit, 1 blob/);

    const token = expandTemplate('ghp_{crc32:30}');
    work.write('src/feature.ts', `export const feature = true;\nconst auth = "${token}";\n`);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--amend', '-m', 'feature, amended']);
    const forced = await pushAndDeliver({}, { ref: 'refs/heads/feature', force: true });
    expect(forced.run.output.summary).toContain('force push to feature');
    expect(forced.run.output.summary).toMatch(/Scanned 1 commit, 1 blob/);
    expect(forced.run.annotations.map((a) => [a.path, a.start_line])).toEqual([['src/feature.ts', 2]]);
    work.git(['checkout', '-q', 'main']);
  });

  it('changes nothing when a push webhook is delivered again', async () => {
    work.commit('redelivered', { 'docs/guide.md': 'How to use the api.\n' });
    const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
    const input = { owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId };
    const deliveryId = 'f0e1d2c3-0000-4000-8000-000000000001';
    expect((await world.deliverPush(input, deliveryId)).status).toBe(202);
    await world.completedCheckRun(pushed.after);
    const writesBefore = world.github.requests.filter((r) => r.method !== 'GET').length;
    // GitHub's redelivery keeps the delivery id; a duplicate delivery may not.
    expect((await world.deliverPush(input, deliveryId)).status).toBe(202);
    expect((await world.deliverPush(input)).status).toBe(202);
    expect(world.checkRunsOn(pushed.after)).toHaveLength(1);
    expect(world.github.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });

  it('sends its installation token to git only as a header: never in a URL or a log line', async () => {
    const fetches = world.github.requests.filter((r) => /\/api\.git\/(info\/refs|git-upload-pack)$/.test(r.path) && r.headers['user-agent']?.includes('git/'));
    expect(fetches.length).toBeGreaterThan(0);
    const tokens = [...world.github.state.installationTokens.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    for (const request of fetches) expect(request.headers.authorization).toMatch(/^Basic /);
    const urls = world.github.requests.map((r) => r.url).join('\n');
    for (const token of tokens) {
      expect(urls).not.toContain(token);
      expect(world.app.output()).not.toContain(token);
    }
  });
});

