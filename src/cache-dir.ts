// Where Leakstop keeps what it can rebuild: the history scan cache, the compiled-engine cache
// and the app's git mirrors.
import os from 'node:os';
import path from 'node:path';

/** `${XDG_CACHE_HOME:-~/.cache}/leakstop`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'leakstop');
}
