// Where the registry lives: `--registry`, else LEAKSTOP_REGISTRY, else a SQLite file under the
// user's data directory. A postgres:// URL selects PostgreSQL; `?schema=NAME` picks a schema
// (which `registry init` creates), as does libpq's `options=-c search_path=NAME`.
import os from 'node:os';
import path from 'node:path';
import { RegistryError } from '../errors.js';

export type RegistryTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; connectionString: string; createSchema?: string; location: string };

const SCHEMA = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function defaultRegistryFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME?.trim() || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'leakstop', 'registry.db');
}

/** A URL as it may be shown: no user or password. */
function withoutCredentials(spec: string): string {
  return spec.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}

export function resolveRegistryTarget(spec: string | undefined, env: NodeJS.ProcessEnv = process.env): RegistryTarget {
  const chosen = spec?.trim() || env.LEAKSTOP_REGISTRY?.trim();
  if (!chosen) return { kind: 'sqlite', file: defaultRegistryFile(env) };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(chosen)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', file: path.resolve(chosen.replace(/^~(?=\/)/, os.homedir())) };
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new RegistryError(`unsupported key registry "${withoutCredentials(chosen)}": use a SQLite file path or a postgres:// URL`);
  }
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new RegistryError(`malformed PostgreSQL URL "${withoutCredentials(chosen)}" in --registry or LEAKSTOP_REGISTRY: expected postgres://USER@HOST:PORT/DATABASE`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined) {
    if (!SCHEMA.test(schema)) throw new RegistryError(`schema "${schema}" in the registry URL must be letters, digits and "_"`);
    url.searchParams.delete('schema');
    const options = url.searchParams.get('options');
    url.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  }
  const location = `${url.protocol}//${url.host}${url.pathname}${schema ? `?schema=${schema}` : ''}`;
  return { kind: 'postgres', connectionString: url.toString(), ...(schema ? { createSchema: schema } : {}), location };
}
