// Delivers a webhook the way GitHub does: a JSON POST with the event, a delivery id and
// HMAC signatures of the exact body under the webhook secret.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface WebhookDelivery {
  event: string;
  payload: unknown;
  /** The webhook secret; omitted: the delivery is unsigned. */
  secret?: string;
  /** Reuse one to redeliver (GitHub keeps the id on redelivery). */
  deliveryId?: string;
  /** The app id GitHub names in `X-GitHub-Hook-Installation-Target-ID`. */
  appId?: number;
}

const HOOKSHOT_VERSION = randomBytes(4).toString('hex').slice(0, 7);

/** POSTs the webhook to `url`; resolves to the HTTP status the receiver answered. */
export async function sendWebhook(url: string, delivery: WebhookDelivery): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-type': 'application/json',
    'user-agent': `GitHub-Hookshot/${HOOKSHOT_VERSION}`,
    'x-github-event': delivery.event,
    'x-github-delivery': delivery.deliveryId ?? randomUUID(),
    'x-github-hook-id': '1',
    'x-github-hook-installation-target-type': 'integration',
    'x-github-hook-installation-target-id': String(delivery.appId ?? 1),
  };
  if (delivery.secret !== undefined) {
    headers['x-hub-signature'] = `sha1=${createHmac('sha1', delivery.secret).update(body).digest('hex')}`;
    headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', delivery.secret).update(body).digest('hex')}`;
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}
