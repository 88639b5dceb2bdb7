// What the app scans, through the same pipeline as `leakstop scan --history`: the history
// source over the repository's bare cache (a push's range, or every ref), the built-in rules
// and the registry's key shapes, the repository's allowlist, then registry marking — and,
// apart, the repository's own rules under a time budget, which a response never waits for.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FingerprintKey } from '../detect/fingerprint-key.js';
import type { Logger } from 'pino';
import { matchRegistry } from '../registry/match-registry.js';
import { rulesFromShapes } from '../registry/shape-rules.js';
import { scanHistory } from '../pipeline/scan-history.js';
import type { ReportRedactor } from '../report/report-redactor.js';
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
  /** Where a repository's rules stopped at their budget are told. */
  log?: Logger;
}

export interface ScanReport {
  result: ScanResult;
  /** Lines for the check run: what was skipped and why. */
  notes: string[];
}

export interface RepoScan extends ScanReport {
  /**
   * The report with the repository's own rules' findings added, once they finish or are stopped
   * at their budget; `result` and `notes` are what the built-in rules found before them, all a
   * response to a registered key needs (its shape is one of the built-in rules).
   */
  withRepoRules(): Promise<ScanReport>;
}

export interface ScannerOptions {
  config: ScanConfig;
  registry: KeyRegistry;
  fingerprintKey: FingerprintKey;
  cacheDir: string;
  /** Time budget of a repository's own rules, per scan. */
  repoRulesBudgetMs: number;
  /** Redacts git texts (messages, authors, paths, ref names) for check runs, issues and logs. */
  redactor(): Promise<ReportRedactor>;
}

/** The built-in config plus the repository's allowlist; a different allowlist is a different cache key. */
function withRepoAllowlist(config: ScanConfig, repoConfig: RepoConfig): ScanConfig {
  if (!repoConfig.allowlist) return config;
  const version = createHash('sha256').update(config.rulesetVersion).update('\0').update(repoConfig.text).digest('hex');
  return { ...config, allowlists: [...config.allowlists, repoConfig.allowlist], rulesetVersion: version };
}

const placeKey = (finding: Finding): string =>
  `${finding.commit}\0${finding.path}\0${finding.within ?? ''}\0${finding.line}\0${finding.column}\0${finding.secretHash}`;

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
            fingerprintKey: options.fingerprintKey.toHex(),
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
    fingerprintKey: options.fingerprintKey,
    cache: true,
    cacheDir,
    progress: false,
    signal: request.signal,
  });
  // Nothing downstream — check run, incident issue, response log, log lines — sees a git text unredacted.
  const redactor = await options.redactor();
  const safe = redactor.scanResult(result);
  const builtIn = { ...safe, findings: await matchRegistry(safe.findings, options.registry) };
  const scan: RepoScan = {
    result: builtIn,
    notes: [],
    async withRepoRules() {
      const extra = await own;
      const notes = [...scan.notes];
      if (!extra) return { result: builtIn, notes };
      if (!extra.ok) {
        request.log?.warn(`repository rules from .github/leakstop.yml: ${extra.error}`);
        return { result: builtIn, notes: [...notes, `Repository rules from .github/leakstop.yml: ${extra.error}.`] };
      }
      // A secret the built-in rules found too is reported once, by them (the engine settles overlaps within one rule set).
      const seen = new Set(result.findings.map(placeKey));
      const ownFindings = redactor.scanResult({ ...result, findings: extra.findings.filter((finding) => !seen.has(placeKey(finding))) });
      const added = await matchRegistry(ownFindings.findings, options.registry);
      return { result: { ...builtIn, findings: builtIn.findings.concat(added) }, notes };
    },
  };
  return scan;
}
