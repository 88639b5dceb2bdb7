// `leakstop revoke --github`: suspect GitHub tokens on stdin, one a line (a responder's list of
// someone else's leaked tokens), checked offline by their checksum, then reported to GitHub's
// credential revocation API, which revokes them and tells their owners. Only the redacted form
// of a token is ever printed.
import { GitHubError, UsageError } from '../errors.js';
import { redact } from '../redact.js';
import { numberFromEnv } from '../respond/github-client.js';
import { isRevocableGitHubToken } from '../respond/revocable-github-token.js';
import { isEnterpriseApi, MAX_CREDENTIALS_PER_REQUEST, RevocationRateLimited, submitGitHubRevocations } from '../respond/submit-github-revocations.js';

export interface RevokeGitHubFlags {
  dryRun?: boolean;
  apiUrl?: string;
  wait?: boolean;
}

/** Without --wait, a wait for GitHub's limit longer than this stops the submission instead. */
const SHORT_WAIT_MS = 60_000;

async function readLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

function apiUrlOf(flag: string | undefined): string {
  const value = flag ?? (process.env.GITHUB_API_URL || 'https://api.github.com');
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw new UsageError(`${flag ? '--api-url' : 'GITHUB_API_URL'} must be an http(s) URL such as https://github.example.com/api/v3, not "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

export async function revokeGitHubTokens(flags: RevokeGitHubFlags): Promise<void> {
  const apiUrl = apiUrlOf(flags.apiUrl);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const lines = [...new Set(await readLines())];
  if (lines.length === 0) throw new UsageError('no tokens on stdin: give the suspect GitHub tokens one a line');
  const tokens = lines.filter(isRevocableGitHubToken);
  for (const line of lines) if (!isRevocableGitHubToken(line)) out(`skipped    ${redact(line)}: not a GitHub token with a valid checksum that GitHub's revocation API takes`);
  const enterprise = isEnterpriseApi(apiUrl);
  const token = enterprise ? process.env.GITHUB_TOKEN || undefined : undefined;
  if (enterprise && !token) throw new UsageError('GitHub Enterprise Server wants a token for credential revocation: set GITHUB_TOKEN');
  const requests = Math.ceil(tokens.length / MAX_CREDENTIALS_PER_REQUEST);
  if (flags.dryRun) {
    for (const candidate of tokens) out(`would send ${redact(candidate)}`);
    out(`Dry run: ${tokens.length} token(s) would go to ${apiUrl}/credentials/revoke in ${requests} request(s); ${lines.length - tokens.length} skipped.`);
    return;
  }
  if (tokens.length === 0) {
    out(`Nothing submitted: none of the ${lines.length} line(s) is a GitHub token with a valid checksum.`);
    return;
  }
  try {
    const result = await submitGitHubRevocations(tokens, {
      apiUrl,
      token,
      maxWaitMs: flags.wait ? Infinity : SHORT_WAIT_MS,
      timeScale: numberFromEnv(process.env, 'LEAKSTOP_GITHUB_TIME_SCALE'),
      onAccepted: (batch) => batch.forEach((accepted) => out(`submitted  ${redact(accepted)}`)),
      onWait: (ms, why) => process.stderr.write(`leakstop: ${why}; waiting ${Math.ceil(ms / 1000)} s\n`),
    });
    out(`Submitted ${result.submitted} token(s) to ${apiUrl}/credentials/revoke in ${requests} request(s); ${lines.length - tokens.length} skipped. GitHub revokes them and notifies their owners.`);
  } catch (error) {
    if (error instanceof RevocationRateLimited && !flags.wait) throw new GitHubError(`${error.message}, or now with --wait to wait for it`);
    throw error;
  }
}
