// GitHub's secret scanning partner program end to end: GitHub (the emulator) finds tokens in
// public and POSTs them, signed, to the real app server; Leakstop answers with its feedback at
// once, revokes the registered key from the queue, tells the owner's systems, and files one
// incident in the security repository — and refuses, untouched, whatever is not signed by GitHub.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/registry/key-format.js';
import { partnerSigningKey, sendPartnerAlert, signPartnerBody, type PartnerSigningKey, type ReportedToken } from '../github/send-partner-alert.js';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import { signedWith, startNotifyReceiver, type NotifyReceiver } from '../helpers/notify-receiver.js';
import { runCli } from '../helpers/run-cli.js';

const SECURITY = { owner: 'acme', repo: 'security' };
const NOTIFY_SECRET = randomBytes(16).toString('hex');
const TYPE = 'lk_live_key';

let world: AppWorld;
let receiver: NotifyReceiver;
let signing: PartnerSigningKey;
let partnerUrl: string;
const plaintexts: string[] = [];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Our shape, a valid checksum, never issued. */
const unregisteredOfOurShape = () => generateKey('lk_live_').reveal();
/** Another provider's token (GitHub's classic PAT shape). */
const foreignToken = () => `ghp${'_'}${randomBytes(18).toString('hex')}`;
const publicUrl = (path: string) => `https://github.com/someone/public-dotfiles/blob/${randomBytes(20).toString('hex')}/${path}`;

function securityIssues() {
  const repo = world.github.state.repo(SECURITY.owner, SECURITY.repo)!;
  return world.github.state.issuesOf(repo.id);
}

function securityComments() {
  const repo = world.github.state.repo(SECURITY.owner, SECURITY.repo)!;
  return world.github.state.comments.filter((comment) => comment.repoId === repo.id);
}

const keyFetches = () => world.github.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/meta/public_keys/secret_scanning')).length;
const logLines = (text: string) => world.app.output().split('\n').filter((line) => line.includes(text)).length;

beforeAll(async () => {
  world = await AppWorld.start();
  receiver = await startNotifyReceiver();
  signing = partnerSigningKey();
  world.github.addSecretScanningKey(signing);
  await world.github.createRepo(SECURITY.owner, SECURITY.repo, { private: true, ownerType: 'Organization' });
  await world.github.createRepo(SECURITY.owner, 'checkout', { private: true, ownerType: 'Organization' });
  world.github.createInstallation({ account: SECURITY.owner, repos: [SECURITY.repo, 'checkout'] });
  await world.startApp({
    LEAKSTOP_PARTNER: '1',
    LEAKSTOP_SECURITY_REPO: `${SECURITY.owner}/${SECURITY.repo}`,
    LEAKSTOP_NOTIFY_URL: receiver.url,
    LEAKSTOP_NOTIFY_SECRET: NOTIFY_SECRET,
  });
  partnerUrl = /GitHub partner alerts at (\S+)/.exec(world.app.output())![1]!;
});

afterAll(async () => {
  await world?.close();
  await receiver?.close();
});

