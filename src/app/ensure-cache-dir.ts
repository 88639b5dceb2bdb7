// The cache directory is made and proved writable at start-up: a deployment that cannot keep
// its git caches fails in one line before it listens, not at the first push.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

/** Node's words for an errno ("not a directory"), without its code and syscall. */
function reason(error: unknown): string {
  const message = (error as Error).message;
  return /^E[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message.split('\n')[0]!;
}

export function ensureCacheDir(dir: string): void {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw new ConfigError(`LEAKSTOP_CACHE_DIR: cannot write to ${dir}: ${reason(error)}`);
  }
}
