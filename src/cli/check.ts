// `leakstop check`: suspect strings on stdin, one a line → each one's registry status, by line
// number only: the strings are hashed, never echoed. Exit 1 when any is a registered key.
import type { Command } from 'commander';
import { secretHash } from '../detect/secret-hash.js';
import { keyHint } from '../redact.js';
import type { KeyRecord } from '../types.js';
import { withCliRegistry } from './open-cli-registry.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface Checked {
  line: number;
  key?: KeyRecord;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function describe({ line, key }: Checked): string {
  return key ? `line ${line}: registered key ${key.id} (${keyHint(key)}, owner ${key.owner}, label ${JSON.stringify(key.label)}, ${key.status})` : `line ${line}: unknown`;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('tell, for each suspect string on stdin (one a line), whether it is a registered key — without echoing it')
    .option('--json', 'JSON: [{ line, match, keyId, secretRedacted, owner, label, status }]')
    .option(...REGISTRY_OPTION)
    .action(async (flags: { json?: boolean; registry?: string }) => {
      const suspects = (await readStdin()).split('\n').map((text, index) => ({ line: index + 1, hash: secretHash(text.trim()), empty: !text.trim() }))
        .filter((suspect) => !suspect.empty);
      const records = await withCliRegistry(flags.registry, (registry) => registry.lookup(suspects.map((suspect) => suspect.hash)));
      const checked: Checked[] = suspects.map(({ line, hash }) => {
        const key = records.get(hash);
        return key ? { line, key } : { line };
      });
      if (flags.json) {
        const rows = checked.map(({ line, key }) => (key ? { line, match: true, keyId: key.id, secretRedacted: keyHint(key), owner: key.owner, label: key.label, status: key.status } : { line, match: false }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        process.stdout.write(checked.map((entry) => `${describe(entry)}\n`).join(''));
      }
      const registered = checked.filter((entry) => entry.key).length;
      process.stderr.write(`${checked.length} string(s) checked: ${registered} registered key(s).\n`);
      process.exitCode = registered > 0 ? 1 : 0;
    });
}
