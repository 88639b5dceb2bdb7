// Registry hits on findings: a finding whose secret hash is registered is one of our keys.
import { capListed, summaryDescription } from '../detect/list-cap.js';
import { keyHint } from '../redact.js';
import type { Finding, KeyRegistry } from '../types.js';

/** Findings of rules made from registry shapes (see shape-rules.ts). */
export const fromRegistryShape = (finding: Pick<Finding, 'tags'>): boolean => finding.tags.includes('registry');

const placeOf = (finding: Finding): string =>
  [finding.commit ?? '', finding.path, finding.line, finding.column, finding.secretHash].join('\0');

/**
 * Marks registry hits and settles what the shapes only suggested. A registered key is reported
 * once, as the registry's finding; a string of a registered shape that is not registered stays
 * a finding only when its checksum proves it is one of our keys and no other rule reports it.
 */
export async function matchRegistry(findings: readonly Finding[], registry: KeyRegistry): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const records = await registry.lookup(findings.map((finding) => finding.secretHash));
  for (const finding of findings) {
    const key = records.get(finding.secretHash);
    if (!key) continue;
    finding.registry = { match: true, keyId: key.id, owner: key.owner, label: key.label, status: key.status };
    // Shown as the registry shows it, whatever shape the key has.
    finding.secretRedacted = keyHint(key);
  }
  const registered = new Set(findings.filter((f) => fromRegistryShape(f) && f.registry.match).map(placeOf));
  const ruleFound = new Set(findings.filter((f) => !fromRegistryShape(f)).map(placeOf));
  const kept = findings.filter((finding) => {
    if (!fromRegistryShape(finding)) return !registered.has(placeOf(finding));
    return finding.registry.match || (finding.checksumValid && !ruleFound.has(placeOf(finding)));
  });
  // Shapes keep every candidate until the lookup; what is not a registered key is capped as rules' findings are.
  const { listed, notListed } = capListed(kept, (finding) =>
    fromRegistryShape(finding) && !finding.registry.match ? `${finding.commit ?? ''}\0${finding.path}\0${finding.ruleId}` : undefined);
  for (const [summary, count] of notListed) {
    summary.notListed = count;
    summary.description = summaryDescription(summary.description, count);
  }
  return listed;
}
