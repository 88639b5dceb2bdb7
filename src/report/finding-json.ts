// The JSON shape of a finding (DESIGN.md § CLI contract). The plaintext appears only with --reveal.
import type { Finding } from '../types.js';
import { secretIdentity, type SecretIdentity } from './secret-identity.js';

/** Commit fields a working-tree finding lacks: always present in JSON, null there. */
type CommitField = 'commit' | 'author' | 'email' | 'date' | 'message';

/** A finding as JSON: the plaintext only with --reveal, commit fields null outside history. */
export type FindingJson = Omit<Finding, 'secret' | 'severity' | 'secretHash' | CommitField> & SecretIdentity & {
  severity: string;
  secret?: string;
} & { [field in CommitField]: string | null };

export function findingToJson(finding: Finding, reveal: boolean): FindingJson {
  return {
    ruleId: finding.ruleId,
    description: finding.description,
    severity: finding.severity,
    tags: finding.tags,
    ...(finding.repo === undefined ? {} : { repo: finding.repo }),
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    commit: finding.commit ?? null,
    ...(finding.within === undefined ? {} : { within: finding.within }),
    author: finding.author ?? null,
    email: finding.email ?? null,
    date: finding.date ?? null,
    message: finding.message ?? null,
    secretRedacted: finding.secretRedacted,
    ...secretIdentity(finding),
    entropy: Math.round(finding.entropy * 1000) / 1000,
    checksumValid: finding.checksumValid,
    decodedFrom: finding.decodedFrom,
    fingerprint: finding.fingerprint,
    registry: finding.registry,
    ...(finding.notListed === undefined ? {} : { notListed: finding.notListed }),
    ...(finding.guidance === undefined ? {} : { guidance: finding.guidance }),
    ...(reveal ? { secret: finding.secret.reveal() } : {}),
  };
}

export function renderJson(findings: Finding[], reveal: boolean): string {
  return `${JSON.stringify(findings.map((f) => findingToJson(f, reveal)), null, 2)}\n`;
}
