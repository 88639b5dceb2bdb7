// What the webhook handlers and the job workers share for the life of the process: the registry,
// the rules, the per-repository git caches, the job queue, GitHub clients and the metrics.
import type { Logger } from 'pino';
import type { Probot, ProbotOctokit } from 'probot';
import { loadFingerprintKey } from '../pipeline/load-fingerprint-key.js';
import { compileEngine } from '../detect/compile-engine.js';
import { openRegistry } from '../registry/open-registry.js';
import { rulesFromShapes } from '../registry/shape-rules.js';
import { ReportRedactor } from '../report/report-redactor.js';
import { loadConfig } from '../rules/load-config.js';
import type { KeyRegistry, ScanConfig } from '../types.js';
import { ensureCacheDir } from './ensure-cache-dir.js';
import type { JobQueue } from '../queue/job-queue.js';
import { openJobQueue } from '../queue/open-job-queue.js';
import { AppMetrics } from './app-metrics.js';
import { createProbot } from './create-probot.js';
import { installationClient } from './installation-client.js';
import { InstallationPauses } from './installation-pauses.js';
import { RepoGitCache } from './repo-git-cache.js';
import type { ResponseSettings } from './respond-and-report.js';
import type { ScannerOptions } from './scan-repository.js';
import type { AppSettings } from './settings.js';
import { SharedTokenCache } from './shared-token-cache.js';
import { TokenSeal } from './token-seal.js';

export interface AppServices {
  settings: AppSettings;
  log: Logger;
  registry: KeyRegistry;
  gitCache: RepoGitCache;
  scanner: ScannerOptions;
  queue: JobQueue;
  metrics: AppMetrics;
  /** Installations waiting out a GitHub rate limit, as every worker sees them. */
  pauses: InstallationPauses;
  /** App JWTs and installation tokens; receives the webhooks in the app's process. */
  probot: Probot;
  /** An installation's client for one job, logging to the job's `log` (installation-client.ts). Not probot's `context.octokit`:
   * that one has no throttling id, so GitHub's "one write a second" pacing would be shared by every installation. */
  github(installationId: number, log: Logger): Promise<InstanceType<typeof ProbotOctokit>>;
  /** How responses are made on behalf of an installation, logged to the job's `log`. */
  response(installationId: number | undefined, log: Logger): ResponseSettings;
  close(): Promise<void>;
}

/** The redactor of the built-in rules and the registry's current shapes, compiled again only when the shapes change. */
function sharedRedactor(config: ScanConfig, registry: KeyRegistry): () => Promise<ReportRedactor> {
  let made: { shapes: string; redactor: ReportRedactor } | undefined;
  return async () => {
    const shapes = await registry.shapes();
    const key = JSON.stringify(shapes);
    if (made?.shapes !== key) made = { shapes: key, redactor: new ReportRedactor(compileEngine(config, rulesFromShapes(shapes))) };
    return made.redactor;
  };
}

export async function createAppServices(settings: AppSettings, log: Logger): Promise<AppServices> {
  // Each fails at start-up with one line: an unwritable cache, a bad rules directory, an unreachable registry.
  ensureCacheDir(settings.cacheDir);
  const config = loadConfig();
  const registry = await openRegistry(settings.registry);
  // Check runs show keyed fingerprints, and the scan cache checks secrets by them.
  const fingerprintKey = loadFingerprintKey();
  let queue: JobQueue;
  try {
    queue = await openJobQueue({ queue: settings.queue, registry: settings.registry }, settings.queueTuning);
  } catch (error) {
    await registry.close();
    throw error;
  }
  const metrics = new AppMetrics(queue, registry);
  const pauses = new InstallationPauses(queue, metrics);
  const probot = createProbot(settings, log, new SharedTokenCache(queue, new TokenSeal(settings.privateKey), metrics));
  const services: AppServices = {
    settings,
    log,
    registry,
    gitCache: new RepoGitCache(settings.cacheDir, settings.gitBaseUrl, settings.cacheMaxBytes ? { maxBytes: settings.cacheMaxBytes, log } : undefined),
    scanner: { config, registry, fingerprintKey, cacheDir: settings.cacheDir, repoRulesBudgetMs: settings.repoRulesBudgetMs, redactor: sharedRedactor(config, registry) },
    queue,
    metrics,
    pauses,
    probot,
    github: async (installationId, jobLog) => installationClient(await probot.auth(installationId), installationId, pauses, metrics, jobLog),
    response: (installationId, jobLog) => ({
      registry,
      actor: { kind: 'app', name: `github-app/${settings.appId}${installationId === undefined ? '' : `/installation/${installationId}`}` },
      dryRun: settings.dryRun,
      log: jobLog,
      apiBaseUrl: settings.apiBaseUrl,
    }),
    close: async () => {
      await queue.close();
      await registry.close();
    },
  };
  return services;
}
