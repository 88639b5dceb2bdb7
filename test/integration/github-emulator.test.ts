// The GitHub emulator, driven as Leakstop drives GitHub: @octokit/rest (and probot's
// Octokit) over HTTP, and real git over smart HTTP.
import { createHmac, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import sodium from 'libsodium-wrappers';
import { createNodeMiddleware, Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubEmulator, type GitHubEmulator } from '../github/emulator.js';
import { gitCommand, gitTokenArgs } from '../github/git-client.js';
import { documentedStatus, openApiErrors } from '../github/openapi-schema.js';
import { ZERO_SHA } from '../github/push-commits.js';
import { sendWebhook } from '../github/send-webhook.js';
import { installationPayload, installationRepositoriesPayload, pushPayload } from '../github/webhook-payloads.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';

const APP_ID = 4242;
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
// Tokens are made at run time: no credential-shaped literal in the repository.
const userToken = `ghp_${randomBytes(18).toString('hex')}`;

let github: GitHubEmulator;
let octokit: Octokit;
let installationId: number;
const cleanup: string[] = [];

function jwt(claims: Record<string, unknown>, privateKey: string = keys.privateKey): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url')}`;
}

function appJwt(overrides: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt({ iat: now - 30, exp: now + 570, iss: APP_ID, ...overrides });
}

