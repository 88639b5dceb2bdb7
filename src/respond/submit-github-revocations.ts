// Reports leaked GitHub tokens to GitHub's credential revocation API (`POST /credentials/revoke`),
// which revokes them and tells their owners. At most 1,000 a request and 60 requests an hour:
// the budget GitHub reports (`x-ratelimit-remaining`, `x-ratelimit-reset`, `retry-after`) is
// waited out when the wait is short enough, else the submission stops, saying how far it got.
// Submitting a token again is harmless (a revoked token stays revoked), so a retry resubmits
// rather than keep a record of plaintext tokens anywhere.
import { setTimeout as sleep } from 'node:timers/promises';
import { GitHubError, LeakstopError } from '../errors.js';
import { redact } from '../redact.js';
import { gitHubFetch } from './github-fetch.js';
import { waitAsked } from './github-rate-limit.js';

export const MAX_CREDENTIALS_PER_REQUEST = 1000;

/** Transient failures (5xx, a dropped connection) tried again this many times. */
const RETRIES = 2;

export interface RevocationEndpoint {
  /** The REST base: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /**
   * Sent only to GitHub Enterprise Server, which wants a token; github.com answers 403 to any
   * authenticated call of this endpoint.
   */
  token?: string;
}

export interface SubmitOptions extends RevocationEndpoint {
  /** The longest wait for GitHub's limit to reset; a longer one stops the submission. */
  maxWaitMs: number;
  /** Multiplies every wait (tests make an hour milliseconds). */
  timeScale?: number;
  /** Told of each batch GitHub accepted (202). */
  onAccepted?: (batch: string[]) => void;
  /** Told before each wait for the limit. */
  onWait?: (ms: number, why: string) => void;
}

/** GitHub's hourly limit stopped the submission; `submitted` tokens went through before it. */
export class RevocationRateLimited extends LeakstopError {
  constructor(
    readonly submitted: number,
    readonly remaining: number,
    readonly resetAt: Date,
  ) {
    super(
      `GitHub's limit on credential revocation is spent until ${resetAt.toISOString()}: ${submitted} token(s) submitted, ${remaining} not; ` +
        'run the same submission again then (resubmitting a token is harmless)',
    );
  }
}

/** Whether the endpoint is GitHub Enterprise Server's (`…/api/v3`), which takes a token. */
export function isEnterpriseApi(apiUrl: string): boolean {
  return /\/api\/v3\/?$/.test(new URL(apiUrl).pathname);
}

/** GitHub's message, one line, with anything token-shaped in it redacted. */
async function answerText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let message = text;
  try {
    message = String((JSON.parse(text) as { message?: unknown }).message ?? text);
  } catch {
    // not JSON: the text itself
  }
  return message.split('\n')[0]!.slice(0, 200).replace(/\b(?:gh[a-z]_|github_pat_)\w+/g, (token) => redact(token));
}

export async function submitGitHubRevocations(tokens: string[], options: SubmitOptions): Promise<{ submitted: number }> {
  const url = `${options.apiUrl.replace(/\/+$/, '')}/credentials/revoke`;
  const scale = options.timeScale ?? 1;
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'content-type': 'application/json',
    'user-agent': 'leakstop',
    'x-github-api-version': '2022-11-28',
  };
  if (options.token && isEnterpriseApi(options.apiUrl)) headers.authorization = `Bearer ${options.token}`;
  let submitted = 0;
  /** The limit must reset before the next request (GitHub said no budget is left). */
  let mustWait: { ms: number; why: string } | undefined;

  const waitOrStop = async (ms: number, why: string) => {
    if (ms > options.maxWaitMs) throw new RevocationRateLimited(submitted, tokens.length - submitted, new Date(Date.now() + ms));
    options.onWait?.(ms, why);
    await sleep(ms * scale);
  };

  for (let start = 0; start < tokens.length; start += MAX_CREDENTIALS_PER_REQUEST) {
    const batch = tokens.slice(start, start + MAX_CREDENTIALS_PER_REQUEST);
    for (let failures = 0; ; ) {
      if (mustWait) await waitOrStop(mustWait.ms, mustWait.why);
      mustWait = undefined;
      let response: Response;
      try {
        response = await gitHubFetch(url, { method: 'POST', headers, body: JSON.stringify({ credentials: batch }) });
      } catch (error) {
        if (++failures > RETRIES) throw new GitHubError(`submitting GitHub tokens for revocation: ${url} did not answer (${(error as Error).message})`);
        await sleep(1000 * failures * scale);
        continue;
      }
      const asked = waitAsked((name) => response.headers.get(name) ?? undefined, Date.now());
      if (response.status === 202) {
        await response.body?.cancel();
        submitted += batch.length;
        options.onAccepted?.(batch);
        if (asked !== undefined && response.headers.get('x-ratelimit-remaining') === '0') mustWait = { ms: asked, why: "GitHub's hourly limit is spent" };
        break;
      }
      const message = await answerText(response);
      if ((response.status === 403 || response.status === 429) && asked !== undefined) {
        mustWait = { ms: asked, why: `GitHub answered ${response.status}: ${message}` };
        continue;
      }
      if (response.status >= 500 && ++failures <= RETRIES) {
        await sleep(1000 * failures * scale);
        continue;
      }
      throw new GitHubError(`GitHub refused the revocation request (${response.status}: ${message}); ${submitted} token(s) were submitted before it`);
    }
  }
  return { submitted };
}
