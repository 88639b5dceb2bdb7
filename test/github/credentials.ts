// Who is calling: the Authorization header (token, bearer or basic) resolved to an actor,
// or the 401 GitHub answers for a credential it does not know.
import { ApiError } from './api.js';
import { looksLikeJwt, verifyAppJwt } from './app-jwt.js';
import type { Account, AppRecord, EmulatorState, InstallationRecord, InstallationTokenRecord } from './state.js';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: Account; token: string }
  | { kind: 'installation'; installation: InstallationRecord; app: AppRecord; grant: InstallationTokenRecord }
  | { kind: 'app'; app: AppRecord };

export const badCredentials = (): ApiError => new ApiError(401, 'Bad credentials');

/** The credential in an Authorization header; for Basic, the password (or a lone username, as git sends a token). */
export function credentialOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
  const value = rest.join(' ');
  if (/^(token|bearer)$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return decoded;
    return decoded.slice(colon + 1) || decoded.slice(0, colon);
  }
  return value || scheme;
}

export function resolveActor(authorization: string | undefined, state: EmulatorState, now: Date): Actor {
  const credential = credentialOf(authorization);
  if (credential === undefined) return { kind: 'anonymous' };
  const user = state.userTokens.get(credential);
  if (user) return { kind: 'user', user: user.user, token: credential };
  const grant = state.installationTokens.get(credential);
  if (grant) {
    const installation = state.installations.get(grant.installationId);
    if (!installation || Date.parse(grant.expiresAt) <= now.getTime()) throw badCredentials();
    return { kind: 'installation', installation, app: state.apps.get(installation.appId)!, grant };
  }
  if (looksLikeJwt(credential)) return { kind: 'app', app: verifyAppJwt(credential, state, Math.floor(now.getTime() / 1000)) };
  throw badCredentials();
}

/** The account an actor writes as: the user, or the app's bot. */
export function authorOf(actor: Actor): Account | undefined {
  switch (actor.kind) {
    case 'user':
      return actor.user;
    case 'installation':
      return actor.app.bot;
    default:
      return undefined;
  }
}
