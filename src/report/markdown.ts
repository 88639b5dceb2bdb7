// The job-summary table: rule, where (linked to the line at its commit when the repository's web
// address is known), redacted secret and what to do — for GitHub's job summary, GitLab or any CI.
// Every cell is text from the scanned repository, escaped so it cannot break the table or add links.
import type { Finding, ScanResult } from '../types.js';
import { guidanceFor } from './finding-guidance.js';
import { findingLink, type RepositoryWeb } from './finding-link.js';
import { summaryLines } from './summary.js';

/** Table-safe text: no line breaks, no pipes, no markdown or HTML that would render. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|#!~&]/g, (c) => `\\${c}`);
}

/** A code span whatever the text holds: backticks inside cannot close it. */
function code(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replaceAll('`', "'").replaceAll('|', '\\|')}\``;
}

function where(finding: Finding, web: RepositoryWeb | undefined): string {
  const place = code(`${finding.path}:${finding.line}`);
  const link = findingLink(web, finding);
  const shown = link ? `[${place}](${link.replace(/[()\s]/g, encodeURIComponent)})` : place;
  const within = finding.within === undefined ? '' : ` (${cell(finding.within)})`;
  const commit = finding.commit ? ` in ${code(finding.commit.slice(0, 7))}` : '';
  return `${shown}${within}${commit}`;
}

function row(finding: Finding, web: RepositoryWeb | undefined, reveal: boolean): string {
  const registry = finding.registry.match ? ` — registered key ${cell(finding.registry.keyId)} (${finding.registry.status})` : '';
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  return `| ${cell(finding.ruleId)} | ${where(finding, web)} | ${code(secret)}${registry} | ${cell(guidanceFor(finding))} |`;
}

export function renderMarkdown(result: ScanResult, web: RepositoryWeb | undefined, reveal: boolean): string {
  const { findings } = result;
  const heading = findings.length === 0 ? '### Leakstop: no secrets found' : `### Leakstop: ${findings.length} secret${findings.length === 1 ? '' : 's'} found`;
  const lines = [heading, ''];
  if (findings.length > 0) {
    lines.push('| rule | where | secret (redacted) | what to do |', '| --- | --- | --- | --- |');
    for (const finding of findings) lines.push(row(finding, web, reveal));
    lines.push('');
  }
  for (const line of summaryLines(result)) lines.push(`${cell(line)}  `);
  return `${lines.join('\n')}\n`;
}