async function raw(method: string, route: string, options: { token?: string; body?: unknown; scheme?: string } = {}) {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (options.token) headers.authorization = `${options.scheme ?? 'token'} ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${github.url}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** A working repository with one commit per file set, pushed to the emulator as `ref`. */
async function pushCommits(owner: string, repo: string, commits: Record<string, string>[], ref = 'main'): Promise<{ work: TestRepo; shas: string[] }> {
  const work = TestRepo.init();
  cleanup.push(work.dir);
  const shas = commits.map((files, index) => work.commit(`commit ${index + 1}`, files));
  const pushed = await gitCommand([...gitTokenArgs(userToken), 'push', '-q', github.gitUrl(owner, repo), `HEAD:refs/heads/${ref}`], {
    cwd: work.dir,
  });
  expect(pushed.stderr).toBe('');
  expect(pushed.code).toBe(0);
  return { work, shas };
}

function installationOctokit(token: string): Octokit {
  return new Octokit({ baseUrl: github.url, auth: token });
}

beforeAll(async () => {
  await sodium.ready;
  github = await startGitHubEmulator();
  github.addUserToken(userToken, { login: 'ada' });
  github.registerApp({ id: APP_ID, publicKey: keys.publicKey });
  await github.createRepo('acme', 'api', { private: true, ownerType: 'Organization' });
  await github.createRepo('acme', 'web');
  await github.createRepo('acme', 'wiki', { hasIssues: false });
  installationId = github.createInstallation({ account: 'acme' }).id;
  octokit = new Octokit({ baseUrl: github.url, auth: userToken });
});

afterAll(async () => {
  await github?.close();
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

describe('repositories and authentication', () => {
  it('serves repository metadata at / and at /api/v3, with rate-limit headers', async () => {
    const { data, headers } = await octokit.repos.get({ owner: 'acme', repo: 'api' });
    expect(data).toMatchObject({
      name: 'api',
      full_name: 'acme/api',
      private: true,
      visibility: 'private',
      default_branch: 'main',
      has_issues: true,
      owner: { login: 'acme', type: 'Organization' },
      html_url: `${github.url}/acme/api`,
      clone_url: github.gitUrl('acme', 'api'),
    });
    expect(headers['x-ratelimit-limit']).toBe('5000');
    expect(Number(headers['x-ratelimit-remaining'])).toBeLessThan(5000);
    expect(headers['x-ratelimit-resource']).toBe('core');
    expect(Number(headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    expect(Number(headers['x-ratelimit-used'])).toBeGreaterThan(0);

    const enterprise = new Octokit({ baseUrl: github.enterpriseUrl, auth: userToken });
    const { data: viaEnterprise } = await enterprise.repos.get({ owner: 'ACME', repo: 'API' });
    expect(viaEnterprise.id).toBe(data.id);
    expect(viaEnterprise.url).toBe(`${github.enterpriseUrl}/repos/acme/api`);
  });

  it('answers unknown repositories, bad credentials and hidden private repositories as GitHub does', async () => {
    const missing = await raw('GET', '/repos/acme/nope', { token: userToken });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
      status: '404',
    });
    const bad = await raw('GET', '/repos/acme/web', { token: 'ghp_not-registered' });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Bad credentials');
    expect(bad.headers.get('x-ratelimit-limit')).toBe('60');
    expect((await raw('GET', '/repos/acme/api')).status).toBe(404);
    expect((await raw('GET', '/repos/acme/web')).status).toBe(200);
    const anonymousWrite = await raw('POST', '/repos/acme/web/issues', { body: { title: 'x' } });
    expect(anonymousWrite.status).toBe(401);
    expect(anonymousWrite.body.message).toBe('Requires authentication');
  });

  it('enforces the primary rate limit per credential', async () => {
    const limited = await startGitHubEmulator({ rateLimit: { authenticated: 2 } });
    try {
      const user = limited.addUserToken(userToken, { login: 'ada' });
      await limited.createRepo('ada', 'tiny');
      const client = new Octokit({ baseUrl: limited.url, auth: userToken });
      await client.repos.get({ owner: 'ada', repo: 'tiny' });
      await client.repos.get({ owner: 'ada', repo: 'tiny' });
      const error = await client.repos.get({ owner: 'ada', repo: 'tiny' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 403, message: expect.stringContaining(`API rate limit exceeded for user ID ${user.id}.`) });
      expect((error as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-remaining']).toBe('0');
    } finally {
      await limited.close();
    }
  });
});

describe('issues, labels and comments', () => {
  it('creates an issue with GitHub’s shape, creating unknown labels', async () => {
    const { data, status, headers } = await octokit.issues.create({
      owner: 'acme',
      repo: 'api',
      title: 'Leaked key',
      body: 'details <!-- marker -->',
      labels: ['security', 'leaked-secret'],
      assignees: ['ada'],
    });
    expect(status).toBe(201);
    expect(headers.location).toBe(data.url);
    expect(data).toMatchObject({
      number: 1,
      title: 'Leaked key',
      body: 'details <!-- marker -->',
      state: 'open',
      locked: false,
      comments: 0,
      user: { login: 'ada', type: 'User' },
      assignees: [{ login: 'ada' }],
      html_url: `${github.url}/acme/api/issues/1`,
      closed_at: null,
    });
    expect(data.labels.map((label) => (typeof label === 'string' ? label : label.name))).toEqual(['security', 'leaked-secret']);
    const { data: label } = await octokit.issues.getLabel({ owner: 'acme', repo: 'api', name: 'SECURITY' });
    expect(label).toMatchObject({ name: 'security', color: 'ededed', default: false });
  });

  it('rejects bad input with 422 and disabled issues with 410', async () => {
    const noTitle = await raw('POST', '/repos/acme/api/issues', { token: userToken, body: { body: 'x' } });
    expect(noTitle.status).toBe(422);
    expect(noTitle.body.message).toBe('Invalid request.\n\n"title" wasn\'t supplied.');
    const emptyTitle = await raw('POST', '/repos/acme/api/issues', { token: userToken, body: { title: ' ' } });
    expect(emptyTitle.status).toBe(422);
    expect(emptyTitle.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
    });
    const badAssignee = await raw('POST', '/repos/acme/api/issues', { token: userToken, body: { title: 't', assignees: ['ghost'] } });
    expect(badAssignee.body.errors).toEqual([{ resource: 'Issue', field: 'assignees', code: 'invalid', value: 'ghost' }]);
    const notJson = await fetch(`${github.url}/repos/acme/api/issues`, {
      method: 'POST',
      headers: { authorization: `token ${userToken}` },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const disabled = await octokit.issues.create({ owner: 'acme', repo: 'wiki', title: 't' }).catch((e: unknown) => e);
    expect(disabled).toMatchObject({ status: 410, message: expect.stringContaining('Issues are disabled for this repo') });
  });

  it('lists issues by state and labels, paginated with Link headers exactly like GitHub', async () => {
    await github.createRepo('acme', 'paging');
    for (let n = 1; n <= 5; n++) {
      await octokit.issues.create({ owner: 'acme', repo: 'paging', title: `issue ${n}`, labels: n % 2 ? ['odd', 'x'] : ['x'] });
    }
    await octokit.issues.update({ owner: 'acme', repo: 'paging', issue_number: 5, state: 'closed' });

    const first = await raw('GET', '/repos/acme/paging/issues?state=all&per_page=2', { token: userToken });
    const base = `${github.url}/repos/acme/paging/issues?state=all&per_page=2`;
    expect(first.headers.get('link')).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    expect(first.body.map((issue: { number: number }) => issue.number)).toEqual([5, 4]);
    const middle = await raw('GET', '/repos/acme/paging/issues?state=all&per_page=2&page=2', { token: userToken });
    expect(middle.headers.get('link')).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await raw('GET', '/repos/acme/paging/issues?state=all&per_page=2&page=3', { token: userToken });
    expect(last.headers.get('link')).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);
    expect(last.body.map((issue: { number: number }) => issue.number)).toEqual([1]);
    const single = await raw('GET', '/repos/acme/paging/issues', { token: userToken });
    expect(single.headers.get('link')).toBeNull();

    const all = await octokit.paginate(octokit.issues.listForRepo, { owner: 'acme', repo: 'paging', state: 'all', per_page: 2 });
    expect(all.map((issue) => issue.number)).toEqual([5, 4, 3, 2, 1]);
    const openOdd = await octokit.paginate(octokit.issues.listForRepo, { owner: 'acme', repo: 'paging', labels: 'ODD,x' });
    expect(openOdd.map((issue) => issue.number)).toEqual([3, 1]);
    const closed = await octokit.issues.listForRepo({ owner: 'acme', repo: 'paging', state: 'closed' });
    expect(closed.data.map((issue) => [issue.number, issue.state, issue.state_reason])).toEqual([[5, 'closed', 'completed']]);
    const oldestFirst = await octokit.issues.listForRepo({ owner: 'acme', repo: 'paging', direction: 'asc' });
    expect(oldestFirst.data.map((issue) => issue.number)).toEqual([1, 2, 3, 4]);
  });

  it('updates issues and keeps their comments', async () => {
    const { data: issue } = await octokit.issues.create({ owner: 'acme', repo: 'api', title: 'to update' });
    const { data: updated } = await octokit.issues.update({
      owner: 'acme',
      repo: 'api',
      issue_number: issue.number,
      body: 'new body',
      labels: ['security'],
    });
    expect(updated).toMatchObject({ body: 'new body', title: 'to update', labels: [{ name: 'security' }] });
    const { data: comment, status } = await octokit.issues.createComment({
      owner: 'acme',
      repo: 'api',
      issue_number: issue.number,
      body: 'seen again',
    });
    expect(status).toBe(201);
    expect(comment).toMatchObject({ body: 'seen again', user: { login: 'ada' }, issue_url: updated.url });
    expect(comment.html_url).toBe(`${updated.html_url}#issuecomment-${comment.id}`);
    const comments = await octokit.paginate(octokit.issues.listComments, { owner: 'acme', repo: 'api', issue_number: issue.number });
    expect(comments.map((c) => c.body)).toEqual(['seen again']);
    const { data: reread } = await octokit.issues.get({ owner: 'acme', repo: 'api', issue_number: issue.number });
    expect(reread.comments).toBe(1);
    const noBody = await raw('POST', `/repos/acme/api/issues/${issue.number}/comments`, { token: userToken, body: {} });
    expect(noBody.body.message).toBe('Invalid request.\n\n"body" wasn\'t supplied.');
    const missing = await raw('GET', '/repos/acme/api/issues/999', { token: userToken });
    expect(missing.status).toBe(404);
  });

  it('creates labels and refuses duplicates whatever their case', async () => {
    const { data, status } = await octokit.issues.createLabel({ owner: 'acme', repo: 'web', name: 'leaked-secret', color: 'B60205' });
    expect(status).toBe(201);
    expect(data).toMatchObject({ name: 'leaked-secret', color: 'b60205', default: false, description: null });
    const duplicate = await raw('POST', '/repos/acme/web/labels', { token: userToken, body: { name: 'Leaked-Secret' } });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
    expect((await raw('GET', '/repos/acme/web/labels/missing', { token: userToken })).status).toBe(404);
    const labels = await octokit.paginate(octokit.issues.listLabelsForRepo, { owner: 'acme', repo: 'web' });
    expect(labels.map((label) => label.name)).toEqual(['leaked-secret']);
  });
});

