// A GitHub App authenticates as itself with a JWT it signs (RS256) with its private key;
// GitHub checks the signature against the app's registered public key and the time claims.
import { verify } from 'node:crypto';
import { ApiError } from './api.js';
import type { AppRecord, EmulatorState } from './state.js';

/** GitHub refuses JWTs that expire more than ten minutes ahead. */
const MAX_LIFETIME_SECONDS = 600;
/** Tolerated clock drift between the app and GitHub. */
const CLOCK_SKEW_SECONDS = 60;

const undecodable = (): ApiError => new ApiError(401, 'A JSON web token could not be decoded');

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

function decodePart(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: an unreadable part is an undecodable token
  }
  throw undecodable();
}

function findApp(state: EmulatorState, issuer: unknown): AppRecord | undefined {
  for (const app of state.apps.values()) {
    if (String(app.id) === String(issuer) || app.clientId === issuer) return app;
  }
  return undefined;
}

/** The app the JWT proves to be, or the ApiError GitHub would answer with. */
export function verifyAppJwt(token: string, state: EmulatorState, nowSeconds: number): AppRecord {
  const [headerPart = '', payloadPart = '', signaturePart = ''] = token.split('.');
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (header.alg !== 'RS256') throw undecodable();
  if (claims.iss === undefined) throw new ApiError(401, "'Issuer' claim ('iss') must be an Integer");
  const app = findApp(state, claims.iss);
  if (!app) throw new ApiError(404, 'Integration not found');
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  if (!verify('RSA-SHA256', signed, app.publicKey, Buffer.from(signaturePart, 'base64url'))) throw undecodable();
  const { iat, exp } = claims;
  if (!Number.isInteger(iat) || (iat as number) > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new ApiError(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  }
  if (!Number.isInteger(exp) || (exp as number) <= nowSeconds - CLOCK_SKEW_SECONDS) {
    throw new ApiError(
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if ((exp as number) > nowSeconds + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw new ApiError(401, "'Expiration time' claim ('exp') is too far in the future");
  }
  return app;
}
