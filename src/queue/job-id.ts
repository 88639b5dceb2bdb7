// A job's id is derived from its kind and dedupe key, so the same work enqueued twice (a
// redelivered webhook, two app instances behind a load balancer) is one row in either backend.
import { createHash } from 'node:crypto';
import type { JobKind } from './job-queue.js';

/** A UUID-shaped digest (pg-boss ids are uuid columns). */
export function jobId(kind: JobKind, key: string): string {
  const hex = createHash('sha256').update(`${kind}\0${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The wait before try `attempt + 1`: doubling from `baseMs`, with up to as much again of jitter. */
export function backoffMs(baseMs: number, attempt: number): number {
  const doubled = baseMs * 2 ** Math.min(16, attempt - 1);
  return Math.round(doubled / 2 + (doubled / 2) * Math.random());
}
