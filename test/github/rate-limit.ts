// GitHub's primary rate limit: a budget of requests per credential per hour, reported on
// every response in `x-ratelimit-*` headers and answered with 403 once spent.
import { ApiError } from './api.js';
import type { Actor } from './credentials.js';

export interface RateLimitStatus {
  limit: number;
  remaining: number;
  /** Unix seconds at which the window starts again. */
  reset: number;
  used: number;
  resource: string;
}

export interface RateLimitBudget {
  /** Requests per hour for a token or app (GitHub: 5000). */
  authenticated: number;
  /** Requests per hour for anonymous callers (GitHub: 60). */
  anonymous: number;
}

const HOUR_SECONDS = 3600;

export const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

function keyOf(actor: Actor, address: string): string {
  switch (actor.kind) {
    case 'anonymous':
      return `anonymous:${address}`;
    case 'user':
      return `user:${actor.user.id}`;
    case 'installation':
      return `installation:${actor.installation.id}`;
    case 'app':
      return `app:${actor.app.id}`;
  }
}

/** Who ran out, in GitHub's words. */
export function exhaustedMessage(actor: Actor, address: string): string {
  switch (actor.kind) {
    case 'anonymous':
      return `API rate limit exceeded for ${address}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
    case 'user':
      return `API rate limit exceeded for user ID ${actor.user.id}.`;
    case 'installation':
      return `API rate limit exceeded for installation ID ${actor.installation.id}.`;
    case 'app':
      return `API rate limit exceeded for app ID ${actor.app.id}.`;
  }
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    'x-ratelimit-reset': String(status.reset),
    'x-ratelimit-used': String(status.used),
    'x-ratelimit-resource': status.resource,
  };
}

export class RateLimits {
  private readonly windows = new Map<string, { reset: number; used: number }>();

  constructor(private readonly budget: RateLimitBudget) {}

  /** Counts one request; throws GitHub's 403 (with the headers) when the budget is spent. */
  consume(actor: Actor, address: string, now: Date): RateLimitStatus {
    const key = keyOf(actor, address);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    let window = this.windows.get(key);
    if (!window || window.reset <= nowSeconds) {
      window = { reset: nowSeconds + HOUR_SECONDS, used: 0 };
      this.windows.set(key, window);
    }
    const limit = actor.kind === 'anonymous' ? this.budget.anonymous : this.budget.authenticated;
    if (window.used >= limit) {
      const status = { limit, remaining: 0, reset: window.reset, used: window.used, resource: 'core' };
      throw new ApiError(403, exhaustedMessage(actor, address), {
        headers: rateLimitHeaders(status),
        documentationUrl: `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`,
      });
    }
    window.used += 1;
    return { limit, remaining: limit - window.used, reset: window.reset, used: window.used, resource: 'core' };
  }
}
