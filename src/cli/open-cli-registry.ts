// Opening the registry for a command: `--registry`, else `LEAKSTOP_REGISTRY`, else the default.
import { openRegistry } from '../registry/open-registry.js';
import type { KeyRegistry } from '../types.js';

/** Runs `work` on the open registry and closes it, whatever happens. */
export async function withCliRegistry<T>(flag: string | undefined, work: (registry: KeyRegistry) => Promise<T>): Promise<T> {
  const registry = await openRegistry(flag ?? process.env.LEAKSTOP_REGISTRY);
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}
