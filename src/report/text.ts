// The human report: one block per finding, aligned, then the summary.
import type { Finding } from '../types.js';
import { shortSecretIdentity } from './secret-identity.js';

function where(finding: Finding): string {
  const place = `${finding.path}:${finding.line}:${finding.column}`;
  return finding.within === undefined ? place : `${place} (${finding.within})`;
}

function registryNote(finding: Finding): string | undefined {
  const match = finding.registry;
  if (!match.match) return undefined;
  return `REGISTERED KEY ${match.keyId} (owner ${match.owner}, "${match.label}", ${match.status})`;
}

export function renderText(findings: Finding[], reveal: boolean): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const identity = shortSecretIdentity(finding);
    lines.push(`${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${where(finding)}`);
    lines.push(`         ${finding.description}`);
    lines.push(`         secret: ${reveal ? finding.secret.reveal() : finding.secretRedacted}` +
      (finding.decodedFrom.length ? ` (decoded from ${finding.decodedFrom.join(' → ')})` : '') +
      `  ${identity.label}: ${identity.prefix}`);
    if (finding.commit) {
      lines.push(`         commit: ${finding.commit.slice(0, 12)} ${finding.author ?? ''} <${finding.email ?? ''}> ${finding.date ?? ''}`.trimEnd());
      if (finding.message) lines.push(`         message: ${finding.message}`);
    }
    const note = registryNote(finding);
    if (note) lines.push(`         ${note}`);
    if (finding.guidance) lines.push(`         fix: ${finding.guidance}`);
    lines.push('');
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
