// Opening the registry for a command: `--registry`, else `LEAKSTOP_REGISTRY`, else the default.
import { openRegistry } from '../registry/open-registry.js';
import type { KeyRegistry } from '../types.js';

/** Runs `work` on the open registry and closes it, whatever happens. Only `registry init` says `create`. */
export async function withCliRegistry<T>(flag: string | undefined, work: (registry: KeyRegistry) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const registry = await openRegistry(flag ?? process.env.LEAKSTOP_REGISTRY, options);
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}
