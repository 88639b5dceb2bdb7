// `leakstop scan … --respond`: after the registry has marked its hits, respond to them.
// Checked before the scan starts, so a missing token or registry fails before any work.
import path from 'node:path';
import { UsageError } from '../errors.js';
import { gitHubActionsSecretWriter } from '../respond/actions-secret-writer.js';
import type { GitHub } from '../respond/github-client.js';
import { respondToFindings } from '../respond/respond-to-findings.js';
import type { Finding, KeyRegistry } from '../types.js';
import { cliActor, cliGitHub, repoOption, securityRepoOption } from './responder-options.js';
import { assertComplete, describePlan, describeResults } from './response-output.js';

export interface ScanRespondFlags {
  respond?: boolean;
  githubRepo?: string;
  securityRepo?: string;
  dryRun?: boolean;
}

export interface ScanResponse {
  githubRepo?: string;
  securityRepo?: string;
  dryRun: boolean;
  github?: GitHub;
}

/** Validates the response flags; undefined when the scan does not respond. */
export function prepareScanResponse(flags: ScanRespondFlags, registrySpec: string | undefined): ScanResponse | undefined {
  if (!flags.respond) {
    const stray = [flags.githubRepo && '--github-repo', flags.securityRepo && '--security-repo', flags.dryRun && '--dry-run'].find(Boolean);
    if (stray) throw new UsageError(`${stray} needs --respond`);
    return undefined;
  }
  if (!registrySpec) throw new UsageError('--respond needs the key registry: give --registry URL or set LEAKSTOP_REGISTRY');
  const githubRepo = repoOption(flags.githubRepo, '--github-repo');
  const dryRun = Boolean(flags.dryRun);
  // Without a GitHub repository there is no issue to file, so no token is needed; one given
  // still writes the Actions secrets key records name.
  const github = cliGitHub(Boolean(githubRepo) && !dryRun);
  return { githubRepo, securityRepo: securityRepoOption(flags.securityRepo), dryRun, github };
}

/**
 * Responds to the registry hits among the findings; an incomplete response exits 2, resumable.
 * Without --github-repo, incidents belong to the scanned path and get no issue.
 */
export async function respondAfterScan(response: ScanResponse, findings: Finding[], registry: KeyRegistry, scannedPath: string): Promise<void> {
  const summary = await respondToFindings(findings, {
    registry,
    github: response.github,
    // The token may write the Actions secrets key records name (zero-downtime rotation).
    ...(response.github ? { actionsSecrets: gitHubActionsSecretWriter(response.github) } : {}),
    repo: response.githubRepo ?? path.resolve(scannedPath),
    securityRepo: response.securityRepo,
    dryRun: response.dryRun,
    actor: cliActor(),
    log: (line) => process.stderr.write(`leakstop: ${line}\n`),
  });
  if (summary.dryRun) {
    process.stderr.write(describePlan(summary.plan));
    return;
  }
  process.stderr.write(describeResults(summary.incidents));
  assertComplete(summary.incidents);
}
