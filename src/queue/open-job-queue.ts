// Which queue the app and its workers share: LEAKSTOP_QUEUE (a postgres:// URL, `?schema=NAME`
// for pg-boss's schema, default `leakstop_jobs`); unset, the registry's PostgreSQL database
// (schema `<registry schema>_jobs`) when the registry is PostgreSQL, otherwise a job table in
// the SQLite registry file — the single-machine default, as durable as the registry itself.
import fs from 'node:fs';
import { NoRegistryError, QueueError } from '../errors.js';
import { resolveRegistryTarget } from '../registry/registry-location.js';
import type { JobQueue, QueueTuning } from './job-queue.js';

const SCHEMA = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function postgresTarget(spec: string, schemaParam: 'schema' | 'registry'): { connectionString: string; schema: string; location: string } {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new QueueError('LEAKSTOP_QUEUE is not a valid postgres:// URL');
  }
  const given = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const schema = given ? (schemaParam === 'registry' ? `${given}_jobs` : given) : 'leakstop_jobs';
  if (!SCHEMA.test(schema)) throw new QueueError(`the queue's schema "${schema}" must be letters, digits and "_" (at most 63)`);
  return { connectionString: url.toString(), schema, location: `${url.protocol}//${url.host}${url.pathname}?schema=${schema}` };
}

export async function openJobQueue(options: { queue?: string; registry?: string }, tuning: QueueTuning): Promise<JobQueue> {
  const queue = options.queue?.trim();
  if (queue) {
    if (!/^postgres(ql)?:\/\//i.test(queue)) throw new QueueError('LEAKSTOP_QUEUE must be a postgres:// URL (unset: the registry\'s database, or the embedded queue of a SQLite registry)');
    const { PostgresJobQueue } = await import('./postgres-job-queue.js');
    return PostgresJobQueue.open(postgresTarget(queue, 'schema'), tuning);
  }
  const registry = resolveRegistryTarget(options.registry);
  if (registry.kind === 'postgres') {
    const { PostgresJobQueue } = await import('./postgres-job-queue.js');
    const url = new URL(options.registry?.trim() || process.env.LEAKSTOP_REGISTRY!.trim());
    return PostgresJobQueue.open(postgresTarget(url.toString(), 'registry'), tuning);
  }
  if (!fs.existsSync(registry.file)) throw new NoRegistryError(registry.file);
  const { SqliteJobQueue } = await import('./sqlite-job-queue.js');
  return new SqliteJobQueue(registry.file, tuning);
}