describe('a signed partner alert from GitHub', () => {
  let batch: ReportedToken[];
  let keyId: string;

  it('answers with exact feedback; revokes the registered key once, files one issue in the security repository, notifies once', async () => {
    const issued = await world.issueKey({ owner: 'acct_42', label: 'billing' });
    keyId = issued.record.id;
    const ours = unregisteredOfOurShape();
    const foreign = foreignToken();
    plaintexts.push(issued.plaintext, ours, foreign);
    const url = publicUrl('billing.env');
    batch = [
      { token: issued.plaintext, type: TYPE, url, source: 'content' },
      { token: ours, type: TYPE, url: publicUrl('notes.md'), source: 'commit' },
      { token: foreign, type: TYPE, url: publicUrl('ci.yml'), source: 'content' },
    ];

    const answered = await sendPartnerAlert(partnerUrl, signing, batch);
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual([
      { token_hash: sha256(issued.plaintext), token_type: TYPE, label: 'true_positive' },
      { token_hash: sha256(ours), token_type: TYPE, label: 'false_positive' },
    ]);

    const [issue, ...more] = await waitFor('the incident issue', () => (securityIssues().length > 0 ? securityIssues() : undefined));
    expect(more).toEqual([]);
    const key = await world.key(keyId);
    expect(key?.status).toBe('revoked');
    expect(key?.revocationReason).toBe(`found in public by GitHub secret scanning at ${url}`);
    expect(issue!.body).toContain(url);
    expect(issue!.body).toContain('`content`');
    expect(issue!.body).toContain(`\`${TYPE}\``);
    expect(issue!.body).toContain(keyId);
    const labels = issue!.labelIds.map((id) => world.github.state.labels.find((label) => label.id === id)?.name);
    expect(labels.sort()).toEqual(['leaked-secret', 'security']);

    const [event, ...moreEvents] = await waitFor('the owner notification', () => (receiver.events.length > 0 ? receiver.events : undefined));
    expect(moreEvents).toEqual([]);
    expect(signedWith(event!, NOTIFY_SECRET)).toBe(true);
    expect(signedWith(event!, 'another secret')).toBe(false);
    expect(event!.headers['x-leakstop-event']).toBe('key.revoked');
    const payload = JSON.parse(event!.body);
    expect(payload).toEqual({
      type: 'key.revoked',
      id: expect.stringContaining(keyId),
      key_id: keyId,
      owner: 'acct_42',
      label: 'billing',
      environment: 'live',
      found: { url, source: 'content' },
      revoked_at: key!.revokedAt,
      replacement_id: key!.replacedBy,
      incident_id: expect.any(Number),
    });
    const revocations = (await world.withRegistry((registry) => registry.audit(keyId))).filter((entry) => entry.action.includes('revoke'));
    expect(revocations).toHaveLength(1);

    const shown = await runCli(['incidents', 'show', String(payload.incident_id)], { env: { LEAKSTOP_REGISTRY: world.registryPath } });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`in public (GitHub secret scanning)`);
    expect(shown.stdout).toContain(`${url} (content, reported `);
  });

  it('the same batch again changes nothing', async () => {
    const audit = await world.withRegistry((registry) => registry.audit());
    const writes = world.github.requests.filter((request) => request.method !== 'GET').length;
    const again = await sendPartnerAlert(partnerUrl, signing, batch);
    expect(again.status).toBe(200);
    expect(again.body).toHaveLength(2);
    await waitFor('the repeat to be seen as one', () => (logLines('partner alert already queued') === 1 ? true : undefined));
    expect(securityIssues()).toHaveLength(1);
    expect(securityComments()).toHaveLength(0);
    expect(receiver.events).toHaveLength(1);
    expect(world.github.requests.filter((request) => request.method !== 'GET').length).toBe(writes);
    expect(await world.withRegistry((registry) => registry.audit())).toEqual(audit);
  });

  it('a later public sighting of the key is a comment on its issue: not revoked or notified again', async () => {
    const url = publicUrl('gist.txt');
    const answered = await sendPartnerAlert(partnerUrl, signing, [{ ...batch[0]!, url, source: 'gist' }]);
    expect(answered.status).toBe(200);
    const [comment] = await waitFor('a comment on the incident issue', () => (securityComments().length > 0 ? securityComments() : undefined));
    expect(comment!.body).toContain(url);
    expect(comment!.body).toContain('`gist`');
    expect(securityIssues()).toHaveLength(1);
    expect(receiver.events).toHaveLength(1);
    const revocations = (await world.withRegistry((registry) => registry.audit(keyId))).filter((entry) => entry.action.includes('revoke'));
    expect(revocations).toHaveLength(1);
  });
});

describe('a key whose record names an Actions secret', () => {
  it('has its replacement written there, through the app\'s installation on that repository', async () => {
    const issued = await world.issueKey({ owner: 'acct_9', label: 'checkout', deliveryTarget: { kind: 'actions-secret', repo: `${SECURITY.owner}/checkout`, name: 'CHECKOUT_KEY' } });
    plaintexts.push(issued.plaintext);
    const answered = await sendPartnerAlert(partnerUrl, signing, [{ token: issued.plaintext, type: TYPE, url: publicUrl('checkout.env'), source: 'content' }]);
    expect(answered.body).toEqual([{ token_hash: sha256(issued.plaintext), token_type: TYPE, label: 'true_positive' }]);
    const issue = await waitFor('its incident issue', () => securityIssues().find((candidate) => candidate.body?.includes(issued.record.id)));
    const stored = world.github.openActionsSecret(SECURITY.owner, 'checkout', 'CHECKOUT_KEY');
    expect(stored).toBeDefined();
    plaintexts.push(stored!);
    const key = await world.key(issued.record.id);
    expect(key?.status).toBe('revoked');
    expect(sha256(stored!)).toBe((await world.key(key!.replacedBy!))!.hash);
    expect(issue.body).toContain(`Wrote the replacement to the Actions secret \`CHECKOUT_KEY\` in \`${SECURITY.owner}/checkout\``);
  });
});

