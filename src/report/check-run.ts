// The check run Leakstop leaves on a commit: conclusion, a summary that always states what was
// scanned, and one annotation per finding (redacted secret, rule, what to do).
import type { Finding, ScanResult } from '../types.js';
import { shortSecretIdentity } from './secret-identity.js';
import { summaryLines } from './summary.js';

export const CHECK_RUN_NAME = 'Leakstop';

/** GitHub accepts at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunReport {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
}

export interface CheckRunInput {
  result: ScanResult;
  /** What was scanned, in words: "push 1a2b3c4..5d6e7f8 to main". */
  scope: string;
  /** Third-party findings are listed but not annotated when false (per-repository config). */
  annotateThirdParty: boolean;
  /** What the response did per registered key id, one line each ("revoked, replaced, incident #4"). */
  responses: Map<string, string>;
  /** Lines about the repository's config (e.g. why it was ignored) and anything skipped. */
  notes: string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function annotationFor(finding: Finding, responses: Map<string, string>): CheckAnnotation {
  const sameLine = finding.endLine === finding.line;
  const registry = finding.registry;
  const identity = shortSecretIdentity(finding);
  const message = registry.match
    ? `Registered key ${registry.keyId} (owner ${registry.owner}, "${registry.label}") leaked: ${finding.secretRedacted}. ` +
      `${responses.get(registry.keyId) ?? 'The response is pending.'} Remove it from the code and purge it from history.`
    : `Found ${finding.secretRedacted} (${finding.description}). ${finding.guidance ?? 'Revoke it with its provider, issue a new one, and keep it out of the repository.'}`;
  return {
    path: finding.path,
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine),
    ...(sameLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn - 1) } : {}),
    annotation_level: 'failure',
    title: `${registry.match ? 'Leaked key of ours' : 'Leaked secret'}: ${finding.ruleId}${finding.within === undefined ? '' : ` (in the commit's ${finding.within})`}`.slice(0, 255),
    message,
    ...(finding.commit ? { raw_details: `commit ${finding.commit}${finding.author ? ` by ${finding.author}` : ''}\n${identity.label} ${identity.prefix}` } : {}),
  };
}

function findingRow(finding: Finding): string {
  const where = `\`${finding.path}:${finding.line}\`${finding.within === undefined ? '' : ` (${finding.within})`}`;
  const commit = finding.commit ? ` ${finding.commit.slice(0, 7)}` : '';
  const kind = finding.registry.match ? `registered key ${finding.registry.keyId}` : finding.ruleId;
  return `| ${where}${commit} | ${kind} | \`${finding.secretRedacted}\` |`;
}

export function renderCheckRun(input: CheckRunInput): CheckRunReport {
  const { result, annotateThirdParty } = input;
  const reported = result.findings.filter((finding) => annotateThirdParty || finding.registry.match);
  const unreported = result.findings.length - reported.length;
  const registered = result.findings.filter((finding) => finding.registry.match).length;
  const conclusion = reported.length > 0 ? 'failure' : unreported > 0 ? 'neutral' : 'success';
  const title =
    reported.length === 0
      ? unreported > 0
        ? `${plural(unreported, 'third-party secret')} (not annotated)`
        : 'No secrets found'
      : `${plural(reported.length, 'secret')} found` + (registered ? ` (${plural(registered, 'registered key')} revoked)` : '');
  const summary = [`Leakstop scanned ${input.scope}.`, '', ...summaryLines(result)];
  if (unreported > 0) summary.push(`${plural(unreported, 'third-party finding')} not annotated (annotateThirdPartyKeys: false in .github/leakstop.yml).`);
  for (const [keyId, response] of input.responses) summary.push(`Key ${keyId}: ${response}`);
  summary.push(...input.notes);
  const text = reported.length
    ? ['| where | what | secret (redacted) |', '| --- | --- | --- |', ...reported.map(findingRow)].join('\n')
    : undefined;
  return {
    conclusion,
    title,
    summary: summary.join('\n'),
    ...(text ? { text } : {}),
    annotations: reported.map((finding) => annotationFor(finding, input.responses)),
  };
}
