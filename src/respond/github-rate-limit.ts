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

export function rateLimitPause(error: unknown, now = Date.now()): RateLimitPause | undefined {
  const refusal = (error ?? {}) as RefusalLike;
  if (refusal.status !== 403 && refusal.status !== 429) return undefined;
  const headers = refusal.response?.headers ?? {};
  const secondary = /\bsecondary rate\b/i.test(refusal.message ?? '');
  const spent = String(headers['x-ratelimit-remaining']) === '0';
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && retryAfter >= 0) return { limit: spent && !secondary ? 'primary' : 'secondary', until: now + retryAfter * 1000 };
  if (spent) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    return { limit: 'primary', until: reset > now ? reset : now + MINUTE_MS };
  }
  // A 429 is always a limit; a 403 only when GitHub says so (otherwise it is a permission).
  if (secondary || refusal.status === 429) return { limit: 'secondary', until: now + MINUTE_MS };
  return undefined;
}
