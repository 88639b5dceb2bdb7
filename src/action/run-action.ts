// The GitHub Action: scans what the event brought in the checked-out repository, then leaves
// a SARIF file for code scanning, annotations on the lines, a job summary and the step's outputs.
// Nothing it writes holds a plaintext secret: the log of a public repository is public.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, KeyRegistry, ScanResult } from '../types.js';
import { applyBaseline, readBaseline } from '../pipeline/baseline.js';
import { loadFingerprintKey } from '../pipeline/load-fingerprint-key.js';
import { attachRegistry, prepareScan } from '../pipeline/run-scan.js';
import { scanHistory } from '../pipeline/scan-history.js';
import { guidanceFor } from '../report/finding-guidance.js';
import { renderMarkdown } from '../report/markdown.js';
import { ReportRedactor } from '../report/report-redactor.js';
import { renderSarif } from '../report/sarif.js';
import { summaryLines } from '../report/summary.js';
import { pushRange } from '../sources/history/push-range.js';
import type { RevNarrowing } from '../sources/history/select-revs.js';
import { emptyStats } from '../sources/scan-stats.js';
import { ciContext } from '../cli/ci-environment.js';
import { renderReport } from '../cli/scan-output.js';
import { readInputs } from './action-inputs.js';
import { eventScope, type EventScope } from './event-scope.js';
import { fetchHistory } from './fetch-history.js';
import { annotationCommand, appendSummary, setOutput, withoutCommands } from './workflow-commands.js';

/** Which commits to scan; undefined when the event brought none. */
async function narrowing(repoDir: string, scope: EventScope): Promise<RevNarrowing | undefined> {
  switch (scope.kind) {
    case 'full':
      return {};
    case 'pull-request':
      return { range: `${scope.base}..${scope.head}` };
    case 'nothing':
      return undefined;
    case 'push': {
      const branch = scope.push.ref.startsWith('refs/heads/') ? scope.push.ref.slice('refs/heads/'.length) : undefined;
      // actions/checkout leaves the pushed branch as a local branch and a remote-tracking one: neither is "another branch".
      const range = await pushRange(repoDir, scope.push, branch ? [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`] : []);
      return range.kind === 'deleted' ? undefined : { revs: range.revs };
    }
  }
}

function annotation(finding: Finding): string {
  const registry = finding.registry.match ? ` Registered key ${finding.registry.keyId} (${finding.registry.status}).` : '';
  const message = `${finding.description}: ${finding.secretRedacted}${finding.commit ? ` (commit ${finding.commit.slice(0, 7)})` : ''}.${registry} ${guidanceFor(finding)}`;
  const title = `Leaked secret: ${finding.ruleId}`;
  // A commit's own text has no file to annotate.
  if (finding.within !== undefined) return annotationCommand({ level: 'error', title: `${title} in the ${finding.within} of ${finding.commit?.slice(0, 7)}`, message });
  const sameLine = finding.endLine === finding.line;
  return annotationCommand({
    level: 'error',
    title,
    file: finding.path,
    line: finding.line,
    endLine: Math.max(finding.line, finding.endLine),
    ...(sameLine ? { col: finding.column, endColumn: Math.max(finding.column, finding.endColumn - 1) } : {}),
    message,
  });
}

/** Runs the action; resolves to the step's exit code. */
export async function runAction(env: NodeJS.ProcessEnv): Promise<number> {
  const inputs = readInputs(env);
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? '.');
  const payload = env.GITHUB_EVENT_PATH ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  const scope = eventScope(env.GITHUB_EVENT_NAME ?? '', payload);
  const notes = fetchHistory(workspace, scope);
  for (const note of notes) process.stdout.write(`Leakstop: ${note}\n`);

  const fingerprintKey = loadFingerprintKey();
  const baseline = inputs.baseline ? readBaseline(path.resolve(workspace, inputs.baseline), fingerprintKey) : undefined;
  // The registry's drivers load only when asked for: the bundle runs with no install step.
  const registry: KeyRegistry | undefined = inputs.registry
    ? await (await import('../registry/open-registry.js')).openRegistry(inputs.registry)
    : undefined;
  try {
    const prepared = await prepareScan({ configPath: inputs.config && path.resolve(workspace, inputs.config), registry, fingerprintKey });
    const revs = await narrowing(workspace, scope);
    const scanned: ScanResult = revs
      ? await scanHistory({ repoPath: workspace, ...revs, config: prepared.config, extraRules: prepared.registryRules, plan: prepared.plan, engine: prepared.engine, fingerprintKey, cache: false, progress: false })
      : { findings: [], stats: emptyStats() };
    const safe = new ReportRedactor(prepared.engine).scanResult(await attachRegistry(scanned, prepared));
    const filtered = baseline ? applyBaseline(safe.findings, baseline) : undefined;
    const kept: ScanResult = filtered ? { ...safe, findings: filtered.findings } : safe;
    const rules = [...prepared.config.rules, ...prepared.registryRules];
    const ci = ciContext(env, workspace);

    process.stdout.write(`Leakstop scanned ${scope.what}.\n`);
    process.stdout.write(withoutCommands(renderReport(kept, rules, { format: inputs.format, reveal: false, srcRoot: workspace, ci })));
    process.stdout.write(`${summaryLines(kept, { suppressed: filtered?.suppressed, staleBaseline: filtered?.stale.length }).join('\n')}\n`);
    for (const finding of kept.findings) process.stdout.write(annotation(finding));

    const sarifFile = path.resolve(workspace, inputs.sarifFile);
    fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
    fs.writeFileSync(sarifFile, renderSarif(kept.findings, rules, kept.stats, false, workspace));
    appendSummary(env.GITHUB_STEP_SUMMARY, `Leakstop scanned ${scope.what}.\n\n${notes.map((note) => `${note}\n\n`).join('')}${renderMarkdown(kept, ci.web, false)}`);
    setOutput(env.GITHUB_OUTPUT, 'findings', String(kept.findings.length));
    setOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifFile);

    const failing = inputs.failOn === 'any' ? safe.findings.length : inputs.failOn === 'new' ? kept.findings.length : 0;
    if (failing === 0) return 0;
    process.stdout.write(annotationCommand({ level: 'error', message: `Leakstop found ${failing} secret${failing === 1 ? '' : 's'} in ${scope.what} (fail-on: ${inputs.failOn}).` }));
    return 1;
  } finally {
    await registry?.close();
  }
}
