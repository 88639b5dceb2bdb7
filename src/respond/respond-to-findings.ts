// The response entry point for the CLI and the GitHub App: registry hits become incidents in
// the response log (idempotently: a redelivered finding adds nothing), then are driven to
// completion. A dry run only plans.
import type { Finding, Incident } from '../types.js';
import { planResponse, type PlannedResponse } from './plan-response.js';
import { respondToIncidents, type IncidentResult, type ResponderOptions } from './respond-to-incidents.js';

export interface RespondOptions extends ResponderOptions {
  /** `owner/name` of the GitHub repository the findings were made in; default: each finding's `repo`. */
  repo?: string;
  /** Plan only: read the registry and the response log, change nothing anywhere. */
  dryRun?: boolean;
}

export type ResponseSummary = { dryRun: false; incidents: IncidentResult[] } | { dryRun: true; plan: PlannedResponse[] };

/** The findings that are registered keys of ours, with the repository each belongs to. */
export function registryHits(findings: Finding[], repo: string | undefined): { finding: Finding; repo: string; keyId: string }[] {
  return findings.flatMap((finding) =>
    finding.registry.match ? [{ finding, repo: repo ?? finding.repo ?? 'local', keyId: finding.registry.keyId }] : [],
  );
}

export async function respondToFindings(findings: Finding[], options: RespondOptions): Promise<ResponseSummary> {
  const hits = registryHits(findings, options.repo);
  if (options.dryRun) return { dryRun: true, plan: await planResponse(hits, options) };
  const incidents = new Map<number, Incident>();
  for (const { finding, repo, keyId } of hits) {
    const { incident } = await options.registry.responses.recordSighting(
      {
        repo,
        keyId,
        keyHashPrefix: finding.secretHash.slice(0, 12),
        secretRedacted: finding.secretRedacted,
        severity: finding.severity,
        ruleId: finding.ruleId,
        actor: options.actor,
      },
      {
        commit: finding.commit,
        path: finding.path,
        line: finding.line,
        author: finding.author,
        email: finding.email,
        committedAt: finding.date,
      },
    );
    incidents.set(incident.id, incident);
  }
  return { dryRun: false, incidents: await respondToIncidents([...incidents.values()], options) };
}