describe('an alert not signed by GitHub', () => {
  let victim: { id: string; plaintext: string };
  let tokens: ReportedToken[];

  beforeAll(async () => {
    const issued = await world.issueKey({ owner: 'acct_7', label: 'shipping' });
    victim = { id: issued.record.id, plaintext: issued.plaintext };
    plaintexts.push(issued.plaintext);
    tokens = [{ token: issued.plaintext, type: TYPE, url: publicUrl('leak.txt'), source: 'content' }];
  });

  const refused = async (answered: { status: number; body: unknown }, status: number, reason: RegExp) => {
    expect(answered.status).toBe(status);
    const { error } = answered.body as { error: string };
    expect(error).toMatch(reason);
    expect(error).not.toContain('\n');
  };

  it('is refused with a one-line reason, and nothing is looked up or done', async () => {
    const queuedBefore = logLines('partner alert: ');
    const body = JSON.stringify(tokens);
    const forger = partnerSigningKey();
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { signature: signPartnerBody(forger, body) }), 401, /signature does not match/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { body: body.replace('leak.txt', 'leak.TXT'), signature: signPartnerBody(signing, body) }), 401, /signature does not match/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { signature: 'not base64 DER at all' }), 401, /signature does not match/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { signature: null }), 400, /Github-Public-Key-Signature/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { keyIdentifier: null }), 400, /Github-Public-Key-Identifier/);

    const fetches = keyFetches();
    await refused(await sendPartnerAlert(partnerUrl, forger, tokens), 401, /not one of GitHub's secret scanning public keys/);
    // An unknown identifier made one fresh fetch of GitHub's keys, then the refusal.
    expect(keyFetches()).toBe(fetches + 1);

    const oversized = `[${JSON.stringify(tokens[0])},${JSON.stringify({ token: 'x', type: TYPE, url: 'u', source: 's'.repeat(5 * 1024 * 1024) })}]`;
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { body: oversized }), 400, /larger than 5 MB/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { body: `${body.slice(0, -1)},` }), 400, /not JSON/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { body: JSON.stringify({ tokens }) }), 400, /not a JSON array/);
    await refused(await sendPartnerAlert(partnerUrl, signing, tokens, { body: JSON.stringify([{ token: victim.plaintext, type: TYPE }]) }), 400, /entry 0 has no string "url"/);

    expect((await world.key(victim.id))?.status).toBe('active');
    expect(logLines('partner alert: ')).toBe(queuedBefore);
    // Each refusal is logged (the log is written a moment after the answer).
    await waitFor('ten refusals in the log', () => (logLines('partner alert refused') === 10 ? true : undefined));
  });
});

let bulkKeyId: string;

describe('a batch of 1,000 tokens', () => {
  it("is answered within GitHub's 30 seconds", async () => {
    const issued = await world.issueKey({ owner: 'acct_1000', label: 'bulk' });
    plaintexts.push(issued.plaintext);
    const tokens: ReportedToken[] = [{ token: issued.plaintext, type: TYPE, url: publicUrl('bulk/0.env'), source: 'content' }];
    for (let i = 1; i < 1000; i++) {
      const token = i % 2 ? unregisteredOfOurShape() : foreignToken();
      tokens.push({ token, type: TYPE, url: publicUrl(`bulk/${i}.env`), source: 'commit' });
    }
    const started = performance.now();
    const answered = await sendPartnerAlert(partnerUrl, signing, tokens);
    const ms = performance.now() - started;
    console.log(`partner alert of 1,000 tokens answered in ${ms.toFixed(0)} ms`);
    expect(answered.status).toBe(200);
    expect(ms).toBeLessThan(30_000);
    const feedback = answered.body as { label: string }[];
    expect(feedback.filter((entry) => entry.label === 'true_positive')).toHaveLength(1);
    expect(feedback.filter((entry) => entry.label === 'false_positive')).toHaveLength(500);
    bulkKeyId = issued.record.id;
    // A sample of the strings that are not keys of ours: they too must appear nowhere.
    plaintexts.push(...tokens.slice(1, 41).map((reported) => reported.token));
  });
});

describe('secrets discipline', () => {
  it('leaves no plaintext in any request GitHub received, any log line, any notification or the database', async () => {
    await waitFor('every incident issue', () => (securityIssues().length === 3 ? true : undefined));
    expect((await world.key(bulkKeyId))?.status).toBe('revoked');
    const registryFiles = ['', '-wal'].map((suffix) => `${world.registryPath}${suffix}`).filter((file) => fs.existsSync(file));
    const seen = [
      world.everythingSeen(),
      ...receiver.events.map((event) => `${JSON.stringify(event.headers)}\n${event.body}`),
      ...registryFiles.map((file) => fs.readFileSync(file, 'latin1')),
    ].join('\n');
    expect(plaintexts.length).toBeGreaterThanOrEqual(47);
    for (const plaintext of plaintexts) expect(seen).not.toContain(plaintext);
  });
});

describe('the endpoint', () => {
  it('is served only with LEAKSTOP_PARTNER=1, at LEAKSTOP_PARTNER_PATH when that is set', async () => {
    const other = await AppWorld.start();
    try {
      const key = partnerSigningKey();
      other.github.addSecretScanningKey(key);
      const tokens: ReportedToken[] = [{ token: `lk_live_${randomBytes(8).toString('hex')}`, type: TYPE, url: 'https://github.com/someone/public/blob/main/x', source: 'content' }];
      const off = await other.startApp();
      const origin = new URL(off.webhookUrl).origin;
      expect(off.output()).not.toMatch(/partner alerts at/);
      expect((await sendPartnerAlert(`${origin}/api/github/secret-scanning`, key, tokens)).status).toBe(404);
      await off.stop();

      const moved = await other.startApp({ LEAKSTOP_PARTNER: '1', LEAKSTOP_SECURITY_REPO: 'acme/security', LEAKSTOP_PARTNER_PATH: '/hooks/partner' });
      const at = new URL(/GitHub partner alerts at (\S+)/.exec(moved.output())![1]!);
      expect(at.pathname).toBe('/hooks/partner');
      expect((await sendPartnerAlert(at.href, key, tokens)).status).toBe(200);
      expect((await sendPartnerAlert(`${at.origin}/api/github/secret-scanning`, key, tokens)).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
