// `POST /credentials/revoke`: anyone reports credentials they found exposed, up to 1,000 a
// request and 60 requests an hour. On github.com the endpoint takes only unauthenticated calls
// (an authenticated one is answered 403); GitHub Enterprise Server (`/api/v3`) wants a token.
import { ApiError, type Route, type RouteContext } from '../api.js';
import type { Actor } from '../credentials.js';
import { RateLimits } from '../rate-limit.js';
import { timestamp, type EmulatorState } from '../state.js';

export const MAX_CREDENTIALS_PER_REQUEST = 1000;

const DOCS = 'https://docs.github.com/rest/credentials/revoke#revoke-a-list-of-credentials';

/** The endpoint's own hourly budget, apart from the caller's general one. */
const budgets = new WeakMap<EmulatorState, RateLimits>();

function budgetOf(state: EmulatorState): RateLimits {
  let limits = budgets.get(state);
  if (!limits) {
    limits = new RateLimits({ authenticated: state.credentialRevocationsPerHour, anonymous: state.credentialRevocationsPerHour });
    budgets.set(state, limits);
  }
  return limits;
}

const enterprise = (context: RouteContext): boolean => context.urls.api.endsWith('/api/v3');

function checkCaller(context: RouteContext): Actor {
  const authenticated = context.actor.kind !== 'anonymous' || context.headers.authorization !== undefined;
  if (!enterprise(context) && authenticated) throw new ApiError(403, 'This endpoint accepts only unauthenticated requests.', { documentationUrl: DOCS });
  if (enterprise(context) && !authenticated) throw new ApiError(401, 'Requires authentication', { documentationUrl: DOCS });
  return context.actor;
}

function credentialsOf(body: Record<string, unknown>): string[] {
  const list = body.credentials;
  const invalid = (reason: string) => new ApiError(422, 'Validation Failed', { errors: [reason], documentationUrl: DOCS });
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) throw invalid('credentials must be an array of strings');
  if (list.length === 0) throw invalid('credentials must not be empty');
  if (list.length > MAX_CREDENTIALS_PER_REQUEST) throw invalid(`credentials is limited to ${MAX_CREDENTIALS_PER_REQUEST} items`);
  return list as string[];
}

export const credentialRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/credentials/revoke',
    docs: DOCS,
    handle(context) {
      const actor = checkCaller(context);
      const status = budgetOf(context.state).consume(actor, 'loopback', new Date());
      const credentials = credentialsOf(context.body);
      const at = timestamp();
      for (const credential of credentials) context.state.revokedCredentials.push({ credential, via: actor.kind, at });
      return {
        status: 202,
        headers: {
          'x-ratelimit-limit': String(status.limit),
          'x-ratelimit-remaining': String(status.remaining),
          'x-ratelimit-reset': String(status.reset),
          'x-ratelimit-used': String(status.used),
        },
      };
    },
  },
];
