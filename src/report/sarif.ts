// SARIF 2.1.0, shaped for GitHub code scanning: rule metadata, relative URIs (with the base
// they are relative to) or absolute ones for files outside it, regions and partialFingerprints
// so alerts survive line moves.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Rule, ScanStats, Severity } from '../types.js';
import { secretIdentity } from './secret-identity.js';

const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub ranks security alerts by this 0–10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

function descriptor(rule: Pick<Rule, 'id' | 'description' | 'severity' | 'tags' | 'guidance'>): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.guidance ?? 'Revoke the secret at its provider, replace it, and remove it from the history.' },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', 'secret', ...rule.tags], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

/** Reports print a path relative to the directory scanned from, or absolute when outside it. */
function artifactLocation(file: string): ArtifactLocation {
  return path.isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: SRCROOT };
}

function result(finding: Finding, ruleIndex: number, reveal: boolean): Result {
  const registry = finding.registry.match ? ` Registered key ${finding.registry.keyId} (${finding.registry.status}).` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.description}: ${reveal ? finding.secret.reveal() : finding.secretRedacted}.${registry}` },
    locations: [
      {
        physicalLocation: {
          // A commit's own text (its message, a tag, a note) has no file: `commit:<sha>` is an absolute URI.
          artifactLocation: finding.within === undefined ? artifactLocation(finding.path) : { uri: encodeURI(finding.path) },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { 'leakstop/v1': finding.fingerprint },
    properties: {
      ...secretIdentity(finding),
      ...(finding.commit ? { commit: finding.commit, author: finding.author, date: finding.date } : {}),
      ...(finding.within === undefined ? {} : { within: finding.within }),
      ...(finding.registry.match ? { registry: finding.registry } : {}),
    },
  };
}

/** `srcRoot`: the directory relative paths are relative to (the working directory, or the repository of a history scan). */
export function renderSarif(findings: Finding[], rules: Rule[], stats: ScanStats, reveal: boolean, srcRoot: string): string {
  const used = new Map<string, number>();
  const descriptors: ReportingDescriptor[] = [];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const finding of findings) {
    if (used.has(finding.ruleId)) continue;
    used.set(finding.ruleId, descriptors.length);
    descriptors.push(descriptor(byId.get(finding.ruleId) ?? { ...finding, id: finding.ruleId }));
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Leakstop',
            semanticVersion: '0.1.0',
            rules: descriptors,
          },
        },
        ...(findings.some((finding) => !path.isAbsolute(finding.path))
          ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(path.join(srcRoot, path.sep)).href } } }
          : {}),
        results: findings.map((finding) => result(finding, used.get(finding.ruleId)!, reveal)),
        properties: { stats: { files: stats.files, bytes: stats.bytes, commits: stats.commits, blobs: stats.blobs } },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
