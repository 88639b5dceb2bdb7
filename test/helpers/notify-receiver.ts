// The provider's own system on the other end of LEAKSTOP_NOTIFY_URL: a loopback server that
// keeps every request it gets, answering 204 (or what `answer` says, for the retry tests).
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEvent {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface NotifyReceiver {
  url: string;
  events: ReceivedEvent[];
  /** Status to answer with (default 204). */
  answer: number;
  close(): Promise<void>;
}

export async function startNotifyReceiver(): Promise<NotifyReceiver> {
  const events: ReceivedEvent[] = [];
  const receiver = { url: '', events, answer: 204, close: async () => {} } as NotifyReceiver;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      events.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leakstop-events`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Whether the event's signature header is the HMAC-SHA256 of its body under `secret`. */
export function signedWith(event: ReceivedEvent, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(event.body).digest('hex')}`);
  const given = Buffer.from(String(event.headers['x-leakstop-signature-256'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