describe('GitHub App authentication', () => {
  it('authenticates the app by JWT, mints installation tokens and lists the installation’s repositories', async () => {
    const app = await raw('GET', '/app', { token: appJwt(), scheme: 'Bearer' });
    expect(app.status).toBe(200);
    expect(app.body).toMatchObject({ id: APP_ID, slug: 'leakstop', installations_count: 1 });
    const installations = await raw('GET', '/app/installations', { token: appJwt(), scheme: 'bearer' });
    expect(installations.body.map((i: { id: number }) => i.id)).toEqual([installationId]);
    const byRepo = await raw('GET', '/repos/acme/api/installation', { token: appJwt(), scheme: 'bearer' });
    expect(byRepo.body).toMatchObject({ id: installationId, account: { login: 'acme' }, repository_selection: 'all' });

    const minted = await raw('POST', `/app/installations/${installationId}/access_tokens`, { token: appJwt(), scheme: 'bearer' });
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^ghs_[0-9A-Za-z]{36}$/);
    expect(Date.parse(minted.body.expires_at)).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(minted.body).toMatchObject({ permissions: { issues: 'write', contents: 'read' }, repository_selection: 'all' });

    const client = installationOctokit(minted.body.token);
    const repos = await client.paginate(client.apps.listReposAccessibleToInstallation, { per_page: 2 });
    expect(repos.map((repo) => repo.full_name).sort()).toEqual(
      [...github.state.repos.values()].filter((r) => r.owner.login === 'acme').map((r) => `acme/${r.name}`).sort(),
    );
  });

  it('lets probot’s Octokit authenticate as the app and as an installation, also at /api/v3', async () => {
    const probot = new Probot({ appId: APP_ID, privateKey: keys.privateKey, baseUrl: github.enterpriseUrl, logLevel: 'fatal' });
    const { data: app } = await (await probot.auth()).rest.apps.getAuthenticated();
    expect(app?.id).toBe(APP_ID);
    const { data: repo } = await (await probot.auth(installationId)).rest.repos.get({ owner: 'acme', repo: 'api' });
    expect(repo.full_name).toBe('acme/api');
  });

  it('narrows tokens to repositories and refuses permissions the installation lacks', async () => {
    const narrowed = await raw('POST', `/app/installations/${installationId}/access_tokens`, {
      token: appJwt(),
      scheme: 'bearer',
      body: { repositories: ['web'], permissions: { issues: 'read' } },
    });
    expect(narrowed.status).toBe(201);
    expect(narrowed.body.repository_selection).toBe('selected');
    expect(narrowed.body.repositories.map((r: { full_name: string }) => r.full_name)).toEqual(['acme/web']);
    const token = narrowed.body.token as string;
    expect((await raw('GET', '/repos/acme/api', { token })).status).toBe(404);
    const write = await raw('POST', '/repos/acme/web/issues', { token, body: { title: 'x' } });
    expect(write.status).toBe(403);
    expect(write.body.message).toBe('Resource not accessible by integration');
    expect(write.headers.get('x-accepted-github-permissions')).toBe('issues=write');

    const escalate = await raw('POST', `/app/installations/${installationId}/access_tokens`, {
      token: appJwt(),
      scheme: 'bearer',
      body: { permissions: { administration: 'write' } },
    });
    expect(escalate.status).toBe(422);
    expect(escalate.body.message).toBe('The permissions requested are not granted to this installation.');
  });

  it('refuses JWTs that are badly signed, too long-lived, expired or from an unknown app', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, number, string][] = [
      [jwt({ iat: now - 30, exp: now + 570, iss: APP_ID }, other), 401, 'A JSON web token could not be decoded'],
      [appJwt({ exp: now + 3600 }), 401, "'Expiration time' claim ('exp') is too far in the future"],
      [
        appJwt({ iat: now - 1200, exp: now - 600 }),
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      ],
      [appJwt({ iat: now + 600 }), 401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"],
      [appJwt({ iss: 999 }), 404, 'Integration not found'],
    ];
    for (const [token, status, message] of cases) {
      const answer = await raw('GET', '/app', { token, scheme: 'Bearer' });
      expect([answer.status, answer.body.message]).toEqual([status, message]);
    }
    expect((await raw('GET', '/app', { token: userToken })).status).toBe(401);
  });

  it('stops honouring tokens of a deleted installation', async () => {
    await github.createRepo('solo', 'one');
    const solo = github.createInstallation({ account: 'solo', repos: ['one'] });
    const token = github.createInstallationToken(solo.id);
    expect((await raw('GET', '/repos/solo/one', { token })).status).toBe(200);
    github.deleteInstallation(solo.id);
    expect((await raw('GET', '/repos/solo/one', { token })).status).toBe(401);
  });
});

