// Registry hits on findings: a finding whose secret hash is registered is one of our keys.
import type { Finding, KeyRegistry } from '../types.js';

export async function markRegistryMatches(findings: readonly Finding[], registry: KeyRegistry): Promise<void> {
  if (findings.length === 0) return;
  const records = await registry.lookup(findings.map((finding) => finding.secretHash));
  for (const finding of findings) {
    const key = records.get(finding.secretHash);
    if (key) finding.registry = { match: true, keyId: key.id, owner: key.owner, label: key.label, status: key.status };
  }
}
