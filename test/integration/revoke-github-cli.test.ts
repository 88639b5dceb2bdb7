// `leakstop revoke --github`: a responder's list of someone else's leaked GitHub tokens, checked
// offline by their checksum and reported to GitHub's credential revocation API — only valid
// ones, in batches of 1,000, unauthenticated on github.com, with a token on GitHub Enterprise
// Server, within GitHub's hourly limit — and never a plaintext token in what the CLI prints.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubEmulator, type GitHubEmulator } from '../github/emulator.js';
import { badChecksumGitHubToken, gitHubToken } from '../helpers/github-tokens.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

let github: GitHubEmulator;
const KINDS = ['ghp', 'gho', 'ghu', 'ghr'] as const;

beforeEach(async () => {
  github = await startGitHubEmulator();
});

afterEach(async () => {
  await github.close();
});

const validTokens = (count: number) => Array.from({ length: count }, (_, index) => gitHubToken(KINDS[index % KINDS.length]));

/** Strings a responder might paste that must never be sent. */
const notSendable = () => [badChecksumGitHubToken(), gitHubToken('ghs'), `github_pat_${randomBytes(11).toString('hex')}_${randomBytes(30).toString('hex').slice(0, 59)}`, 'hello world'];

const revokeRequests = () => github.requests.filter((request) => request.path.endsWith('/credentials/revoke'));

function expectNoPlaintext(result: CliResult, tokens: string[]) {
  const printed = `${result.stdout}\n${result.stderr}`;
  for (const token of tokens) expect(printed).not.toContain(token);
}

describe('leakstop revoke --github', () => {
  it('sends only checksum-valid tokens, 1,000 a request, without authorization on github.com', async () => {
    const valid = validTokens(1500);
    const junk = notSendable();
    const input = [...valid.slice(0, 700), ...junk, ...valid.slice(700), valid[0]!].join('\n');
    const result = await runCli(['revoke', '--github', '--api-url', github.url], { input, env: { GITHUB_TOKEN: 'ghp_not-sent-to-github-com', GITHUB_API_URL: undefined } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const requests = revokeRequests();
    expect(requests.map((request) => (JSON.parse(request.body) as { credentials: string[] }).credentials.length)).toEqual([1000, 500]);
    expect(requests.every((request) => request.status === 202 && request.headers.authorization === undefined)).toBe(true);
    expect(github.state.revokedCredentials.map((record) => record.credential).sort()).toEqual([...valid].sort());
    expect(new Set(github.state.revokedCredentials.map((record) => record.via))).toEqual(new Set(['anonymous']));
    expect(result.stdout.match(/^submitted {2}\S+$/gm)).toHaveLength(1500);
    expect(result.stdout.match(/^skipped /gm)).toHaveLength(junk.length);
    expect(result.stdout).toMatch(/^Submitted 1500 token\(s\) to .*\/credentials\/revoke in 2 request\(s\); 4 skipped\./m);
    expectNoPlaintext(result, [...valid, ...junk.slice(0, 3)]);
  });

  it('sends nothing on a dry run', async () => {
    const valid = validTokens(3);
    const result = await runCli(['revoke', '--github', '--dry-run', '--api-url', github.url], { input: [...valid, badChecksumGitHubToken()].join('\n') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run: 3 token\(s\) would go to .* in 1 request\(s\); 1 skipped\.$/m);
    expect(revokeRequests()).toEqual([]);
    expectNoPlaintext(result, valid);
  });

  it('carries GITHUB_TOKEN to GitHub Enterprise Server, and needs it there', async () => {
    const responder = `ghp_${randomBytes(18).toString('hex')}`;
    github.addUserToken(responder, { login: 'responder' });
    const valid = validTokens(2);
    const result = await runCli(['revoke', '--github', '--api-url', github.enterpriseUrl], { input: valid.join('\n'), env: { GITHUB_TOKEN: responder } });
    expect(result.code).toBe(0);
    expect(revokeRequests()[0]!.headers.authorization).toBe(`Bearer ${responder}`);
    expect(github.state.revokedCredentials.map((record) => record.via)).toEqual(['user', 'user']);

    const without = await runCli(['revoke', '--github', '--api-url', github.enterpriseUrl], { input: valid.join('\n'), env: { GITHUB_TOKEN: undefined } });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/^leakstop: GitHub Enterprise Server wants a token for credential revocation: set GITHUB_TOKEN\n$/);
    expect(revokeRequests()).toHaveLength(1);
  });

  it("stops when GitHub's hourly limit is spent, saying how far it got", async () => {
    github.state.credentialRevocationsPerHour = 2;
    const valid = validTokens(2500);
    const result = await runCli(['revoke', '--github', '--api-url', github.url], { input: valid.join('\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^leakstop: GitHub's limit on credential revocation is spent until \S+: 2000 token\(s\) submitted, 500 not; .*--wait.*\n$/);
    // The budget GitHub reported was honoured: no third request was made to be refused.
    expect(revokeRequests().map((request) => request.status)).toEqual([202, 202]);
    expect(github.state.revokedCredentials).toHaveLength(2000);
    expectNoPlaintext(result, valid);
  });

  it('waits out a rate-limited answer (429 with the reset time) and sends the batch again', async () => {
    github.faults.add({ method: 'POST', path: '/credentials/revoke', times: 1, respond: { status: 429, rateLimit: 'primary', retryAfter: 2 } });
    const valid = validTokens(5);
    const result = await runCli(['revoke', '--github', '--api-url', github.url], { input: valid.join('\n'), env: { LEAKSTOP_GITHUB_TIME_SCALE: '0.01' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^leakstop: GitHub answered 429: .*; waiting \d+ s\n$/);
    expect(revokeRequests().map((request) => request.status)).toEqual([429, 202]);
    expect(github.state.revokedCredentials).toHaveLength(5);
    expectNoPlaintext(result, valid);
  });

  it('refuses bad usage with one line', async () => {
    const mixed = await runCli(['revoke', 'lk_1', '--github'], { input: '' });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^leakstop: --github takes the tokens on stdin: no key id, --reason or --replace\n$/);
    const empty = await runCli(['revoke', '--github', '--api-url', github.url], { input: '\n\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^leakstop: no tokens on stdin/);
    const badUrl = await runCli(['revoke', '--github', '--api-url', 'ftp://x'], { input: gitHubToken() });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/^leakstop: --api-url must be an http\(s\) URL/);
  });
});
