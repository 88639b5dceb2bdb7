// Every request the emulator received, and what it answered, so tests can assert on what
// was sent (and search it for plaintext secrets).
import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  method: string;
  /** The path as received (with any `/api/v3` prefix), without the query. */
  path: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The request body as text (git pack data is binary and compressed). */
  body: string;
  at: Date;
  /** The status answered; 0 while pending or when the connection was dropped by a fault. */
  status: number;
  /** The response body as text, for API responses. */
  response?: string;
  /** An exception inside the emulator (answered 500), for debugging. */
  error?: string;
}
