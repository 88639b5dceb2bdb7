// A delivery's `X-Hub-Signature-256` is checked here, before probot sees it: probot refuses a
// bad one too, but logs it as errors with stack traces and the whole payload. Refused here, it
// is one warning line naming the delivery, never what it carried.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a delivery is refused, or undefined when it is signed with `secret`. */
export function signatureProblem(secret: string, body: Buffer, header: string | undefined): string | undefined {
  if (!header) return 'the delivery has no signature (X-Hub-Signature-256)';
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return "the delivery's signature does not match WEBHOOK_SECRET (check the webhook secret in the GitHub App's settings)";
  }
  return undefined;
}
