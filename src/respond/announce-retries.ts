// An Octokit plugin: a call GitHub did not answer (no response, a timeout, a 5xx) is retried
// quietly by plugin-retry, so an unreachable GitHub looked like an app doing nothing. The first
// retry of each call is announced, as it starts, in one warning naming the host and the call.
// Rate limits are not announced here: plugin-throttling says so itself.
import type { Octokit } from '@octokit/core';

/** Why an attempt failed in words, or undefined when GitHub answered (even with a refusal). */
function failureOf(outcome: { response?: Response; error?: unknown }): string | undefined {
  if (outcome.response) return outcome.response.status >= 500 ? `HTTP ${outcome.response.status}` : undefined;
  const error = outcome.error as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  return `no response (${error?.cause?.code ?? error?.cause?.message ?? error?.message ?? 'network error'})`;
}

/** The one warning for a call's first retry. */
export function announceRetry(log: { warn(message: string): void }, method: string, url: string, failure: string): void {
  const target = new URL(url);
  log.warn(`GitHub at ${target.host} did not answer ${method} ${target.pathname} (${failure}): retrying`);
}

export function announceRetries(octokit: Octokit): void {
  // Registered after retry and throttling, so this wrap sees the call once, and its fetch every attempt.
  octokit.hook.wrap('request', (request, options) => {
    const inner = options.request?.fetch ?? globalThis.fetch;
    let attempts = 0;
    let lastFailure: string | undefined;
    const fetch: typeof globalThis.fetch = async (url, init) => {
      attempts += 1;
      if (attempts === 2 && lastFailure) announceRetry(octokit.log, init?.method ?? 'GET', String(url), lastFailure);
      try {
        const response = await inner(url, init);
        lastFailure = failureOf({ response });
        return response;
      } catch (error) {
        lastFailure = failureOf({ error });
        throw error;
      }
    };
    // Hooks share one options object (each is bound to it): the fetch is set on it, not passed down.
    options.request = { ...options.request, fetch };
    return request(options);
  });
}
