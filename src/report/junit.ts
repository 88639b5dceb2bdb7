// JUnit XML for CIs that show test reports (Jenkins, Azure DevOps, CircleCI, GitLab's test tab):
// one failing test case per finding, and one passing case when nothing was found, so the report
// is never empty (Jenkins fails a job whose reports hold no test).
import type { Finding, ScanResult } from '../types.js';
import { guidanceFor } from './finding-guidance.js';
import { summaryLines } from './summary.js';

/** Characters XML 1.0 cannot hold at all (a path may have them): replaced, not escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function testCase(finding: Finding, reveal: boolean): string {
  const secret = reveal ? finding.secret.reveal() : finding.secretRedacted;
  const place = `${finding.path}:${finding.line}`;
  const details = [
    `${finding.description} at ${place}${finding.within === undefined ? '' : ` (in the commit's ${finding.within})`}`,
    `secret: ${secret}`,
    ...(finding.commit ? [`commit: ${finding.commit}${finding.author ? ` by ${finding.author}` : ''}`] : []),
    ...(finding.registry.match ? [`registered key ${finding.registry.keyId} (${finding.registry.status})`] : []),
    `fix: ${guidanceFor(finding)}`,
  ].join('\n');
  return [
    `    <testcase classname="leakstop.${xml(finding.ruleId)}" name="${xml(`${finding.ruleId} at ${place}`)}" file="${xml(finding.path)}" line="${finding.line}" time="0">`,
    `      <failure type="${xml(finding.ruleId)}" message="${xml(`${finding.ruleId}: ${secret} at ${place}`)}">${xml(details)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

export function renderJunit(result: ScanResult, endedAt: Date, reveal: boolean): string {
  const { findings, stats } = result;
  const seconds = (stats.durationMs / 1000).toFixed(3);
  const tests = Math.max(1, findings.length);
  const cases = findings.length
    ? findings.map((finding) => testCase(finding, reveal))
    : [`    <testcase classname="leakstop" name="no secrets found" time="${seconds}"/>`];
  const startedAt = new Date(endedAt.getTime() - stats.durationMs).toISOString().slice(0, 19);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Leakstop" tests="${tests}" failures="${findings.length}" errors="0" time="${seconds}">`,
    `  <testsuite name="leakstop" tests="${tests}" failures="${findings.length}" errors="0" skipped="0" time="${seconds}" timestamp="${startedAt}">`,
    ...cases,
    `    <system-out>${xml(summaryLines(result).join('\n'))}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
