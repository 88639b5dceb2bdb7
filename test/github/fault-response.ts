// How an injected StatusFault answers: GitHub's error body and, for rate limits, GitHub's
// headers (`retry-after` for the secondary limit; an empty `x-ratelimit-*` budget for the
// primary one).
import { randomBytes } from 'node:crypto';
import { ApiError } from './api.js';
import type { StatusFault } from './faults.js';
import { RATE_LIMIT_DOCS, rateLimitHeaders } from './rate-limit.js';

const DEFAULT_RETRY_SECONDS = 60;

const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

function defaultMessage(status: number, path: string): string {
  if (status === 410) return /\/issues\b/.test(path) ? 'Issues are disabled for this repo' : 'Gone';
  return MESSAGES[status] ?? 'Server Error';
}

/** `exhausted`: the primary-limit message naming the caller, as GitHub words it. */
export function faultError(fault: StatusFault, path: string, now: Date, exhausted: string): ApiError {
  const retryAfter = fault.until ? Math.max(0, Math.ceil((fault.until.getTime() - now.getTime()) / 1000)) : (fault.retryAfter ?? DEFAULT_RETRY_SECONDS);
  if (fault.rateLimit === 'primary') {
    const reset = fault.until ? Math.ceil(fault.until.getTime() / 1000) : Math.floor(now.getTime() / 1000) + retryAfter;
    return new ApiError(fault.status, fault.message ?? exhausted, {
      headers: rateLimitHeaders({ limit: 5000, remaining: 0, reset, used: 5000, resource: 'core' }),
      documentationUrl: `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`,
    });
  }
  if (fault.rateLimit) {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    return new ApiError(
      fault.status,
      fault.message ??
        `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      { headers: { 'retry-after': String(retryAfter) }, documentationUrl: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits` },
    );
  }
  return new ApiError(fault.status, fault.message ?? defaultMessage(fault.status, path));
}
