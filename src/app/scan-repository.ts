// What the app scans, through the same pipeline as `leakstop scan --history`: the history
// source over the repository's bare cache (a push's range, or every ref), the built-in rules
// and the registry's key shapes, the repository's allowlist, its own rules under a time
// budget, then registry marking.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { markRegistryMatches } from '../registry/mark-registry-matches.js';
import { rulesFromShapes } from '../registry/shape-rules.js';
import { scanHistory } from '../sources/git-history.js';
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

/** Lower is better: a named provider rule over the registry's shape rule, either over a generic one. */
const specificity = (finding: Finding): number => (finding.tags.includes('generic') ? 2 : finding.tags.includes('registry') ? 1 : 0);

/**
 * One finding per secret and place, as one annotation and one sighting: several rules (a
 * provider's, the registry shape's, the generic one) may match the same string.
 */
function onePerPlace(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const finding of findings) {
    const key = placeKey(finding);
    const kept = best.get(key);
    if (!kept || specificity(finding) < specificity(kept)) best.set(key, finding);
  }
  return [...best.values()];
}

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
  });
  const notes: string[] = [];
  const extra = await own;
  if (extra?.ok) result.findings.push(...extra.findings);
  else if (extra) notes.push(`Repository rules from .github/leakstop.yml: ${extra.error}.`);
  result.findings = onePerPlace(result.findings);
  await markRegistryMatches(result.findings, options.registry);
  return { result, notes };
}
