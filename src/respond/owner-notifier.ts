// Tells the provider's own systems that a key was revoked, so they can e-mail its owner: a
// JSON event POSTed to LEAKSTOP_NOTIFY_URL, signed with HMAC-SHA256 over the raw body under
// LEAKSTOP_NOTIFY_SECRET. Never a secret in it: ids, owner, label, where, when.
import { createHmac } from 'node:crypto';
import { ConfigError, NotifyError } from '../errors.js';
import type { Incident, KeyRecord, Sighting } from '../types.js';
import { gitHubFetch } from './github-fetch.js';
import { isPublicLeak, publicPlaceOf } from '../public-leak.js';

const NOTIFY_SIGNATURE_HEADER = 'x-leakstop-signature-256';
const NOTIFY_EVENT_HEADER = 'x-leakstop-event';

/** The event's JSON, as documented in the README ("Owner notification"). */
export interface RevocationEvent {
  type: 'key.revoked';
  /** The same for every attempt at one revocation: receivers drop repeats by it. */
  id: string;
  key_id: string;
  owner: string;
  label: string;
  environment: string;
  found: { repository?: string; commit?: string; path?: string; line?: number; url?: string; source?: string };
  revoked_at: string;
  replacement_id: string | null;
  incident_id: number;
}

export interface OwnerNotifier {
  /** Resolves once the receiver answered 2xx; a NotifyError after the last retry. */
  send(event: RevocationEvent): Promise<void>;
}

export function revocationEvent(incident: Incident, first: Sighting, key: KeyRecord, revokedAt: string, replacementId: string | undefined): RevocationEvent {
  const found = isPublicLeak(incident)
    ? publicPlaceOf(first)
    : { repository: incident.repo, ...(first.commit ? { commit: first.commit } : {}), path: first.path, line: first.line };
  return {
    type: 'key.revoked',
    id: `${incident.id}:${key.id}`,
    key_id: key.id,
    owner: key.owner,
    label: key.label,
    environment: key.environment,
    found,
    revoked_at: revokedAt,
    replacement_id: replacementId ?? null,
    incident_id: incident.id,
  };
}

function notifySignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Tries within one response, about 1.5 s in all: a receiver down for longer must not hold up
 * the check run and the issue. The failed step is sent again by the next response to the
 * incident — a resume, a partner alert's job retried with the queue's backoff.
 */
const ATTEMPTS = 4;
const TIMEOUT_MS = 10_000;

function httpOwnerNotifier(url: string, secret: string, backoffMs = 200): OwnerNotifier {
  return {
    async send(event) {
      const body = JSON.stringify(event);
      const headers = { 'content-type': 'application/json', [NOTIFY_EVENT_HEADER]: event.type, [NOTIFY_SIGNATURE_HEADER]: notifySignature(secret, body) };
      let problem = '';
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          const response = await gitHubFetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
          await response.arrayBuffer().catch(() => undefined);
          if (response.ok) return;
          problem = `answered ${response.status}`;
          // A 4xx other than 408/429 will not change by asking again.
          if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
        } catch (error) {
          problem = (error as Error).message.split('\n')[0]!;
        }
        if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random())));
      }
      throw new NotifyError(`the owner notification hook ${new URL(url).origin} did not take event ${event.id}: ${problem}; \`leakstop respond --resume\` sends it again`);
    },
  };
}

/** From LEAKSTOP_NOTIFY_URL and LEAKSTOP_NOTIFY_SECRET; none when the URL is unset. */
export function ownerNotifierFromEnv(env: Record<string, string | undefined> = process.env): OwnerNotifier | undefined {
  const url = env.LEAKSTOP_NOTIFY_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) throw new ConfigError(`LEAKSTOP_NOTIFY_URL must be an http(s) URL, not "${url}"`);
  const secret = env.LEAKSTOP_NOTIFY_SECRET?.trim();
  if (!secret) throw new ConfigError('LEAKSTOP_NOTIFY_SECRET is not set: the shared secret the owner notifications are signed with (LEAKSTOP_NOTIFY_URL is set)');
  return httpOwnerNotifier(url, secret);
}
