// GitHub's rate limits, read from a refused request as GitHub documents them (and as
// plugin-throttling reads them): `retry-after` says how many seconds to wait; else an empty
// primary budget (`x-ratelimit-remaining: 0`) waits for its window's reset (`x-ratelimit-reset`,
// Unix seconds); else a secondary limit without either waits at least a minute.
export interface RateLimitPause {
  limit: 'primary' | 'secondary';
  /** ms since the epoch. */
  until: number;
}

interface RefusalLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const MINUTE_MS = 60_000;
/** The least pause: a reset GitHub dates in the past (a clock behind ours) is not retried in a loop. */
const MIN_PAUSE_MS = 1000;

/** How long GitHub's headers ask to wait before the next request, if they say (ms from `now`). */
export function waitAsked(header: (name: string) => string | undefined, now: number): number | undefined {
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined && Number(retryAfter) >= 0) return Number(retryAfter) * 1000;
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    if (reset > 0) return Math.max(0, reset * 1000 - now);
  }
  return undefined;
}

/** The pause a refused call asks for; undefined when it was refused for another reason than a limit. */
export function rateLimitPause(error: unknown, now = Date.now()): RateLimitPause | undefined {
  const refusal = (error ?? {}) as RefusalLike;
  if (refusal.status !== 403 && refusal.status !== 429) return undefined;
  const headers = refusal.response?.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
  const secondary = /\bsecondary rate\b/i.test(refusal.message ?? '');
  const spent = header('x-ratelimit-remaining') === '0';
  const asked = waitAsked(header, now);
  // A 429 is always a limit; a 403 only when GitHub says so (otherwise it is a permission).
  if (asked === undefined && !spent && !secondary && refusal.status !== 429) return undefined;
  const limit = spent && !secondary ? 'primary' : 'secondary';
  return { limit, until: now + Math.max(asked ?? MINUTE_MS, MIN_PAUSE_MS) };
}
