// GitHub's own secret scanning, through the app: a `secret_scanning_alert` for a key of ours is
// revoked once, gets its incident issue, and the alert is resolved as revoked naming that
// issue; a redelivery and a later action on the alert change nothing; another provider's
// secret is left alone. And `revokeGitHubTokens`: GitHub tokens a push brings in are reported
// to GitHub's credential revocation API, checksum-valid ones only. No plaintext anywhere.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from '../github/send-webhook.js';
import { secretScanningAlertPayload, type SecretScanningAlertAction } from '../github/webhook-payloads.js';
import { APP_ID, AppWorld, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { badChecksumGitHubToken, gitHubToken } from '../helpers/github-tokens.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;
const OWNER = 'acme';
const REPO = 'shop';
const plaintexts: string[] = [];
const gitHubTokens: string[] = [];

const repoId = () => world.github.repo(OWNER, REPO).id;
const alertRequests = (number: number, method: string) =>
  world.github.requests.filter((request) => request.method === method && request.path.endsWith(`/repos/${OWNER}/${REPO}/secret-scanning/alerts/${number}`));
const logLines = (text: string) => world.app.output().split('\n').filter((line) => line.includes(text)).length;

async function deliverAlert(number: number, action: SecretScanningAlertAction, deliveryId?: string, repo = REPO): Promise<number> {
  const payload = secretScanningAlertPayload(world.github, { owner: OWNER, repo, number, action, installationId });
  return sendWebhook(world.app.webhookUrl, { event: 'secret_scanning_alert', payload, secret: world.webhookSecret, deliveryId, appId: APP_ID });
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  await world.github.createRepo(OWNER, 'site', { private: false });
  await world.github.createRepo(OWNER, 'security', { private: true });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO, 'site', 'security'] }).id;
  work = world.workingCopy();
  work.commit('initial', { 'README.md': '# shop\n' });
  await world.push(work, OWNER, REPO, 'refs/heads/main');
  const site = world.workingCopy();
  site.commit('initial', { '.github/leakstop.yml': 'incidents:\n  repository: acme/security\n' });
  await world.push(site, OWNER, 'site', 'refs/heads/main');
  // A failed job is tried again within a second or two, and GitHub's retries are quick.
  await world.startApp({ LEAKSTOP_JOB_RETRY_DELAY_SECONDS: '1', LEAKSTOP_GITHUB_TIME_SCALE: '0.01' });
});

afterAll(async () => {
  await world?.close();
});

