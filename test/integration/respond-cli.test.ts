// The responder CLI against the GitHub emulator: a registered key committed to a repository is
// revoked, replaced, delivered to its owner only, and reported in one incident issue — with
// no plaintext anywhere — and running the same response again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHash } from '../../src/detect/secret-hash.js';
import { runCli } from '../helpers/run-cli.js';
import { RespondWorld, type IssuedKey } from '../helpers/respond-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

describe('leakstop scan --respond', () => {
  let world: RespondWorld;
  let repo: TestRepo;
  let sealedKey: IssuedKey;
  let claimKey: IssuedKey;
  let firstCommit: string;
  let secondCommit: string;
  let ownerSecretKey: string;
  const replacementPlaintexts: string[] = [];

  beforeAll(async () => {
    world = await RespondWorld.start();
    await world.createRepo('acme', 'shop');
    ownerSecretKey = path.join(world.dir, 'owner.key');
    expect((await world.cli(['registry', 'owner', 'keygen', ownerSecretKey])).code).toBe(0);
    const added = await world.cli(['registry', 'owner', 'add', 'acct_payments', '--public-key', `${ownerSecretKey}.pub`]);
    expect(added.code, added.stderr).toBe(0);
    sealedKey = await world.issueKey({ owner: 'acct_payments', label: 'payments-prod', restrictions: { allowedIps: ['203.0.113.0/24'], rateLimit: 50 } });
    claimKey = await world.issueKey({ owner: 'acct_ci', label: 'ci-deploy', environment: 'test' });
    repo = world.repo();
    firstCommit = repo.commit('add payments config', { 'config/payments.env': `# payments\nREGION=eu\nPAYMENTS_KEY=${sealedKey.plaintext}\n` });
    secondCommit = repo.commit('add deploy job', { 'deploy/ci.yml': `jobs:\n  deploy:\n    env:\n      REGION: eu\n      API_KEY: "${claimKey.plaintext}"\n` });
  });

  afterAll(async () => {
    await world?.close();
  });

  it('plans without changing anything on --dry-run', async () => {
    const dry = await world.respond(repo, 'acme/shop', ['--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('Dry run — nothing was changed');
    expect(dry.stderr).toContain(`key ${sealedKey.record.id}`);
    expect(dry.stderr).toContain(`revoke the key (reason: "leaked in acme/shop@${firstCommit}:config/payments.env:3")`);
    expect(dry.stderr).toContain("seal it to the owner's public key");
    expect(dry.stderr).toContain('open an incident issue in acme/shop');
    expect((await world.key(sealedKey.record.id))?.status).toBe('active');
    expect(world.github.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect((await world.cli(['incidents', 'list'])).stdout).toContain('No incidents recorded');
  });

  it('revokes, replaces, delivers and files one issue per key', async () => {
    const run = await world.respond(repo, 'acme/shop');
    expect(run.stderr).toContain('Response: 2 of 2 incident(s) complete');
    expect(run.code).toBe(1);

    const revoked = (await world.key(sealedKey.record.id))!;
    expect(revoked.status).toBe('revoked');
    expect(revoked.revocationReason).toBe(`leaked in acme/shop@${firstCommit}:config/payments.env:3`);
    expect(revoked.replacedBy).toBeTruthy();
    const other = (await world.key(claimKey.record.id))!;
    expect(other.revocationReason).toBe(`leaked in acme/shop@${secondCommit}:deploy/ci.yml:5`);

    const issues = world.issuesOf('acme', 'shop');
    expect(issues).toHaveLength(2);
    const issue = issues.find((candidate) => candidate.title.includes('payments-prod'))!;
    expect(issue.title).toBe(`Leaked key: payments-prod (${sealedKey.record.prefix}…${sealedKey.plaintext.slice(-4)})`);
    expect(issue.body).toContain(`<!-- leakstop:incident:${secretHash(sealedKey.plaintext).slice(0, 12)} -->`);
    expect(issue.body).toContain(`(${world.github.url}/acme/shop/commit/${firstCommit})`);
    expect(issue.body).toContain(`(${world.github.url}/acme/shop/blob/${firstCommit}/config/payments.env#L3) | 3 | Ada Tester (ada@example.test)`);
    expect(issue.body).toContain(`Revoked key \`${sealedKey.record.id}\``);
    expect(issue.body).toContain(`Reserved replacement \`${revoked.replacedBy}\``);
    expect(issue.body).toContain("Sealed the replacement to the owner's public key");
    expect(issue.body).toMatch(/git filter-repo[\s\S]*BFG[\s\S]*force-push/);
    expect(issue.body).toContain("Review the key's usage logs for the exposure window");
    const labels = world.github.state.labelsOf(world.github.state.repo('acme', 'shop')!.id).map((label) => label.name);
    expect(labels).toEqual(expect.arrayContaining(['security', 'leaked-secret']));
    expect(issue.labelIds).toHaveLength(2);
  });

  it('delivers a sealed replacement with the same owner, label and restrictions, claimable once', async () => {
    const replacementId = (await world.key(sealedKey.record.id))!.replacedBy!;
    const withoutKey = await runCli(['registry', 'claim', replacementId], { env: world.env() });
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.stderr).toContain('--secret-key');

    const claim = await runCli(['registry', 'claim', replacementId, '--secret-key', ownerSecretKey], { env: world.env() });
    expect(claim.code).toBe(0);
    const plaintext = claim.stdout.trim();
    replacementPlaintexts.push(plaintext);
    expect(plaintext.startsWith(sealedKey.record.prefix)).toBe(true);
    expect(plaintext).not.toBe(sealedKey.plaintext);
    const check = await world.cli(['check'], { input: `${plaintext}\n` });
    expect(check.stdout).toContain(replacementId);

    const replacement = (await world.key(replacementId))!;
    expect(replacement).toMatchObject({ owner: 'acct_payments', label: 'payments-prod', environment: 'live', status: 'active', replaces: sealedKey.record.id });
    expect(replacement.restrictions).toEqual({ allowedIps: ['203.0.113.0/24'], rateLimit: 50 });
    expect(replacement.hash).toBe(secretHash(plaintext));

    const again = await runCli(['registry', 'claim', replacementId, '--secret-key', ownerSecretKey], { env: world.env() });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already claimed');
    expect(again.stdout).toBe('');
  });

  it('mints an unsealed replacement at claim time, exactly once', async () => {
    const replacementId = (await world.key(claimKey.record.id))!.replacedBy!;
    const [first, second] = await Promise.all([
      runCli(['registry', 'claim', replacementId], { env: world.env() }),
      runCli(['registry', 'claim', replacementId], { env: world.env() }),
    ]);
    const winners = [first, second].filter((claim) => claim.code === 0);
    expect(winners).toHaveLength(1);
    expect([first, second].find((claim) => claim.code !== 0)!.stderr).toContain('already claimed');
    const plaintext = winners[0]!.stdout.trim();
    replacementPlaintexts.push(plaintext);
    const replacement = (await world.key(replacementId))!;
    expect(replacement).toMatchObject({ owner: 'acct_ci', label: 'ci-deploy', environment: 'test', status: 'active', hash: secretHash(plaintext) });
  });

  it('changes nothing when the same response runs ten more times', async () => {
    const before = await world.withRegistry(async (registry) => (await registry.audit()).length);
    for (let run = 0; run < 10; run++) {
      const again = await world.respond(repo, 'acme/shop');
      expect(again.stderr).toContain('Response: 2 of 2 incident(s) complete');
    }
    expect(world.issuesOf('acme', 'shop')).toHaveLength(2);
    expect(world.created('POST', /\/issues$/)).toBe(2);
    expect(world.created('POST', /\/comments$/)).toBe(0);
    const audit = await world.withRegistry((registry) => registry.audit());
    expect(audit.length).toBe(before);
    expect(audit.filter((entry) => entry.keyId === sealedKey.record.id && entry.action === 'revoke')).toHaveLength(1);
  });

  it('adds one comment, not an issue, for a later sighting', async () => {
    const third = repo.commit('copy the key', { 'scripts/pay.sh': `#!/bin/sh\ncurl -H "Authorization: ${sealedKey.plaintext}" https://pay.example.test\n` });
    for (let run = 0; run < 2; run++) expect((await world.respond(repo, 'acme/shop')).stderr).toContain('2 of 2 incident(s) complete');
    const issue = world.issuesOf('acme', 'shop').find((candidate) => candidate.title.includes('payments-prod'))!;
    const comments = world.commentsOn('acme', 'shop', issue.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(`(${world.github.url}/acme/shop/blob/${third}/scripts/pay.sh#L2)`);
    expect(world.issuesOf('acme', 'shop')).toHaveLength(2);
  });

  it('lists and shows the response log', async () => {
    const list = await world.cli(['incidents', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(sealedKey.record.id);
    expect(list.stdout.match(/complete/g)).toHaveLength(2);
    const id = /^(\d+)\s+complete\s+\S+\s+\S+\s+acme\/shop/m.exec(list.stdout)![1]!;
    const show = await world.cli(['incidents', 'show', id]);
    expect(show.stdout).toMatch(/revoke\s+done\s+attempts 1/);
    expect(show.stdout).toMatch(/issue\s+done\s+attempts 1/);
  });

  it('leaves no plaintext in any issue, comment, request, output or registry byte', () => {
    const seen = world.everythingSeen();
    for (const plaintext of [sealedKey.plaintext, claimKey.plaintext, ...replacementPlaintexts]) {
      expect(plaintext.length).toBeGreaterThan(20);
      expect(seen.includes(plaintext)).toBe(false);
    }
    expect(fs.existsSync(world.registrySpec)).toBe(true);
  });
});

describe('routing and human decisions', () => {
  let world: RespondWorld;

  beforeAll(async () => {
    world = await RespondWorld.start();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('files the incident of a public repository in the security repository', async () => {
    await world.createRepo('acme', 'site', { private: false });
    await world.createRepo('acme', 'security');
    const leaked = await world.issueKey({ owner: 'acct_web', label: 'web-analytics' });
    const repo = world.repo();
    repo.commit('analytics', { 'index.html': `<script>const KEY = "${leaked.plaintext}";</script>\n` });
    const run = await world.respond(repo, 'acme/site', ['--security-repo', 'acme/security']);
    expect(run.stderr).toContain('1 of 1 incident(s) complete');
    expect(world.issuesOf('acme', 'site')).toHaveLength(0);
    const [issue] = world.issuesOf('acme', 'security');
    expect(issue?.body).toContain('`acme/site`');
    expect(world.everythingSeen().includes(leaked.plaintext)).toBe(false);
  });

  it('revokes by hand with a reason, and reserves a replacement on --replace', async () => {
    const key = await world.issueKey({ owner: 'acct_ops', label: 'ops-cron' });
    const run = await world.cli(['revoke', key.record.id, '--reason', 'laptop stolen', '--replace']);
    expect(run.code).toBe(0);
    const revoked = (await world.key(key.record.id))!;
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'laptop stolen' });
    expect(run.stdout).toContain(`leakstop registry claim ${revoked.replacedBy}`);
    const again = await world.cli(['revoke', key.record.id, '--reason', 'again']);
    expect(again.stdout).toContain('already revoked');
    expect((await world.key(key.record.id))!.revocationReason).toBe('laptop stolen');
  });

  it('settles the key of a repository that is not on GitHub, with no issue and no token', async () => {
    const key = await world.issueKey({ owner: 'acct_local', label: 'local-dev' });
    const repo = world.repo();
    repo.commit('local', { 'dev.env': `KEY=${key.plaintext}\n` });
    const before = world.github.requests.length;
    const run = await runCli(['scan', '--history', repo.dir, '--respond'], { env: { ...world.env(), GITHUB_TOKEN: undefined } });
    expect(run.stderr).toContain('1 of 1 incident(s) complete');
    expect((await world.key(key.record.id))!.revocationReason).toMatch(/^leaked in \/.+@[0-9a-f]{40}:dev\.env:1$/);
    expect(world.github.requests.length).toBe(before);
    expect(run.stdout + run.stderr).not.toContain(key.plaintext);
  });

  it('leaves the rotation of an Actions secret pending without a token, names the secret, and finishes it on resume with one', async () => {
    await world.createRepo('acme', 'deploys');
    const key = await world.issueKey({ owner: 'acct_deploy', label: 'deploy', deliveryTarget: { kind: 'actions-secret', repo: 'acme/deploys', name: 'DEPLOY_KEY' } });
    const repo = world.repo();
    repo.commit('deploy', { 'deploy.env': `TOKEN=${key.plaintext}\n` });
    const noToken = { env: { GITHUB_TOKEN: undefined } };

    const dry = await world.cli(['scan', '--history', repo.dir, '--respond', '--dry-run'], noToken);
    expect(dry.stderr).toContain('Dry run — nothing was changed');
    expect(dry.stderr).toMatch(/Actions secret DEPLOY_KEY in acme\/deploys .*revoked key.*workflows.*GITHUB_TOKEN/);
    expect((await world.key(key.record.id))!.status).toBe('active');

    const run = await world.cli(['scan', '--history', repo.dir, '--respond'], noToken);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Response: 0 of 1 incident(s) complete.');
    expect(run.stderr).toMatch(/waiting for the Actions secret DEPLOY_KEY in acme\/deploys: it still holds the revoked key, so its workflows fail until .*GITHUB_TOKEN/);
    expect((await world.key(key.record.id))!.status).toBe('revoked');
    expect(world.github.openActionsSecret('acme', 'deploys', 'DEPLOY_KEY')).toBeUndefined();

    const list = await world.cli(['incidents', 'list'], noToken);
    const id = new RegExp(`^(\\d+)\\s+pending: the Actions secret DEPLOY_KEY in acme/deploys.*${key.record.id}`, 'm').exec(list.stdout)?.[1];
    expect(id, list.stdout).toBeDefined();
    const show = await world.cli(['incidents', 'show', id!], noToken);
    expect(show.stdout).toMatch(/state:\s+pending: the Actions secret DEPLOY_KEY in acme\/deploys: it still holds the revoked key/);

    const resumed = await world.cli(['respond', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Response: 1 of 1 incident(s) complete.');
    expect(resumed.stdout).toContain('written to Actions secret DEPLOY_KEY in acme/deploys');
    const stored = world.github.openActionsSecret('acme', 'deploys', 'DEPLOY_KEY');
    expect(stored).toBeDefined();
    const replacement = (await world.key((await world.key(key.record.id))!.replacedBy!))!;
    expect(secretHash(stored!)).toBe(replacement.hash);
    expect((await world.cli(['incidents', 'show', id!])).stdout).toMatch(/state:\s+complete/);
    const seen = world.everythingSeen();
    expect(seen).not.toContain(stored!);
    expect(seen).not.toContain(key.plaintext);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const badRepo = await world.cli(['scan', '.', '--respond', '--github-repo', 'not-a-repo']);
    expect(badRepo.code).toBe(2);
    expect(badRepo.stderr.trim().split('\n')).toHaveLength(1);
    const noToken = await runCli(['scan', '.', '--respond', '--github-repo', 'acme/shop'], { env: { ...world.env(), GITHUB_TOKEN: undefined } });
    expect(noToken.code, noToken.stderr).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN');
    const noResume = await world.cli(['respond']);
    expect(noResume.code).toBe(2);
    const unknown = await world.cli(['incidents', 'show', '999']);
    expect(unknown.stderr).toContain('no incident 999');
  });
});
