// Reading GitHub's rate limits from a refused call, as GitHub documents them.
import { describe, expect, it } from 'vitest';
import { rateLimitPause } from '../../src/respond/github-rate-limit.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const refusal = (status: number, headers: Record<string, string>, message = 'Forbidden') => ({ status, message, response: { headers } });

describe('rateLimitPause', () => {
  it('waits for the reset of a spent primary budget', () => {
    const reset = NOW / 1000 + 120;
    expect(rateLimitPause(refusal(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }), NOW)).toEqual({ limit: 'primary', until: reset * 1000 });
    expect(rateLimitPause(refusal(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }), NOW)).toEqual({ limit: 'primary', until: reset * 1000 });
  });

  it('waits a minute for a primary reset not given, and a second for one already past (a clock behind ours)', () => {
    expect(rateLimitPause(refusal(403, { 'x-ratelimit-remaining': '0' }), NOW)).toEqual({ limit: 'primary', until: NOW + 60_000 });
    expect(rateLimitPause(refusal(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 5) }), NOW)).toEqual({ limit: 'primary', until: NOW + 1_000 });
  });

  it('honours retry-after for a secondary limit, on a 403 or a 429', () => {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    expect(rateLimitPause(refusal(403, { 'retry-after': '30' }, message), NOW)).toEqual({ limit: 'secondary', until: NOW + 30_000 });
    expect(rateLimitPause(refusal(429, { 'retry-after': '5', 'x-ratelimit-remaining': '4000' }), NOW)).toEqual({ limit: 'secondary', until: NOW + 5_000 });
  });

  it('waits a minute for a secondary limit without retry-after', () => {
    expect(rateLimitPause(refusal(403, {}, 'You have exceeded a secondary rate limit.'), NOW)).toEqual({ limit: 'secondary', until: NOW + 60_000 });
    expect(rateLimitPause(refusal(429, {}), NOW)).toEqual({ limit: 'secondary', until: NOW + 60_000 });
  });

  it('is no limit when GitHub refused for another reason', () => {
    expect(rateLimitPause(refusal(403, { 'x-ratelimit-remaining': '4999' }, 'Resource not accessible by integration'), NOW)).toBeUndefined();
    expect(rateLimitPause(refusal(404, { 'retry-after': '1' }), NOW)).toBeUndefined();
    expect(rateLimitPause(new Error('socket hang up'), NOW)).toBeUndefined();
    expect(rateLimitPause(undefined, NOW)).toBeUndefined();
  });
});
