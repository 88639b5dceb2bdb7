// The partner endpoint deployed for an organisation: jobs on PostgreSQL (pg-boss), the app
// answering GitHub with --no-worker and a separate `leakstop worker` revoking. The same batch
// twice is one job; the key is revoked once and filed once.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerSigningKey, sendPartnerAlert, type PartnerSigningKey, type ReportedToken } from '../github/send-partner-alert.js';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import { dropSchema, POSTGRES_URL, schemaDump } from '../helpers/registry-backends.js';

const schema = `leakstop_test_q_${randomBytes(6).toString('hex')}`;
const env = { LEAKSTOP_QUEUE: `${POSTGRES_URL}?schema=${schema}`, LEAKSTOP_PARTNER: '1', LEAKSTOP_SECURITY_REPO: 'acme/security' };
let world: AppWorld;
let signing: PartnerSigningKey;

beforeAll(async () => {
  world = await AppWorld.start();
  signing = partnerSigningKey();
  world.github.addSecretScanningKey(signing);
  await world.github.createRepo('acme', 'security', { private: true, ownerType: 'Organization' });
  world.github.createInstallation({ account: 'acme', repos: ['security'] });
  await world.startApp(env, ['--no-worker']);
  await world.startWorker(env);
});

afterAll(async () => {
  await world?.close();
  await dropSchema(schema);
});

describe('a partner alert on the PostgreSQL queue', () => {
  it('is one job however often GitHub sends it: revoked once, one issue, no plaintext anywhere', async () => {
    const issued = await world.issueKey({ owner: 'acct_3', label: 'reports' });
    const partnerUrl = /GitHub partner alerts at (\S+)/.exec(world.app.output())![1]!;
    const batch: ReportedToken[] = [{ token: issued.plaintext, type: 'lk_live_key', url: 'https://github.com/someone/public/blob/main/.env', source: 'content' }];
    const feedback = [{ token_hash: createHash('sha256').update(issued.plaintext).digest('hex'), token_type: 'lk_live_key', label: 'true_positive' }];
    const [first, second] = await Promise.all([sendPartnerAlert(partnerUrl, signing, batch), sendPartnerAlert(partnerUrl, signing, batch)]);
    expect(first).toEqual({ status: 200, body: feedback });
    expect(second).toEqual({ status: 200, body: feedback });
    await waitFor('one response queued and one repeat', () =>
      world.app.output().includes('partner alert: response queued') && world.app.output().includes('partner alert already queued') ? true : undefined);

    const repo = world.github.state.repo('acme', 'security')!;
    await waitFor('the incident issue', () => (world.github.state.issuesOf(repo.id).length > 0 ? true : undefined));
    expect((await world.key(issued.record.id))?.status).toBe('revoked');
    const revocations = (await world.withRegistry((registry) => registry.audit(issued.record.id))).filter((entry) => entry.action.includes('revoke'));
    expect(revocations).toHaveLength(1);
    expect(world.github.state.issuesOf(repo.id)).toHaveLength(1);
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
    // The queue's rows (jobs, their data and errors, shared values) hold hashes only.
    const stored = schemaDump(schema);
    expect(stored).toContain('partner-alert');
    expect(stored).not.toContain(issued.plaintext);
  });
});
