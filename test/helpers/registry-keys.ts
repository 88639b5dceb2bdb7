// Keys of ours in a test's registry (a SQLite file or a postgres:// URL), for the worlds that
// leak them: the responder's and the app's.
import { openRegistry } from '../../src/registry/open-registry.js';
import type { IssueKeySpec, KeyRecord, KeyRegistry } from '../../src/types.js';

export interface IssuedKey {
  record: KeyRecord;
  /** For committing the key, and for searching every output for it. */
  plaintext: string;
}

/** Makes a new registry, as `leakstop registry init` does. */
export async function createRegistry(registrySpec: string): Promise<void> {
  await (await openRegistry(registrySpec, { create: true })).close();
}

/** Opens the (existing) registry for `work` and closes it after. */
export async function withRegistry<T>(registrySpec: string, work: (registry: KeyRegistry) => Promise<T>): Promise<T> {
  const registry = await openRegistry(registrySpec);
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

/** Issues a `live` key with no restrictions unless the spec says otherwise. */
export function issueKey(registrySpec: string, spec: IssueKeySpec): Promise<IssuedKey> {
  return withRegistry(registrySpec, async (registry) => {
    const issued = await registry.issue({ environment: 'live', restrictions: {}, ...spec }, { kind: 'cli', name: 'test' });
    return { record: issued.record, plaintext: issued.key.reveal() };
  });
}