describe('check runs', () => {
  const annotation = (line: number) => ({
    path: 'config/.env',
    start_line: line,
    end_line: line,
    start_column: 5,
    end_column: 20,
    annotation_level: 'failure' as const,
    message: `secret on line ${line}`,
    title: 'Leaked key',
  });

  it('accepts at most 50 annotations per request and accumulates them across updates', async () => {
    const { shas } = await pushCommits('acme', 'api', [{ 'README.md': 'hello\n' }]);
    const head = shas[0]!;
    const client = installationOctokit(github.createInstallationToken(installationId));
    const batch = (from: number, count: number) => Array.from({ length: count }, (_, i) => annotation(from + i));
    const tooMany = await client.checks
      .create({ owner: 'acme', repo: 'api', name: 'Leakstop', head_sha: head, output: { title: 't', summary: 's', annotations: batch(1, 51) } })
      .catch((e: unknown) => e);
    expect(tooMany).toMatchObject({
      status: 422,
      message: expect.stringContaining('No more than 50 items are allowed; 51 were supplied.'),
    });

    const { data: created, status } = await client.checks.create({
      owner: 'acme',
      repo: 'api',
      name: 'Leakstop',
      head_sha: head,
      status: 'in_progress',
      output: { title: 'Scanning', summary: 'first batch', annotations: batch(1, 50) },
    });
    expect(status).toBe(201);
    expect(created).toMatchObject({ name: 'Leakstop', head_sha: head, status: 'in_progress', conclusion: null, app: { id: APP_ID } });
    const { data: done } = await client.checks.update({
      owner: 'acme',
      repo: 'api',
      check_run_id: created.id,
      conclusion: 'failure',
      output: { title: 'Leaks found', summary: 'second batch', annotations: batch(51, 10) },
    });
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Leaks found', annotations_count: 60 } });
    expect(done.completed_at).not.toBeNull();

    const annotations = await client.paginate(client.checks.listAnnotations, {
      owner: 'acme',
      repo: 'api',
      check_run_id: created.id,
      per_page: 100,
    });
    expect(annotations).toHaveLength(60);
    expect(annotations[59]).toMatchObject({
      path: 'config/.env',
      start_line: 60,
      message: 'secret on line 60',
      blob_href: `${github.url}/acme/api/blob/${head}/config/.env`,
    });
    const forRef = await client.checks.listForRef({ owner: 'acme', repo: 'api', ref: 'main' });
    expect(forRef.data.total_count).toBe(1);
    expect(forRef.data.check_runs[0]!.id).toBe(created.id);
    const { data: fetched } = await client.checks.get({ owner: 'acme', repo: 'api', check_run_id: created.id });
    expect(fetched.output.summary).toBe('second batch');
  });

  it('checks the commit exists and that only a GitHub App writes check runs', async () => {
    const client = installationOctokit(github.createInstallationToken(installationId));
    const unknown = await client.checks.create({ owner: 'acme', repo: 'api', name: 'x', head_sha: 'a'.repeat(40) }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 422, message: expect.stringContaining(`No commit found for SHA: ${'a'.repeat(40)}`) });
    const head = (await pushCommits('acme', 'api', [{ a: 'b' }], 'user-attempt')).shas[0]!;
    const asUser = await raw('POST', '/repos/acme/api/check-runs', { token: userToken, body: { name: 'x', head_sha: head } });
    expect(asUser.status).toBe(403);
  });
});

