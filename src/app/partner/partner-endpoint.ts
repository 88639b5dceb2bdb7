// `POST /api/github/secret-scanning`: GitHub's secret scanning partner program reports tokens of
// ours it found in public. The signature is checked before anything else is done with the body;
// then each token is hashed and looked up, the registry's hits are queued for the response
// pipeline (partner-alert.ts) and GitHub gets its feedback at once: `true_positive` for a key in
// the registry, `false_positive` for a string of our keys' shape that is not one. Tokens of
// neither are left out — GitHub's feedback labels a provider's own tokens, and those are not ours.
import { createHash, randomUUID, verify } from 'node:crypto';
import type http from 'node:http';
import { secretHash } from '../../detect/secret-hash.js';
import { PUBLIC_LEAK_REPO } from '../../public-leak.js';
import { registeredShapeTest } from '../../registry/shape-rules.js';
import type { AppServices } from '../app-services.js';
import { BodyTooLarge, readBody } from '../read-body.js';
import { parsePartnerBatch } from './partner-batch.js';
import type { PartnerAlertData, PartnerHit } from './partner-alert.js';
import { gitHubSigningKeys } from './signing-keys.js';

/** GitHub's own bound on a partner alert. */
const MAX_PARTNER_BATCH_BYTES = 5 * 1024 * 1024;
const PARTNER_EVENT = 'secret_scanning_partner';
/** Public leaks before pushes: anyone may be using the key already. */
const PARTNER_PRIORITY = 20;

export interface TokenFeedback {
  token_hash: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

const answer = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** A key's public places, once each, in one order: the same batch gives the same job key. */
function uniqueHits(hits: PartnerHit[]): PartnerHit[] {
  const byPlace = new Map(hits.map((hit) => [`${hit.tokenHash}\0${hit.url}\0${hit.source}`, hit]));
  return [...byPlace.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, hit]) => hit);
}

export function partnerEndpoint(services: AppServices): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  const log = services.log.child({ intake: 'github-secret-scanning' });
  const keys = gitHubSigningKeys(services.settings.apiBaseUrl, (line) => log.warn(line));

  const refuse = (response: http.ServerResponse, status: number, reason: string, identifier?: string) => {
    log.warn({ keyIdentifier: identifier?.slice(0, 100) }, `partner alert refused: ${reason}`);
    answer(response, status, { error: reason });
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const identifier = request.headers['github-public-key-identifier'];
    const signature = request.headers['github-public-key-signature'];
    if (typeof identifier !== 'string' || !identifier || typeof signature !== 'string' || !signature) {
      request.resume();
      refuse(response, 400, 'the Github-Public-Key-Identifier and Github-Public-Key-Signature headers are required');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, MAX_PARTNER_BATCH_BYTES, 'partner alert');
    } catch (error) {
      if (error instanceof BodyTooLarge) refuse(response, 400, error.message, identifier);
      else log.warn(`partner alert not read: ${(error as Error).message.split('\n')[0]}`);
      return;
    }
    const key = await keys.get(identifier);
    if (!key) {
      refuse(response, 401, "the signing key is not one of GitHub's secret scanning public keys", identifier);
      return;
    }
    let valid = false;
    try {
      valid = verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
    } catch {
      // Not a signature at all (malformed DER): as wrong as a wrong one.
    }
    if (!valid) {
      refuse(response, 401, 'the signature does not match the body', identifier);
      return;
    }
    const batch = parsePartnerBatch(body);
    if (!batch.ok) {
      refuse(response, 400, batch.error, identifier);
      return;
    }
    const hashes = batch.tokens.map((reported) => secretHash(reported.token));
    const [records, shapes] = await Promise.all([services.registry.lookup(hashes), services.registry.shapes()]);
    const ofOurShape = registeredShapeTest(shapes);
    const feedback: TokenFeedback[] = [];
    const hits: PartnerHit[] = [];
    batch.tokens.forEach((reported, index) => {
      const tokenHash = hashes[index]!;
      if (records.has(tokenHash)) {
        feedback.push({ token_hash: tokenHash, token_type: reported.type, label: 'true_positive' });
        hits.push({ tokenHash, type: reported.type, url: reported.url, source: reported.source });
      } else if (ofOurShape(reported.token)) {
        feedback.push({ token_hash: tokenHash, token_type: reported.type, label: 'false_positive' });
      }
    });
    // GitHub gives a partner alert no delivery id: this one ties the job's log lines to this request's.
    const delivery = randomUUID();
    let queued = false;
    if (hits.length > 0) {
      const unique = uniqueHits(hits);
      const data: PartnerAlertData = { delivery, repository: { fullName: PUBLIC_LEAK_REPO }, receivedAt: Date.now(), hits: unique };
      const jobKey = createHash('sha256').update(JSON.stringify(unique)).digest('hex');
      queued = (await services.queue.enqueue({ kind: 'partner-alert', key: jobKey, group: 'partner', installationId: 0, priority: PARTNER_PRIORITY, data: { ...data } })).created;
      services.metrics.webhook(PARTNER_EVENT, queued ? 'enqueued' : 'duplicate');
    }
    log.info(
      { delivery, tokens: batch.tokens.length, truePositives: hits.length, falsePositives: feedback.length - hits.length },
      hits.length === 0 ? 'partner alert: no key of ours' : queued ? 'partner alert: response queued' : 'partner alert already queued (a repeat): nothing to do',
    );
    answer(response, 200, feedback);
  };

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Not stored: GitHub sends the alert again.
      log.error(`partner alert not queued: ${(error as Error).message.split('\n')[0]}`);
      if (!response.headersSent) answer(response, 500, { error: 'the alert could not be queued' });
    });
  };
}
