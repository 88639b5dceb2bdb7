// A registry writer for the concurrency tests, run as a child process (node dist/…/registry-writer.js
// SPEC COUNT REVOKE_IDS_JSON): opens the registry, says "ready", waits for "go" on stdin, then
// issues COUNT keys, revoking one of REVOKE_IDS after each, and prints the issued ids as JSON.
import { once } from 'node:events';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Actor } from '../../src/types.js';

const [spec, countText, revokeIds] = process.argv.slice(2);
const registry = await openRegistry(spec);
const actor: Actor = { kind: 'cli', name: `writer-${process.pid}` };
const toRevoke = JSON.parse(revokeIds ?? '[]') as string[];

process.stdout.write('ready\n');
await once(process.stdin, 'data');

const issued: string[] = [];
for (let i = 0; i < Number(countText); i++) {
  issued.push((await registry.issue({ owner: actor.name, label: `key ${i}` }, actor)).record.id);
  const id = toRevoke[i];
  if (id) await registry.revoke(id, `revoked by ${actor.name}`, actor);
}
await registry.close();
process.stdout.write(`${JSON.stringify(issued)}\n`);
process.exit(0);