describe('Actions secrets', () => {
  it('seals a secret to the repository key; the emulator opens it; re-writing answers 204', async () => {
    const client = installationOctokit(github.createInstallationToken(installationId));
    const { data: key } = await client.actions.getRepoPublicKey({ owner: 'acme', repo: 'api' });
    expect(sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL)).toHaveLength(32);
    const plaintext = `replacement-${randomBytes(8).toString('hex')}`;
    const { ORIGINAL } = sodium.base64_variants;
    const seal = (value: string) => sodium.to_base64(sodium.crypto_box_seal(value, sodium.from_base64(key.key, ORIGINAL)), ORIGINAL);
    const put = (value: string) =>
      client.actions.createOrUpdateRepoSecret({ owner: 'acme', repo: 'api', secret_name: 'API_KEY', encrypted_value: seal(value), key_id: key.key_id });
    const first = await put(plaintext);
    expect(first.status).toBe(201);
    expect(github.openActionsSecret('acme', 'api', 'API_KEY')).toBe(plaintext);
    const second = await put(`${plaintext}-2`);
    expect(second.status).toBe(204);
    expect(github.openActionsSecret('acme', 'api', 'api_key')).toBe(`${plaintext}-2`);
    const { data: listed } = await client.actions.listRepoSecrets({ owner: 'acme', repo: 'api' });
    expect(listed).toMatchObject({ total_count: 1, secrets: [{ name: 'API_KEY' }] });
    const wrongKey = await raw('PUT', '/repos/acme/api/actions/secrets/OTHER', {
      token: userToken,
      body: { encrypted_value: seal('x'), key_id: '1' },
    });
    expect(wrongKey.status).toBe(422);
    // The plaintext never travelled: only the sealed box did.
    expect(github.requests.some((request) => request.body.includes(plaintext))).toBe(false);
  });
});

describe('contents', () => {
  it('reads files and directories from the git data at a ref', async () => {
    await github.createRepo('acme', 'configured');
    const empty = await raw('GET', '/repos/acme/configured/contents/.github/leakstop.yml', { token: userToken });
    expect([empty.status, empty.body.message]).toEqual([404, 'This repository is empty.']);
    const config = 'allowlist:\n  paths: ["fixtures/**"]\n';
    await pushCommits('acme', 'configured', [{ '.github/leakstop.yml': config, 'src/a.txt': 'a' }]);
    await pushCommits('acme', 'configured', [{ '.github/leakstop.yml': 'other: true\n' }], 'feature');

    const { data } = await octokit.repos.getContent({ owner: 'acme', repo: 'configured', path: '.github/leakstop.yml' });
    expect(Array.isArray(data)).toBe(false);
    const file = data as { type: string; encoding: string; content: string; path: string; size: number; sha: string };
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: '.github/leakstop.yml', size: config.length });
    expect(Buffer.from(file.content, 'base64').toString()).toBe(config);
    const onBranch = await octokit.repos.getContent({ owner: 'acme', repo: 'configured', path: '.github/leakstop.yml', ref: 'feature' });
    expect(Buffer.from((onBranch.data as { content: string }).content, 'base64').toString()).toBe('other: true\n');
    const dir = await octokit.repos.getContent({ owner: 'acme', repo: 'configured', path: 'src' });
    expect((dir.data as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([['a.txt', 'file']]);
    const missing = await raw('GET', '/repos/acme/configured/contents/nope.yml', { token: userToken });
    expect(missing.status).toBe(404);
    const badRef = await raw('GET', '/repos/acme/configured/contents/src/a.txt?ref=nope', { token: userToken });
    expect(badRef.body.message).toBe('No commit found for the ref nope');
  });
});

