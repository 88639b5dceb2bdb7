// GitLab's secret-detection report (security-report-schemas 15.2.1, `artifacts:reports:secret_detection`),
// so merge requests and the vulnerability report show the findings. The schema's
// `raw_source_code_extract` would hold the plaintext line: it is never written.
import { createHash } from 'node:crypto';
import type { Finding, ScanStats, Severity } from '../types.js';
import { guidanceFor } from './finding-guidance.js';

export const GITLAB_SCHEMA_VERSION = '15.2.1';
const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;

/** The commit GitLab's own analyzer names when a finding has none (a working-tree scan outside git). */
const NO_COMMIT = '0000000';

const SEVERITY: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

const TOOL = { id: 'leakstop', name: 'Leakstop', version: '0.1.0', vendor: { name: 'Leakstop' } };

/** `yyyy-mm-ddThh:mm:ss` in UTC, the only form the schema accepts. */
const schemaTime = (date: Date): string => date.toISOString().slice(0, 19);

/** A UUID-shaped id that stays the same for the same finding at the same commit, so GitLab tracks it. */
function vulnerabilityId(finding: Finding, commit: string): string {
  const hex = createHash('sha256').update(`${finding.fingerprint}:${commit}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function vulnerability(finding: Finding, fallbackCommit: string | undefined, reveal: boolean) {
  const commit = finding.commit ?? fallbackCommit ?? NO_COMMIT;
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  const registry = finding.registry.match ? ` It is registered key ${finding.registry.keyId} (${finding.registry.status}).` : '';
  return {
    id: vulnerabilityId(finding, commit),
    category: 'secret_detection',
    name: finding.description.slice(0, 255),
    description: `${finding.description}: ${secret}${finding.within === undefined ? '' : ` (in the commit's ${finding.within})`}.${registry}`,
    severity: SEVERITY[finding.severity],
    solution: guidanceFor(finding).slice(0, 7000),
    identifiers: [{ type: 'leakstop_rule_id', name: `Leakstop rule ${finding.ruleId}`, value: finding.ruleId }],
    location: {
      file: finding.path,
      start_line: finding.line,
      end_line: Math.max(finding.line, finding.endLine),
      commit: {
        sha: commit,
        ...(finding.author === undefined ? {} : { author: finding.author }),
        ...(finding.date === undefined ? {} : { date: finding.date }),
        ...(finding.message === undefined ? {} : { message: finding.message }),
      },
    },
  };
}

/** `fallbackCommit`: the checkout's commit, for findings of a working-tree scan. */
export function renderGitlab(findings: Finding[], stats: ScanStats, endedAt: Date, fallbackCommit: string | undefined, reveal: boolean): string {
  const startedAt = new Date(endedAt.getTime() - stats.durationMs);
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan: {
      analyzer: TOOL,
      scanner: TOOL,
      type: 'secret_detection',
      start_time: schemaTime(startedAt),
      end_time: schemaTime(endedAt),
      status: 'success',
    },
    vulnerabilities: findings.map((finding) => vulnerability(finding, fallbackCommit, reveal)),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
