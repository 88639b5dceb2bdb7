// What the app scans, through the same pipeline as `leakstop scan --history`: the history
// source over the repository's bare cache (a push's range, or every ref), the built-in rules
// and the registry's key shapes, the repository's allowlist, its own rules under a time
// budget, then registry marking.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { matchRegistry } from '../registry/match-registry.js';
import { rulesFromShapes } from '../registry/shape-rules.js';
import { scanHistory } from '../pipeline/scan-history.js';
import type { Finding, KeyRegistry, ScanConfig, ScanResult } from '../types.js';
import type { RepoConfig } from './repo-config.js';
import { runRepoRules } from './run-repo-rules.js';

export interface RepoScanRequest {
  gitDir: string;
  /** `owner/name`, shown on each finding. */
  repo: string;
  /** Revisions to walk (a push range); undefined: every ref. */
  revs?: string[];
  repoConfig: RepoConfig;
  /** Stops the scan (a repository removed from the installation meanwhile). */
  signal?: AbortSignal;
}

export interface RepoScan {
  result: ScanResult;
  /** Lines for the check run: what was skipped and why. */
  notes: string[];
}

export interface ScannerOptions {
  config: ScanConfig;
  registry: KeyRegistry;
  cacheDir: string;
  /** Time budget of a repository's own rules, per scan. */
  repoRulesBudgetMs: number;
}

/** The built-in config plus the repository's allowlist; a different allowlist is a different cache key. */
function withRepoAllowlist(config: ScanConfig, repoConfig: RepoConfig): ScanConfig {
  if (!repoConfig.allowlist) return config;
  const version = createHash('sha256').update(config.rulesetVersion).update('\0').update(repoConfig.text).digest('hex');
  return { ...config, allowlists: [...config.allowlists, repoConfig.allowlist], rulesetVersion: version };
}

const placeKey = (finding: Finding): string => `${finding.commit}\0${finding.path}\0${finding.line}\0${finding.column}\0${finding.secretHash}`;

export async function scanRepository(request: RepoScanRequest, options: ScannerOptions): Promise<RepoScan> {
  const { repoConfig } = request;
  const cacheDir = path.join(options.cacheDir, 'scan-cache');
  const config = withRepoAllowlist(options.config, repoConfig);
  const extraRules = rulesFromShapes(await options.registry.shapes());
  const own =
    repoConfig.extraRules.length > 0
      ? runRepoRules(
          {
            repoPath: request.gitDir,
            repo: request.repo,
            revs: request.revs,
            rules: repoConfig.extraRules,
            allowlists: config.allowlists,
            maxFileSize: config.maxFileSize,
            cacheDir,
          },
          options.repoRulesBudgetMs,
        )
      : undefined;
  const result = await scanHistory({
    repoPath: request.gitDir,
    repo: request.repo,
    revs: request.revs,
    config,
    extraRules,
    cache: true,
    cacheDir,
    progress: false,
    signal: request.signal,
  });
  const notes: string[] = [];
  const extra = await own;
  if (extra?.ok) {
    // A secret the built-in rules found too is reported once, by them (the engine settles overlaps within one rule set).
    const seen = new Set(result.findings.map(placeKey));
    for (const finding of extra.findings) if (!seen.has(placeKey(finding))) result.findings.push(finding);
  } else if (extra) {
    notes.push(`Repository rules from .github/leakstop.yml: ${extra.error}.`);
  }
  return { result: { ...result, findings: await matchRegistry(result.findings, options.registry) }, notes };
}
