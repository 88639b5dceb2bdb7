// The scan pipeline the CLI and the app share: source → detect → registry → (baseline) → result.
import { assembleEngine } from '../detect/compile-engine.js';
import { detectFragment } from '../detect/detect-fragment.js';
import type { Engine } from '../detect/engine.js';
import type { EnginePlan } from '../detect/plan-engine.js';
import type { FingerprintKey } from '../detect/fingerprint-key.js';
import type { Fragment, KeyRegistry, Rule, RuleStopped, ScanConfig, ScanResult, ScanStats } from '../types.js';
import { matchRegistry } from '../registry/match-registry.js';
import { rulesFromShapes } from '../registry/shape-rules.js';
import { emptyStats } from '../sources/scan-stats.js';
import { loadPlannedConfig } from './engine-cache.js';

export interface PreparedScan {
  config: ScanConfig;
  /** Rules made from the registry's key shapes: every string of a registered shape is a candidate. */
  registryRules: Rule[];
  engine: Engine;
  /** What the engine was assembled from: worker threads assemble theirs from it too. */
  plan: EnginePlan;
  registry?: KeyRegistry;
}

/**
 * Loads the rules, and the registry's shapes when there is a registry, into one engine: through
 * the compiled-engine cache (engine-cache.ts; `cacheDir`, default the user's cache directory).
 */
export async function prepareScan(options: {
  configPath?: string;
  maxFileSize?: number;
  registry?: KeyRegistry;
  fingerprintKey: FingerprintKey;
  onNotice?: (notice: string) => void;
  cacheDir?: string;
}): Promise<PreparedScan> {
  const registryRules = options.registry ? rulesFromShapes(await options.registry.shapes()) : [];
  const { config: loaded, plan } = await loadPlannedConfig({ configPath: options.configPath, extraRules: registryRules, cacheDir: options.cacheDir, onNotice: options.onNotice });
  const config = options.maxFileSize === undefined ? loaded : { ...loaded, maxFileSize: options.maxFileSize };
  return { config, registryRules, engine: assembleEngine(config, registryRules, plan, options.fingerprintKey), plan, registry: options.registry };
}

/** Detects in each fragment of a source, in order. */
export function detectFragments(fragments: Iterable<Fragment>, engine: Engine, stats: ScanStats = emptyStats()): ScanResult {
  const started = performance.now();
  const findings = [];
  const onRuleStopped = (stopped: RuleStopped) => (stats.rulesStopped ??= []).push(stopped);
  for (const fragment of fragments) for (const finding of detectFragment(fragment, engine, onRuleStopped)) findings.push(finding);
  stats.durationMs += performance.now() - started;
  return { findings, stats };
}

/** Marks registry hits: a hash in the registry is one of our keys, with certainty. */
export async function attachRegistry(result: ScanResult, prepared: PreparedScan): Promise<ScanResult> {
  if (!prepared.registry) return result;
  return { ...result, findings: await matchRegistry(result.findings, prepared.registry) };
}
