// `leakstop check`: lines on stdin as people paste them — `API_KEY=…`, `"…"`, `Authorization:
// Bearer …`, or a bare key — and, for every key-shaped string in each (of a built-in rule or a
// registered shape, found by the same detection as `scan`), whether it is a registered key.
// Only the redacted form of a string is printed, never the string. Exit 1 when any is registered.
import type { Command } from 'commander';
import { secretHash } from '../detect/secret-hash.js';
import { FingerprintKey } from '../detect/fingerprint-key.js';
import { attachRegistry, detectFragments, prepareScan } from '../pipeline/run-scan.js';
import type { Finding, RegistryMatch } from '../types.js';
import { withCliRegistry } from './open-cli-registry.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface Candidate {
  line: number;
  ruleId: string;
  secretRedacted: string;
  registry: RegistryMatch;
}

type CheckedLine = { line: number; candidates: Candidate[] };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One candidate per string and line: two rules that find the same string name it once. */
function candidatesOf(findings: Finding[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const finding of [...findings].sort((a, b) => a.line - b.line || a.column - b.column || Number(b.registry.match) - Number(a.registry.match))) {
    const identity = `${finding.line}\0${secretHash(finding.secret.reveal())}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    candidates.push({ line: finding.line, ruleId: finding.ruleId, secretRedacted: finding.secretRedacted, registry: finding.registry });
  }
  return candidates;
}

function describe({ line, candidates }: CheckedLine): string[] {
  if (candidates.length === 0) return [`line ${line}: no key-shaped string`];
  return candidates.map(({ ruleId, secretRedacted, registry }) =>
    registry.match
      ? `line ${line}: ${secretRedacted} is registered key ${registry.keyId} (owner ${registry.owner}, label ${JSON.stringify(registry.label)}, ${registry.status})`
      : `line ${line}: ${secretRedacted} (${ruleId}) is not a registered key`,
  );
}

function jsonRows({ line, candidates }: CheckedLine): Record<string, unknown>[] {
  if (candidates.length === 0) return [{ line, keyShaped: false, match: false }];
  return candidates.map(({ ruleId, secretRedacted, registry }) => ({ line, keyShaped: true, ruleId, secretRedacted, ...registry }));
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('tell, for every key-shaped string in each line on stdin (pasted as `API_KEY=…`, `"…"`, `Authorization: Bearer …` or bare), whether it is a registered key — without echoing it')
    .option('--json', 'JSON: one row per string, [{ line, keyShaped, ruleId, secretRedacted, match, keyId, owner, label, status }]; a line with none: { line, keyShaped: false }')
    .option(...REGISTRY_OPTION)
    .action(async (flags: { json?: boolean; registry?: string }) => {
      const text = await readStdin();
      const findings = await withCliRegistry(flags.registry, async (registry) => {
        // check prints no fingerprint, so a key of this process alone serves.
        const prepared = await prepareScan({ registry, fingerprintKey: FingerprintKey.random() });
        return (await attachRegistry(detectFragments([{ text, origin: { path: '<stdin>' } }], prepared.engine), prepared)).findings;
      });
      const candidates = candidatesOf(findings);
      const byLine = new Map<number, Candidate[]>();
      for (const candidate of candidates) byLine.set(candidate.line, [...(byLine.get(candidate.line) ?? []), candidate]);
      const checked: CheckedLine[] = text.split('\n').flatMap((content, index) =>
        content.trim() ? [{ line: index + 1, candidates: byLine.get(index + 1) ?? [] }] : [],
      );
      if (flags.json) process.stdout.write(`${JSON.stringify(checked.flatMap(jsonRows), null, 2)}\n`);
      else process.stdout.write(checked.flatMap(describe).map((line) => `${line}\n`).join(''));
      const registered = candidates.filter((candidate) => candidate.registry.match).length;
      process.stderr.write(`${checked.length} line(s) checked: ${candidates.length} key-shaped string(s), ${registered} registered key(s).\n`);
      process.exitCode = registered > 0 ? 1 : 0;
    });
}
