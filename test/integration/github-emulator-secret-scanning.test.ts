// The emulator's secret scanning alerts and credential revocation API, held to GitHub's
// published description: shapes, permissions, validation and limits.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubEmulator, type GitHubEmulator } from '../github/emulator.js';
import { openApiErrors } from '../github/openapi-schema.js';
import { secretScanningAlertPayload } from '../github/webhook-payloads.js';
import { gitHubToken } from '../helpers/github-tokens.js';

let github: GitHubEmulator;
let token: string;
let readOnlyToken: string;
let noAlertsToken: string;

beforeAll(async () => {
  github = await startGitHubEmulator();
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  github.registerApp({ id: 77, publicKey });
  await github.createRepo('acme', 'api', { private: true, ownerType: 'Organization' });
  await github.createRepo('beta', 'api', { private: true, ownerType: 'Organization' });
  await github.createRepo('gamma', 'api', { private: true, ownerType: 'Organization' });
  token = github.createInstallationToken(github.createInstallation({ account: 'acme' }).id);
  const readOnly = github.createInstallation({ account: 'beta', permissions: { metadata: 'read', secret_scanning_alerts: 'read' } });
  readOnlyToken = github.createInstallationToken(readOnly.id);
  noAlertsToken = github.createInstallationToken(github.createInstallation({ account: 'gamma', permissions: { metadata: 'read' } }).id);
});

afterAll(async () => {
  await github?.close();
});

async function call(method: string, path: string, options: { token?: string; body?: unknown; base?: string } = {}) {
  const response = await fetch(`${options.base ?? github.url}${path}`, {
    method,
    headers: { accept: 'application/vnd.github+json', ...(options.token ? { authorization: `token ${options.token}` } : {}), ...(options.body ? { 'content-type': 'application/json' } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('secret scanning alerts', () => {
  it('returns an alert with its secret and first location, shaped as GitHub documents it', async () => {
    const secret = gitHubToken();
    const alert = github.createSecretScanningAlert('acme', 'api', { secret, secretType: 'github_personal_access_token', location: { path: 'a.env', startLine: 2, commitSha: 'f'.repeat(40) } });
    const got = await call('GET', `/repos/acme/api/secret-scanning/alerts/${alert.number}`, { token });
    expect(got.status).toBe(200);
    expect(openApiErrors('GET', `/repos/acme/api/secret-scanning/alerts/${alert.number}`, 200, got.body)).toEqual([]);
    expect(got.body).toMatchObject({ number: alert.number, state: 'open', secret, secret_type: 'github_personal_access_token', first_location_detected: { path: 'a.env', start_line: 2, commit_sha: 'f'.repeat(40) } });
    expect((await call('GET', '/repos/acme/api/secret-scanning/alerts/999', { token })).status).toBe(404);
    github.createSecretScanningAlert('gamma', 'api', { secret: gitHubToken() });
    const refused = await call('GET', '/repos/gamma/api/secret-scanning/alerts/1', { token: noAlertsToken });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-accepted-github-permissions')).toBe('secret_scanning_alerts=read');
  });

  it('resolves an alert as GitHub validates it', async () => {
    const alert = github.createSecretScanningAlert('acme', 'api', { secret: gitHubToken() });
    const path = `/repos/acme/api/secret-scanning/alerts/${alert.number}`;
    expect((await call('PATCH', path, { token, body: { resolution: 'revoked' } })).status).toBe(422);
    expect((await call('PATCH', path, { token, body: { state: 'resolved' } })).status).toBe(422);
    expect((await call('PATCH', path, { token, body: { state: 'resolved', resolution: 'leaked' } })).status).toBe(422);
    expect((await call('PATCH', path, { token, body: { state: 'resolved', resolution: 'revoked', resolution_comment: 'x'.repeat(281) } })).status).toBe(400);
    const resolved = await call('PATCH', path, { token, body: { state: 'resolved', resolution: 'revoked', resolution_comment: 'revoked by us' } });
    expect(resolved.status).toBe(200);
    expect(openApiErrors('PATCH', path, 200, resolved.body)).toEqual([]);
    expect(resolved.body).toMatchObject({ state: 'resolved', resolution: 'revoked', resolution_comment: 'revoked by us', resolved_by: { login: 'leakstop[bot]' } });
    expect((await call('PATCH', path, { token, body: { state: 'resolved', resolution: 'revoked' } })).status).toBe(400);
    github.createSecretScanningAlert('beta', 'api', { secret: gitHubToken() });
    expect((await call('PATCH', '/repos/beta/api/secret-scanning/alerts/1', { token: readOnlyToken, body: { state: 'resolved', resolution: 'revoked' } })).status).toBe(403);
  });

  it('sends webhook payloads without the secret', () => {
    const secret = gitHubToken();
    const alert = github.createSecretScanningAlert('acme', 'api', { secret });
    const payload = secretScanningAlertPayload(github, { owner: 'acme', repo: 'api', number: alert.number, action: 'created', installationId: 40_001 });
    expect(payload).toMatchObject({ action: 'created', alert: { number: alert.number, secret_type: alert.secretType }, repository: { full_name: 'acme/api' }, installation: { id: 40_001 } });
    expect(JSON.stringify(payload)).not.toContain(secret);
  });
});

describe('POST /credentials/revoke', () => {
  it('takes up to 1,000 credentials unauthenticated on github.com, and refuses an authenticated call', async () => {
    const credentials = [gitHubToken(), gitHubToken('gho')];
    const accepted = await call('POST', '/credentials/revoke', { body: { credentials } });
    expect(accepted.status).toBe(202);
    expect(github.state.revokedCredentials.slice(-2)).toMatchObject(credentials.map((credential) => ({ credential, via: 'anonymous' })));
    expect((await call('POST', '/credentials/revoke', { token, body: { credentials } })).status).toBe(403);
    expect((await call('POST', '/credentials/revoke', { body: { credentials: Array.from({ length: 1001 }, () => gitHubToken()) } })).status).toBe(422);
    expect((await call('POST', '/credentials/revoke', { body: { credentials: 'one' } })).status).toBe(422);
  });

  it('wants a token on GitHub Enterprise Server', async () => {
    expect((await call('POST', '/credentials/revoke', { base: github.enterpriseUrl, body: { credentials: [gitHubToken()] } })).status).toBe(401);
    expect((await call('POST', '/credentials/revoke', { base: github.enterpriseUrl, token, body: { credentials: [gitHubToken()] } })).status).toBe(202);
  });

  it('allows 60 requests an hour, and says so in the rate-limit headers', async () => {
    const limited = await startGitHubEmulator({ rateLimit: { anonymous: 1000 } });
    try {
      let last;
      for (let n = 0; n < 60; n++) last = await call('POST', '/credentials/revoke', { base: limited.url, body: { credentials: [gitHubToken()] } });
      expect(last!.status).toBe(202);
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      const refused = await call('POST', '/credentials/revoke', { base: limited.url, body: { credentials: [gitHubToken()] } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(limited.state.revokedCredentials).toHaveLength(60);
    } finally {
      await limited.close();
    }
  });
});