describe('secret_scanning_alert', () => {
  it('revokes a registered key once and resolves the alert as revoked, naming the incident issue', async () => {
    const issued = await world.issueKey({ owner: 'acct_7', label: 'checkout' });
    plaintexts.push(issued.plaintext);
    const commit = work.git(['rev-parse', 'HEAD']).trim();
    const alert = world.github.createSecretScanningAlert(OWNER, REPO, { secret: issued.plaintext, location: { path: 'deploy/checkout.env', startLine: 4, commitSha: commit } });

    expect(await deliverAlert(alert.number, 'created', '5ec7e7a1-0000-4000-8000-000000000001')).toBe(202);
    await waitFor('the alert to be resolved', () => (alert.state === 'resolved' ? alert : undefined));

    const key = await world.key(issued.record.id);
    expect(key).toMatchObject({ status: 'revoked', revocationReason: `leaked in ${OWNER}/${REPO}@${commit}:deploy/checkout.env:4` });
    expect(key?.replacedBy).toBeDefined();
    const issues = world.github.state.issuesOf(repoId());
    expect(issues).toHaveLength(1);
    const issueUrl = `${world.github.url}/${OWNER}/${REPO}/issues/${issues[0]!.number}`;
    expect(issues[0]!.body).toContain('deploy/checkout.env');
    expect(alert).toMatchObject({ resolution: 'revoked', resolvedBy: { login: 'leakstop[bot]' } });
    expect(alert.resolutionComment).toBe(`Leakstop revoked key ${issued.record.id}; incident: ${issueUrl}`);
    expect(alertRequests(alert.number, 'PATCH')).toHaveLength(1);

    // The same delivery again, then another action on the alert: nothing more happens.
    const audit = await world.withRegistry((registry) => registry.audit());
    expect(await deliverAlert(alert.number, 'created', '5ec7e7a1-0000-4000-8000-000000000001')).toBe(202);
    await waitFor('the redelivery to be recognised', () => (logLines('secret scanning alert already queued (a redelivery)') === 1 ? true : undefined));
    expect(await deliverAlert(alert.number, 'validated')).toBe(202);
    await waitFor('the second action to be worked', () => (logLines('secret scanning alert: key revoked, alert resolved') === 2 ? true : undefined));
    expect(alertRequests(alert.number, 'PATCH')).toHaveLength(1);
    expect(world.github.state.issuesOf(repoId())).toHaveLength(1);
    expect(world.github.state.comments).toHaveLength(0);
    expect(await world.withRegistry((registry) => registry.audit())).toEqual(audit);
  });

  it('files the incident where the repository config routes it: a public repository\'s goes to its security repository', async () => {
    const issued = await world.issueKey({ owner: 'acct_8', label: 'site' });
    plaintexts.push(issued.plaintext);
    const alert = world.github.createSecretScanningAlert(OWNER, 'site', { secret: issued.plaintext, publiclyLeaked: true });
    expect(await deliverAlert(alert.number, 'publicly_leaked', undefined, 'site')).toBe(202);
    await waitFor('the alert to be resolved', () => (alert.state === 'resolved' ? alert : undefined));
    const security = world.github.repo(OWNER, 'security');
    expect(world.github.state.issuesOf(world.github.repo(OWNER, 'site').id)).toEqual([]);
    const [issue, ...more] = world.github.state.issuesOf(security.id);
    expect(more).toEqual([]);
    expect(alert.resolutionComment).toBe(`Leakstop revoked key ${issued.record.id}; incident: ${world.github.url}/${OWNER}/security/issues/${issue!.number}`);
    // No commit location: the sighting is the alert's page.
    expect((await world.key(issued.record.id))?.revocationReason).toBe(`leaked in ${OWNER}/site:${world.github.url}/${OWNER}/site/security/secret-scanning/${alert.number}:1`);
  });

  it('resolves the alert on a later try when GitHub fails the PATCH, without a second revocation or issue', async () => {
    const issued = await world.issueKey({ owner: 'acct_9', label: 'retry' });
    plaintexts.push(issued.plaintext);
    const alert = world.github.createSecretScanningAlert(OWNER, REPO, { secret: issued.plaintext });
    const fault = world.github.faults.add({ method: 'PATCH', path: `/repos/${OWNER}/${REPO}/secret-scanning/alerts/${alert.number}`, times: 6, respond: { status: 502 } });
    const issuesBefore = world.github.state.issuesOf(repoId()).length;
    expect(await deliverAlert(alert.number, 'created')).toBe(202);
    await waitFor('the alert to be resolved', () => (alert.state === 'resolved' ? alert : undefined));
    expect(fault.remaining).toBe(0);
    expect(alertRequests(alert.number, 'PATCH').map((request) => request.status).filter((status) => status === 200)).toEqual([200]);
    expect(world.github.state.issuesOf(repoId())).toHaveLength(issuesBefore + 1);
    const revocations = (await world.withRegistry((registry) => registry.audit())).filter((entry) => entry.keyId === issued.record.id && entry.action === 'revoke');
    expect(revocations).toHaveLength(1);
    expect(world.app.output()).toMatch(/the job is retried|resolving secret scanning alert #\d+ failed/);
  });

  it("leaves another provider's secret alone: no revocation, no issue, the alert untouched", async () => {
    const foreign = gitHubToken();
    gitHubTokens.push(foreign);
    const alert = world.github.createSecretScanningAlert(OWNER, REPO, { secret: foreign, secretType: 'github_personal_access_token', secretTypeDisplayName: 'GitHub Personal Access Token' });
    const issuesBefore = world.github.state.issues.length;
    expect(await deliverAlert(alert.number, 'publicly_leaked')).toBe(202);
    await waitFor('the alert to be judged', () => (logLines('not a key of ours, left alone') === 1 ? true : undefined));
    expect(alertRequests(alert.number, 'GET')).toHaveLength(1);
    expect(alertRequests(alert.number, 'PATCH')).toEqual([]);
    expect(alert).toMatchObject({ state: 'open', resolution: null });
    expect(world.github.state.issues).toHaveLength(issuesBefore);
    // Not a registry hit, and revokeGitHubTokens is for scans: not reported to GitHub either.
    expect(world.github.state.revokedCredentials).toEqual([]);
  });
});

describe('revokeGitHubTokens', () => {
  it('reports the checksum-valid GitHub tokens a push brings in, with the installation token on GitHub Enterprise Server', async () => {
    const valid = [gitHubToken('ghp'), gitHubToken('gho')];
    const invalid = [badChecksumGitHubToken(), gitHubToken('ghs')];
    gitHubTokens.push(...valid, ...invalid);
    work.commit('tokens', {
      '.github/leakstop.yml': 'revokeGitHubTokens: true\n',
      'ci/tokens.env': `GH_TOKEN=${valid[0]}\nOAUTH_TOKEN=${valid[1]}\nOLD_TOKEN=${invalid[0]}\nGH_INSTALLATION_TOKEN='${invalid[1]}'\nAGAIN=${valid[0]}\n`,
    });
    const { run } = await world.pushAndDeliver(work, { owner: OWNER, repo: REPO, ref: 'refs/heads/main', installationId });
    expect(world.github.state.revokedCredentials.map((record) => record.credential).sort()).toEqual([...valid].sort());
    expect(new Set(world.github.state.revokedCredentials.map((record) => record.via))).toEqual(new Set(['installation']));
    const revokes = world.github.requests.filter((request) => request.path.endsWith('/credentials/revoke'));
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.path).toBe('/api/v3/credentials/revoke');
    expect(`${run.output.summary}\n${run.output.text}`).toMatch(/2 GitHub token\(s\) found here were reported to GitHub's credential revocation API/);
  });

  it('reports nothing without the opt-in', async () => {
    const before = world.github.state.revokedCredentials.length;
    const token = gitHubToken('ghu');
    gitHubTokens.push(token);
    work.commit('opt out', { '.github/leakstop.yml': 'revokeGitHubTokens: false\n', 'ci/user.env': `USER_TOKEN=${token}\n` });
    await world.pushAndDeliver(work, { owner: OWNER, repo: REPO, ref: 'refs/heads/main', installationId });
    expect(world.github.state.revokedCredentials).toHaveLength(before);
  });
});

describe('secrets discipline', () => {
  it('leaves no plaintext in any request, log line or registry row, but where GitHub hands or takes the secret', () => {
    expect(plaintexts).toHaveLength(3);
    expect(gitHubTokens.length).toBeGreaterThan(4);
    // GitHub's answers about an alert carry its secret (GET and PATCH …/alerts/{n}), and the
    // revocation API takes the GitHub tokens: there the plaintext belongs; git packs are the test's push.
    const requests = world.github.requests.map((request) => {
      const secretBearing = /\/secret-scanning\/alerts\/\d+$/.test(request.path);
      const revocation = request.path.endsWith('/credentials/revoke');
      const git = request.path.endsWith('git-receive-pack') || request.path.endsWith('git-upload-pack');
      return `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${revocation || git ? '' : request.body}\n${secretBearing || git ? '' : (request.response ?? '')}`;
    });
    const registryFiles = ['', '-wal'].map((suffix) => `${world.registryPath}${suffix}`).filter((file) => fs.existsSync(file));
    const seen = `${requests.join('\n')}\n${world.app.output()}\n${registryFiles.map((file) => fs.readFileSync(file, 'latin1')).join('\n')}`;
    for (const plaintext of [...plaintexts, ...gitHubTokens]) expect(seen).not.toContain(plaintext);
  });
});