describe('git smart HTTP', () => {
  it('clones, pushes and fetches with a token; refuses without one', async () => {
    await github.createRepo('acme', 'secret-service', { private: true });
    const url = github.gitUrl('acme', 'secret-service');
    const { shas } = await pushCommits('acme', 'secret-service', [{ 'a.txt': 'one' }, { 'b.txt': 'two' }]);

    const token = github.createInstallationToken(installationId);
    const clone = tempDir();
    cleanup.push(clone);
    const cloned = await gitCommand(['-c', `http.extraHeader=Authorization: Bearer ${token}`, 'clone', '-q', url, clone]);
    expect(cloned.code).toBe(0);
    expect(fs.readFileSync(path.join(clone, 'b.txt'), 'utf8')).toBe('two');

    const anonymous = await gitCommand(['ls-remote', url]);
    expect(anonymous.code).not.toBe(0);
    const refusal = github.requests.findLast((request) => request.url.startsWith('/acme/secret-service.git/info/refs'));
    expect(refusal?.status).toBe(401);
    const wrong = await gitCommand([...gitTokenArgs('ghs_wrong'), 'ls-remote', url]);
    expect(wrong.code).not.toBe(0);

    // The installation may read contents but not write them.
    const work = new TestRepo(clone);
    work.commit('three', { 'c.txt': 'three' });
    const denied = await gitCommand([...gitTokenArgs(token), 'push', '-q', url, 'HEAD:main'], { cwd: clone });
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('403');

    const pushed = await gitCommand([...gitTokenArgs(userToken), 'push', '-q', url, 'HEAD:main'], { cwd: clone });
    expect(pushed.code).toBe(0);
    const fetched = await gitCommand([...gitTokenArgs(token), 'fetch', '-q', url, 'main'], { cwd: clone });
    expect(fetched.code).toBe(0);
    const bare = new TestRepo(github.repoPath('acme', 'secret-service'));
    expect(bare.git(['rev-list', '--count', 'main']).trim()).toBe('3');
    expect(bare.git(['rev-parse', 'main~1']).trim()).toBe(shas[1]);
  });

  it('passes gzip request bodies and the protocol version through to git http-backend', async () => {
    const { shas } = await pushCommits('acme', 'api', [{ 'z.txt': 'z' }], 'gzip-check');
    // A protocol v2 `ls-refs` request, gzip-compressed as git sends large requests.
    const request = gzipSync(Buffer.from('0014command=ls-refs\n00010009peel\n0000'));
    const response = await fetch(`${github.gitUrl('acme', 'api')}/git-upload-pack`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${github.createInstallationToken(installationId)}`,
        'content-type': 'application/x-git-upload-pack-request',
        'content-encoding': 'gzip',
        'git-protocol': 'version=2',
      },
      body: request,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-result');
    expect(await response.text()).toContain(`${shas[0]} refs/heads/gzip-check`);
  });

  it('lets anyone clone a public repository but only a writer push to it', async () => {
    await pushCommits('acme', 'web', [{ 'index.html': '<p>hi</p>' }]);
    const clone = tempDir();
    cleanup.push(clone);
    expect((await gitCommand(['clone', '-q', github.gitUrl('acme', 'web'), clone])).code).toBe(0);
    new TestRepo(clone).commit('anonymous change', { 'index.html': 'changed' });
    const push = await gitCommand(['push', '-q', github.gitUrl('acme', 'web'), 'HEAD:main'], { cwd: clone });
    expect(push.code).not.toBe(0);
  });
});

describe('fault injection', () => {
  it('fails matching requests the given number of times, then serves them', async () => {
    const fault = github.faults.add({ method: 'POST', path: /\/issues$/, times: 2, respond: { status: 500 } });
    const first = await raw('POST', '/repos/acme/api/issues', { token: userToken, body: { title: 'after faults' } });
    expect([first.status, first.body.message]).toEqual([500, 'Server Error']);
    const RetryingOctokit = Octokit.plugin(retry);
    const client = new RetryingOctokit({ baseUrl: github.url, auth: userToken, retry: { retryAfterBaseValue: 10 } });
    const { status } = await client.issues.create({ owner: 'acme', repo: 'api', title: 'after faults' });
    expect(status).toBe(201);
    expect(fault).toMatchObject({ hits: 2, remaining: 0 });
    const gone = github.faults.add({ path: '/repos/acme/api/issues', respond: { status: 410 } });
    const answer = await raw('GET', '/repos/acme/api/issues', { token: userToken });
    expect([answer.status, answer.body.message, gone.hits]).toEqual([410, 'Issues are disabled for this repo', 1]);
  });

  it('fails git requests too', async () => {
    const clone = tempDir();
    cleanup.push(clone);
    const url = github.gitUrl('acme', 'web');
    github.faults.add({ path: '/acme/web.git/git-upload-pack', respond: { status: 502 } });
    const failed = await gitCommand(['clone', '-q', url, clone]);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('502');
    expect((await gitCommand(['clone', '-q', url, clone])).code).toBe(0);
  });

  it('answers like GitHub’s secondary and primary rate limits, which the throttling plugin recognises', async () => {
    github.faults.add({ path: '/repos/acme/api', method: 'GET', respond: { status: 403, rateLimit: true, retryAfter: 1 } });
    github.faults.add({ path: '/repos/acme/api', method: 'GET', respond: { status: 429, rateLimit: 'primary', retryAfter: 1 } });
    const seen: string[] = [];
    const ThrottledOctokit = Octokit.plugin(throttling);
    const client = new ThrottledOctokit({
      baseUrl: github.url,
      auth: userToken,
      throttle: {
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(`secondary ${retryAfter}`);
          return true;
        },
        onRateLimit: () => {
          seen.push('primary');
          return true;
        },
      },
    });
    const { status } = await client.repos.get({ owner: 'acme', repo: 'api' });
    expect(status).toBe(200);
    expect(seen).toEqual(['secondary 1', 'primary']);
    const limited = github.requests.filter((request) => request.status === 403 && request.response?.includes('secondary rate limit'));
    expect(limited).toHaveLength(1);
  });

  it('holds a request, then drops it unanswered or handles it although the client gave up', async () => {
    const post = (title: string, signal?: AbortSignal) =>
      fetch(`${github.url}/repos/acme/api/issues`, {
        method: 'POST',
        headers: { authorization: `token ${userToken}` },
        body: JSON.stringify({ title }),
        signal,
      }).catch((error: unknown) => error);
    const before = github.state.issues.length;
    github.faults.add({ path: '/repos/acme/api/issues', method: 'POST', respond: { timeoutMs: 300 } });
    expect(await post('dropped')).toBeInstanceOf(Error);
    expect(github.state.issues.length).toBe(before);

    github.faults.add({ path: '/repos/acme/api/issues', method: 'POST', respond: { timeoutMs: 300, afterTimeout: 'handle' } });
    const patience = new AbortController();
    const abandoned = post('created although nobody waited', patience.signal);
    // Give up only once the emulator holds the request.
    await expect.poll(() => github.requests.some((request) => request.body.includes('nobody waited'))).toBe(true);
    patience.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    await expect.poll(() => github.state.issues.length, { timeout: 10_000 }).toBe(before + 1);
    expect(github.state.issues.at(-1)!.title).toBe('created although nobody waited');
    expect(github.faults.pending()).toEqual([]);
  });
});

describe('the request log', () => {
  it('keeps method, path, headers and body of every request', async () => {
    const marker = `needle-${randomBytes(6).toString('hex')}`;
    await octokit.issues.create({ owner: 'acme', repo: 'web', title: 'log me', body: marker });
    const logged = github.requests.filter((request) => request.body.includes(marker));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'POST', path: '/repos/acme/web/issues', status: 201 });
    expect(logged[0]!.headers.authorization).toBe(`token ${userToken}`);
    expect(JSON.parse(logged[0]!.body)).toMatchObject({ title: 'log me', body: marker });
  });
});

describe('webhooks', () => {
  it('delivers signed events that probot accepts, and payloads shaped like GitHub’s', async () => {
    const secret = randomBytes(12).toString('hex');
    const received: { name: string; payload: Record<string, unknown>; id: string }[] = [];
    const configs: unknown[] = [];
    const probot = new Probot({ appId: APP_ID, privateKey: keys.privateKey, secret, baseUrl: github.url, logLevel: 'fatal' });
    const middleware = await createNodeMiddleware(
      (app) => {
        app.onAny(async (context) => {
          received.push({ name: context.name, payload: context.payload as Record<string, unknown>, id: context.id });
        });
        // As the app will: authenticate as the installation and read the repository's config.
        app.on('push', async (context) => {
          configs.push(await context.config('leakstop.yml'));
        });
      },
      { probot },
    );
    const headers: IncomingMessage['headers'][] = [];
    const server = http.createServer((request, response) => {
      headers.push(request.headers);
      void middleware(request, response, () => response.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
    try {
      await github.createRepo('acme', 'hooks');
      const { work, shas } = await pushCommits('acme', 'hooks', [
        { 'a.txt': '1', '.github/leakstop.yml': 'annotateThirdParty: false\n' },
        { 'b.txt': '2', 'a.txt': 'changed' },
      ]);
      const push = await pushPayload(github, {
        owner: 'acme',
        repo: 'hooks',
        ref: 'refs/heads/main',
        before: ZERO_SHA,
        after: shas[1]!,
        installationId,
      });
      expect(push).toMatchObject({ created: true, deleted: false, forced: false, installation: { id: installationId } });
      expect(push.commits.map((c) => [c.id, c.added, c.modified])).toEqual([
        [shas[0], ['.github/leakstop.yml', 'a.txt'], []],
        [shas[1], ['b.txt'], ['a.txt']],
      ]);
      expect(push.repository).toMatchObject({ full_name: 'acme/hooks', clone_url: github.gitUrl('acme', 'hooks'), master_branch: 'main' });
      expect(typeof push.repository.pushed_at).toBe('number');

      const deliveryId = 'b1f4e2a0-0000-4000-8000-000000000001';
      expect(await sendWebhook(url, { event: 'push', payload: push, secret, deliveryId, appId: APP_ID })).toBe(200);
      expect(await sendWebhook(url, { event: 'push', payload: push, secret: 'wrong' })).toBe(400);
      expect(await sendWebhook(url, { event: 'push', payload: push })).toBe(400);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ name: 'push', id: deliveryId, payload: { after: shas[1] } });
      await expect.poll(() => configs).toEqual([{ annotateThirdParty: false }]);
      const tokenRequest = github.requests.findLast((request) => request.path === `/app/installations/${installationId}/access_tokens`);
      expect(tokenRequest?.headers.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const body = JSON.stringify(push);
      expect(headers[0]).toMatchObject({
        'x-github-event': 'push',
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
        'content-type': 'application/json',
      });
      expect(headers[0]!['user-agent']).toMatch(/^GitHub-Hookshot\/[0-9a-f]{7}$/);

      // A force push: `before` is no ancestor of `after`.
      work.git(['reset', '-q', '--hard', shas[0]!]);
      const rewritten = work.commit('rewrite', { 'c.txt': '3' });
      const forcePush = await gitCommand([...gitTokenArgs(userToken), 'push', '-q', '-f', github.gitUrl('acme', 'hooks'), 'HEAD:main'], {
        cwd: work.dir,
      });
      expect(forcePush.code).toBe(0);
      const forced = await pushPayload(github, { owner: 'acme', repo: 'hooks', ref: 'refs/heads/main', before: shas[1]!, after: rewritten });
      expect(forced).toMatchObject({ forced: true, created: false, head_commit: { id: rewritten, added: ['c.txt'] } });
      expect(forced.commits.map((c) => c.id)).toEqual([rewritten]);

      const installed = installationPayload(github, { installationId });
      expect(installed).toMatchObject({ action: 'created', installation: { id: installationId, app_id: APP_ID, account: { login: 'acme' } } });
      expect(installed.repositories.map((r) => r.full_name)).toContain('acme/hooks');
      const added = installationRepositoriesPayload(github, { installationId, action: 'added', repos: ['hooks'] });
      expect(added).toMatchObject({ action: 'added', repositories_added: [{ full_name: 'acme/hooks' }], repositories_removed: [] });
      expect(await sendWebhook(url, { event: 'installation_repositories', payload: added, secret })).toBe(200);
      expect(received.at(-1)).toMatchObject({ name: 'installation_repositories', payload: { action: 'added' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('faithfulness to GitHub’s OpenAPI description', () => {
  it('gives every JSON answer of this suite the documented shape for its status', async () => {
    // Make sure the main shapes are in the log even when this test runs alone.
    const client = installationOctokit(github.createInstallationToken(installationId));
    const { data: issue } = await client.issues.create({ owner: 'acme', repo: 'api', title: 'shape', labels: ['shape'] });
    await client.issues.createComment({ owner: 'acme', repo: 'api', issue_number: issue.number, body: 'c' });
    await client.issues.listForRepo({ owner: 'acme', repo: 'api' });
    await client.issues.getLabel({ owner: 'acme', repo: 'api', name: 'shape' });
    await client.repos.get({ owner: 'acme', repo: 'api' });
    await raw('POST', `/app/installations/${installationId}/access_tokens`, { token: appJwt(), scheme: 'bearer' });
    await raw('GET', `/app/installations/${installationId}`, { token: appJwt(), scheme: 'bearer' });
    await client.apps.listReposAccessibleToInstallation();
    await github.createRepo('acme', 'shapes');
    const { shas } = await pushCommits('acme', 'shapes', [{ '.github/leakstop.yml': 'x: 1\n' }]);
    const annotation = { path: 'a', start_line: 1, end_line: 1, annotation_level: 'warning' as const, message: 'm' };
    const { data: run } = await client.checks.create({
      owner: 'acme',
      repo: 'shapes',
      name: 'Leakstop',
      head_sha: shas[0]!,
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [annotation] },
    });
    await client.checks.listAnnotations({ owner: 'acme', repo: 'shapes', check_run_id: run.id });
    await client.checks.listForRef({ owner: 'acme', repo: 'shapes', ref: shas[0]! });
    await client.repos.getContent({ owner: 'acme', repo: 'shapes', path: '.github/leakstop.yml' });
    await client.actions.getRepoPublicKey({ owner: 'acme', repo: 'shapes' });

    const checked: string[] = [];
    const problems: string[] = [];
    for (const request of github.requests) {
      if (!request.response?.startsWith('{') && !request.response?.startsWith('[')) continue;
      const apiPath = request.path.replace(/^\/api\/v3/, '');
      if (!documentedStatus(request.method, apiPath, request.status)) continue;
      const errors = openApiErrors(request.method, apiPath, request.status, JSON.parse(request.response));
      checked.push(`${request.method} ${apiPath} ${request.status}`);
      problems.push(...errors.map((error) => `${request.method} ${apiPath} ${request.status}: ${error}`));
    }
    // GitHub's description lists installations with `account` as allOf [user, enterprise]
    // (the single-installation schema says anyOf); GitHub answers with the user alone.
    const descriptionQuirk = /^GET \/app\/installations 200: body\[\d+\]\.account\.(name|slug|created_at|updated_at): required/;
    expect(problems.filter((problem) => !descriptionQuirk.test(problem))).toEqual([]);
    // The shapes Leakstop depends on were among those checked.
    const covered = (pattern: RegExp) => checked.some((entry) => pattern.test(entry));
    for (const pattern of [
      /^POST \/repos\/acme\/api\/issues 201$/,
      /^GET \/repos\/acme\/\w+\/issues 200$/,
      /^POST \/repos\/acme\/api\/issues\/\d+\/comments 201$/,
      /^GET \/repos\/acme\/api\/labels\/shape 200$/,
      /^GET \/repos\/acme\/api 200$/,
      /^POST \/app\/installations\/\d+\/access_tokens 201$/,
      /^GET \/app\/installations\/\d+ 200$/,
      /^GET \/installation\/repositories 200$/,
      /^POST \/repos\/acme\/shapes\/check-runs 201$/,
      /^GET \/repos\/acme\/shapes\/check-runs\/\d+\/annotations 200$/,
      /^GET \/repos\/acme\/shapes\/commits\/\w+\/check-runs 200$/,
      /^GET \/repos\/acme\/shapes\/contents\/.+ 200$/,
      /^GET \/repos\/acme\/shapes\/actions\/secrets\/public-key 200$/,
    ]) {
      expect(covered(pattern), String(pattern)).toBe(true);
    }
  });
});
