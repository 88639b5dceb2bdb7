// GitHub failing while Leakstop responds: the key is revoked at once, whatever GitHub does;
// the issue follows when GitHub recovers (in the same run through retries, or on `respond
// --resume`), exactly once — even when a timed-out request had in fact landed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretHash } from '../../src/detect/secret-hash.js';
import { RespondWorld } from '../helpers/respond-world.js';

describe('respond while GitHub fails', () => {
  let world: RespondWorld;

  beforeEach(async () => {
    world = await RespondWorld.start();
  });
  afterEach(async () => {
    await world?.close();
  });

  async function leak(label: string) {
    const key = await world.issueKey({ owner: 'acct_ops', label });
    const repo = world.repo();
    const commit = repo.commit('config', { 'app.env': `NAME=${label}\nTOKEN=${key.plaintext}\n` });
    return { key, repo, commit };
  }

  const issuePosts = (world: RespondWorld, name: string) =>
    world.github.requests.filter((request) => request.method === 'POST' && request.path === `/repos/acme/${name}/issues`);

  it('revokes first and files the issue through 500s and a rate limit in one run', async () => {
    await world.createRepo('acme', 'shop');
    const { key, repo } = await leak('billing');
    world.github.faults.add({ method: 'POST', path: '/repos/acme/shop/issues', times: 2, respond: { status: 500 } });
    world.github.faults.add({ method: 'POST', path: '/repos/acme/shop/issues', times: 1, respond: { status: 403, rateLimit: 'secondary', retryAfter: 1 } });

    const run = await world.respond(repo, 'acme/shop');
    expect(run.stderr).toContain('1 of 1 incident(s) complete');
    expect(issuePosts(world, 'shop').map((request) => request.status)).toEqual([500, 500, 403, 201]);
    // The first retry is said as it starts, once, naming GitHub's host and the call.
    const retrying = run.stderr.split('\n').filter((line) => line.includes('did not answer'));
    expect(retrying).toEqual([expect.stringContaining(`GitHub at ${new URL(world.github.url).host} did not answer POST /repos/acme/shop/issues (HTTP 500): retrying`)]);
    expect(world.issuesOf('acme', 'shop')).toHaveLength(1);
    const revoked = (await world.key(key.record.id))!;
    expect(revoked.status).toBe('revoked');
    // The revocation was recorded before GitHub was asked anything about the issue.
    expect(new Date(revoked.revokedAt!).getTime()).toBeLessThanOrEqual(issuePosts(world, 'shop')[0]!.at.getTime());
  });

  it('records a resumable failure during an outage, and files the issue on --resume', async () => {
    await world.createRepo('acme', 'shop');
    const { key, repo } = await leak('billing');
    const outage = world.github.faults.add({ method: 'POST', path: '/repos/acme/shop/issues', times: Infinity, respond: { status: 502 } });

    const run = await world.respond(repo, 'acme/shop');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('HTTP 502 on POST /repos/acme/shop/issues');
    expect(run.stderr).toContain('leakstop respond --resume');
    expect(run.stderr).not.toContain('Remediation checklist');
    expect((await world.key(key.record.id))!.status).toBe('revoked');
    expect(world.issuesOf('acme', 'shop')).toHaveLength(0);
    expect(outage.hits).toBeGreaterThan(1);
    const list = await world.cli(['incidents', 'list']);
    expect(list.stdout).toContain('failed: issue');

    world.github.faults.clear();
    world.github.faults.add({ method: 'POST', path: '/repos/acme/shop/issues', times: 1, respond: { status: 403, rateLimit: 'secondary', retryAfter: 1 } });
    const resume = await world.cli(['respond', '--resume']);
    expect(resume.code, resume.stderr).toBe(0);
    expect(resume.stdout).toContain('1 of 1 incident(s) complete');
    expect(world.issuesOf('acme', 'shop')).toHaveLength(1);
    expect(issuePosts(world, 'shop').filter((request) => request.status === 201)).toHaveLength(1);
    const again = await world.cli(['respond', '--resume']);
    expect(again.stdout).toContain('No incident to respond to');
    expect(world.everythingSeen().includes(key.plaintext)).toBe(false);
  });

  it('writes the Actions secret on --resume after GitHub refused the write of a minted replacement, minting once', async () => {
    await world.createRepo('acme', 'shop');
    const key = await world.issueKey({ owner: 'acct_ops', label: 'deploy', deliveryTarget: { kind: 'actions-secret', repo: 'acme/shop', name: 'DEPLOY_KEY' } });
    const repo = world.repo();
    repo.commit('config', { 'app.env': `TOKEN=${key.plaintext}\n` });
    world.github.faults.add({ method: 'PUT', path: '/repos/acme/shop/actions/secrets/DEPLOY_KEY', times: Infinity, respond: { status: 502 } });

    const run = await world.respond(repo, 'acme/shop');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write Actions secret DEPLOY_KEY in acme/shop');
    expect(run.stderr).toContain('leakstop respond --resume');
    const revoked = (await world.key(key.record.id))!;
    expect(revoked.status).toBe('revoked');
    // Minted (its hash is recorded) but not yet written anywhere; its plaintext is gone from memory.
    const minted = (await world.key(revoked.replacedBy!))!;
    expect(minted.status).toBe('active');
    expect(world.github.openActionsSecret('acme', 'shop', 'DEPLOY_KEY')).toBeUndefined();
    expect(world.issuesOf('acme', 'shop')).toHaveLength(0);

    world.github.faults.clear();
    const resumed = await world.cli(['respond', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const stored = world.github.openActionsSecret('acme', 'shop', 'DEPLOY_KEY')!;
    expect(stored).toBeDefined();
    // The very key minted before the failure: written from what was sealed then, not minted again.
    expect(secretHash(stored)).toBe(minted.hash);
    expect((await world.key(minted.id))!.hash).toBe(minted.hash);
    const [issue, ...more] = world.issuesOf('acme', 'shop');
    expect(more).toEqual([]);
    expect(issue!.body).toContain('Wrote the replacement to the Actions secret `DEPLOY_KEY` in `acme/shop`');
    const seen = world.everythingSeen();
    expect(seen).not.toContain(stored);
    expect(seen).not.toContain(key.plaintext);
  });

  it('says when issues are disabled, and finishes once they are enabled', async () => {
    const repoRecord = await world.createRepo('acme', 'quiet', { hasIssues: false });
    const { key, repo } = await leak('mailer');
    const run = await world.respond(repo, 'acme/quiet');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('issues are disabled in the repository');
    expect((await world.key(key.record.id))!.status).toBe('revoked');

    repoRecord.hasIssues = true;
    const resume = await world.cli(['respond', '--resume']);
    expect(resume.code, resume.stderr).toBe(0);
    expect(world.issuesOf('acme', 'quiet')).toHaveLength(1);
  });

  it('files one issue when a timed-out create had landed after all', async () => {
    await world.createRepo('acme', 'slow');
    const { repo } = await leak('search');
    world.github.faults.add({ method: 'POST', path: '/repos/acme/slow/issues', times: 1, respond: { timeoutMs: 1500, afterTimeout: 'handle' } });
    const run = await world.respond(repo, 'acme/slow', [], { env: { LEAKSTOP_GITHUB_TIMEOUT_MS: '500' } });
    expect(run.stderr).toContain('1 of 1 incident(s) complete');
    expect(world.issuesOf('acme', 'slow')).toHaveLength(1);
    expect(world.commentsOn('acme', 'slow', 1)).toHaveLength(0);
  });
});
