// The whole loop for a key of ours: a registered key pushed over git HTTP, the signed push
// webhook, and then — revoked, replaced (written to its Actions secret where one is named, and
// sealed to its owner too when the owner has a public key),
// one incident issue, a failing check run at the leaked line, and no plaintext anywhere.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKSTOP_APP_PERMISSIONS } from '../github/emulator.js';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;
const OWNER = 'acme';
const REPO = 'shop';
const plaintexts: string[] = [];

async function pushAndDeliver(files: Record<string, string>, deliveryId?: string) {
  work.commit('change', files);
  const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
  const input = { owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId };
  expect((await world.deliverPush(input, deliveryId)).status).toBe(202);
  return { ...pushed, input, run: await world.completedCheckRun(pushed.after) };
}

function issuesOfShop() {
  const repo = world.github.state.repo(OWNER, REPO)!;
  return world.github.state.issuesOf(repo.id);
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO] }).id;
  work = world.workingCopy();
  work.commit('initial', { 'README.md': '# shop\n' });
  await world.push(work, OWNER, REPO, 'refs/heads/main');
  await world.startApp();
});

afterAll(async () => {
  await world?.close();
});

describe('a registered key pushed to GitHub', () => {
  it('is revoked and replaced, gets one incident issue and a failing check run at its line', async () => {
    const issued = await world.issueKey({ owner: 'acct_42', label: 'billing' });
    plaintexts.push(issued.plaintext);
    const { after, run, input } = await pushAndDeliver({ 'config/billing.env': `REGION=eu\nBILLING_KEY=${issued.plaintext}\n` }, 'a1b2c3d4-0000-4000-8000-00000000000a');

    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]).toMatchObject({ path: 'config/billing.env', start_line: 2, end_line: 2, annotation_level: 'failure' });
    expect(run.annotations[0]!.message).toContain(`Registered key ${issued.record.id} (owner acct_42, "billing")`);
    expect(run.output.title).toBe('1 secret found (1 registered key revoked)');

    const key = await world.key(issued.record.id);
    expect(key).toMatchObject({ status: 'revoked', revocationReason: `leaked in ${OWNER}/${REPO}@${after}:config/billing.env:2` });
    expect(key?.replacedBy).toBeDefined();
    // Reserved for its owner, who claims it (no public key registered): minted only then.
    const replacement = await world.withRegistry((registry) => registry.replacement(key!.replacedBy!));
    expect(replacement).toMatchObject({ owner: 'acct_42', replaces: issued.record.id, state: 'reserved' });
    expect(run.output.summary).toContain(`replacement ${key!.replacedBy} reserved for its owner to claim`);

    const [issue, ...more] = await waitFor('the incident issue', () => (issuesOfShop().length > 0 ? issuesOfShop() : undefined));
    expect(more).toEqual([]);
    expect(issue!.body).toContain(`config/billing.env`);
    expect(issue!.body).toContain(after);
    const labels = issue!.labelIds.map((id) => world.github.state.labels.find((label) => label.id === id)?.name);
    expect(labels.sort()).toEqual(['leaked-secret', 'security']);

    // A redelivery (same delivery id) and a duplicate delivery change nothing.
    const audit = await world.withRegistry((registry) => registry.audit());
    const writes = world.github.requests.filter((r) => r.method !== 'GET').length;
    expect((await world.deliverPush(input, 'a1b2c3d4-0000-4000-8000-00000000000a')).status).toBe(202);
    expect((await world.deliverPush(input)).status).toBe(202);
    expect(world.checkRunsOn(after)).toHaveLength(1);
    expect(issuesOfShop()).toHaveLength(1);
    expect(world.github.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect(await world.withRegistry((registry) => registry.audit())).toEqual(audit);
  });

  it('comments on the same issue when the key is seen again, without revoking twice', async () => {
    const [issued] = await world.withRegistry((registry) => registry.list({ owner: 'acct_42', status: 'revoked' }));
    const plaintext = plaintexts[0]!;
    const { run } = await pushAndDeliver({ 'scripts/charge.sh': `#!/bin/sh\ncurl -u "${plaintext}:" https://billing.example.test/charge\n` });
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => [a.path, a.start_line])).toEqual([['scripts/charge.sh', 2]]);
    const repo = world.github.state.repo(OWNER, REPO)!;
    await waitFor('a comment on the incident issue', () => (world.github.state.comments.some((c) => c.repoId === repo.id) ? true : undefined));
    expect(issuesOfShop()).toHaveLength(1);
    const revocations = (await world.withRegistry((registry) => registry.audit(issued!.id))).filter((entry) => entry.action.includes('revoke'));
    expect(revocations).toHaveLength(1);
  });

  it('writes the replacement into the Actions secret the key record names, sealed to the repository key', async () => {
    const issued = await world.issueKey({
      owner: 'acct_77',
      label: 'shipping',
      deliveryTarget: { kind: 'actions-secret', repo: `${OWNER}/${REPO}`, name: 'SHIPPING_KEY' },
    });
    plaintexts.push(issued.plaintext);
    const { run } = await pushAndDeliver({ 'shipping.yml': `carrier: parcels\napi_key: ${issued.plaintext}\n` });
    expect(run.conclusion).toBe('failure');
    const key = await world.key(issued.record.id);
    expect(key?.status).toBe('revoked');
    const replacement = await world.key(key!.replacedBy!);
    const stored = world.github.openActionsSecret(OWNER, REPO, 'SHIPPING_KEY');
    expect(stored).toBeDefined();
    plaintexts.push(stored!);
    // The secret holds the replacement: its hash is the one the registry recorded.
    expect(createHash('sha256').update(stored!).digest('hex')).toBe(replacement!.hash);
    expect(stored).not.toBe(issued.plaintext);
    expect(run.output.summary).toContain(`written to Actions secret SHIPPING_KEY in ${OWNER}/${REPO}`);
    const issue = await waitFor('the incident issue', () => issuesOfShop().find((candidate) => candidate.body?.includes(issued.record.id)));
    expect(issue.body).toContain(`Wrote the replacement to the Actions secret \`SHIPPING_KEY\` in \`${OWNER}/${REPO}\``);
    expect(issue.body).not.toContain('minted when it is claimed');
  });

  it('writes the Actions secret and seals the same replacement to an owner with a public key', async () => {
    const ownerSecretKey = path.join(world.dirs[0]!, 'owner.key');
    const env = { LEAKSTOP_REGISTRY: world.registryPath };
    expect((await runCli(['registry', 'owner', 'keygen', ownerSecretKey], { env })).code).toBe(0);
    const added = await runCli(['registry', 'owner', 'add', 'acct_88', '--public-key', `${ownerSecretKey}.pub`], { env });
    expect(added.code, added.stderr).toBe(0);
    const issued = await world.issueKey({
      owner: 'acct_88',
      label: 'labels',
      deliveryTarget: { kind: 'actions-secret', repo: `${OWNER}/${REPO}`, name: 'LABELS_KEY' },
    });
    plaintexts.push(issued.plaintext);
    const { run } = await pushAndDeliver({ 'labels.yml': `printer: zebra
api_key: ${issued.plaintext}
` });
    expect(run.conclusion).toBe('failure');
    const key = await world.key(issued.record.id);
    expect(key?.status).toBe('revoked');
    const replacement = await world.key(key!.replacedBy!);
    const stored = world.github.openActionsSecret(OWNER, REPO, 'LABELS_KEY');
    expect(stored).toBeDefined();
    plaintexts.push(stored!);
    expect(createHash('sha256').update(stored!).digest('hex')).toBe(replacement!.hash);
    expect(stored).not.toBe(issued.plaintext);
    // The owner's sealed copy opens, once, to the very key the workflows now use.
    const claim = await runCli(['registry', 'claim', replacement!.id, '--secret-key', ownerSecretKey], { env });
    expect(claim.code, claim.stderr).toBe(0);
    expect(claim.stdout.trim()).toBe(stored);
    expect(run.output.summary).toContain(`written to Actions secret LABELS_KEY in ${OWNER}/${REPO}`);
    expect(run.output.summary).toContain("sealed to its owner's public key");
    const issue = await waitFor('the incident issue', () => issuesOfShop().find((candidate) => candidate.body?.includes(issued.record.id)));
    expect(issue.body).toContain(`Wrote the replacement to the Actions secret \`LABELS_KEY\` in \`${OWNER}/${REPO}\``);
    expect(issue.body).toContain("Sealed the replacement to the owner's public key");
    // One write of the secret: the response minted once.
    const writes = world.github.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/actions/secrets/LABELS_KEY'));
    expect(writes).toHaveLength(1);
  });

  it('without `secrets: write`, mints nothing for the secret: the owner gets the replacement, and both reports say why', async () => {
    await world.github.createRepo('umbrella', 'depot', { private: true, ownerType: 'Organization' });
    const { secrets: _, ...withoutSecrets } = LEAKSTOP_APP_PERMISSIONS;
    const limited = world.github.createInstallation({ account: 'umbrella', repos: ['depot'], permissions: withoutSecrets }).id;
    const issued = await world.issueKey({ owner: 'acct_99', label: 'depot', deliveryTarget: { kind: 'actions-secret', repo: 'umbrella/depot', name: 'DEPOT_KEY' } });
    plaintexts.push(issued.plaintext);
    const depot = world.workingCopy();
    depot.commit('leak', { 'depot.env': `DEPOT_KEY=${issued.plaintext}\n` });
    const pushed = await world.push(depot, 'umbrella', 'depot', 'refs/heads/main');
    expect((await world.deliverPush({ owner: 'umbrella', repo: 'depot', ref: 'refs/heads/main', ...pushed, installationId: limited })).status).toBe(202);
    const run = await world.completedCheckRun(pushed.after);

    expect(run.conclusion).toBe('failure');
    const key = await world.key(issued.record.id);
    expect(key?.status).toBe('revoked');
    expect(await world.withRegistry((registry) => registry.replacement(key!.replacedBy!))).toMatchObject({ state: 'reserved' });
    expect(world.github.openActionsSecret('umbrella', 'depot', 'DEPOT_KEY')).toBeUndefined();
    expect(run.output.summary).toContain('Actions secret DEPOT_KEY in umbrella/depot not written');
    expect(run.output.summary).toContain('lacks the `secrets: write` permission');
    expect(run.output.summary).toContain(`replacement ${key!.replacedBy} reserved for its owner to claim`);
    const repo = world.github.state.repo('umbrella', 'depot')!;
    const [issue] = await waitFor('the incident issue', () => (world.github.state.issuesOf(repo.id).length > 0 ? world.github.state.issuesOf(repo.id) : undefined));
    expect(issue!.body).toContain('Did not write the replacement to the Actions secret `DEPOT_KEY` in `umbrella/depot`');
    expect(issue!.body).toContain('minted when it is claimed');
  });

  it('leaves no plaintext — leaked keys nor the replacement — in any request GitHub received or any log line', () => {
    expect(plaintexts).toHaveLength(6);
    // The registry's bytes on disk too: the response log keeps only sealed boxes and hashes.
    const registryFiles = ['', '-wal'].map((suffix) => `${world.registryPath}${suffix}`).filter((file) => fs.existsSync(file));
    const seen = `${world.everythingSeen()}\n${registryFiles.map((file) => fs.readFileSync(file, 'latin1')).join('\n')}`;
    for (const plaintext of plaintexts) expect(seen).not.toContain(plaintext);
  });
});
