// The app's settings, read once from the environment probot apps use. Every missing or
// invalid value is one ConfigError line naming the variable, so a bad deployment fails
// at start-up instead of at the first webhook.
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errnoText } from '../errno-text.js';
import { ConfigError } from '../errors.js';
import { defaultCacheDir } from '../pipeline/history/scan-cache.js';
import { ownerNotifierFromEnv } from '../respond/owner-notifier.js';
import type { QueueTuning } from '../queue/job-queue.js';
import { MAX_CONCURRENCY } from '../queue/job-worker.js';

export interface AppSettings {
  appId: number;
  /** PEM of the key the app signs its JWTs with. */
  privateKey: string;
  webhookSecret: string;
  port: number;
  /** Interface to listen on; undefined: all. */
  host?: string;
  webhookPath: string;
  /** REST API base: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiBaseUrl: string;
  /** Where repositories are cloned from: https://github.com, or the GHES host. */
  gitBaseUrl: string;
  /** The key registry: SQLite path or postgres:// URL; undefined: the default SQLite file. */
  registry?: string;
  /** Per-repository bare git caches and the scan cache live here. */
  cacheDir: string;
  /** Total size of the bare git caches above which unused ones are removed; undefined: no limit. */
  cacheMaxBytes?: number;
  /** The job queue: a postgres:// URL; undefined: the registry's PostgreSQL database, or the embedded queue of a SQLite registry. */
  queue?: string;
  queueTuning: QueueTuning;
  /** How many jobs a worker runs at once. */
  workerConcurrency: number;
  /** How many history scans of one installation run at once, over every worker. */
  backfillWorkers: number;
  /** How long SIGTERM lets running jobs finish before handing them back. */
  stopGraceSeconds: number;
  /** Time budget of a repository's own regex rules, per scan. */
  repoRulesBudgetMs: number;
  logLevel: LogLevel;
  /** Plan responses without revoking, filing or writing anything. */
  dryRun: boolean;
  /** Where incidents of keys found in public go (`owner/name`, LEAKSTOP_SECURITY_REPO), through the app's installation there. */
  securityRepo?: string;
  /** GitHub's secret scanning partner program endpoint (LEAKSTOP_PARTNER=1); undefined: off. */
  partner?: { path: string };
  /** Multiplies GitHub's retry waits (1 in production; the tests make seconds milliseconds). */
  gitHubTimeScale: number;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Record<string, string | undefined>;

function required(env: Env, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set: ${what}`);
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number, max: number, min = 1): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

const PEM = /-----BEGIN (RSA )?PRIVATE KEY-----/;

/** PRIVATE_KEY as PEM, PEM with literal `\n`s, or base64 of the PEM; else the file at PRIVATE_KEY_PATH. */
function readPrivateKey(env: Env): string {
  let pem: string;
  let from: string;
  if (env.PRIVATE_KEY?.trim()) {
    from = 'PRIVATE_KEY';
    pem = env.PRIVATE_KEY.trim();
    if (!PEM.test(pem)) pem = Buffer.from(pem, 'base64').toString('utf8');
    pem = pem.replace(/\\n/g, '\n');
  } else if (env.PRIVATE_KEY_PATH?.trim()) {
    from = 'PRIVATE_KEY_PATH';
    try {
      pem = fs.readFileSync(env.PRIVATE_KEY_PATH.trim(), 'utf8');
    } catch (error) {
      throw new ConfigError(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}: ${errnoText(error)}`);
    }
  } else {
    throw new ConfigError("PRIVATE_KEY or PRIVATE_KEY_PATH must be set: the GitHub App's private key (.pem from the app's settings)");
  }
  if (!PEM.test(pem)) throw new ConfigError(`${from} is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----")`);
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    throw new ConfigError(`${from} is not a valid RSA private key: download a new one from the GitHub App's settings`);
  }
  return pem;
}

/** GitHub.com, or GitHub Enterprise Server at GHE_HOST (GHE_PROTOCOL defaults to https). */
function githubUrls(env: Env): { apiBaseUrl: string; gitBaseUrl: string } {
  const host = env.GHE_HOST?.trim();
  if (!host) return { apiBaseUrl: 'https://api.github.com', gitBaseUrl: 'https://github.com' };
  const protocol = env.GHE_PROTOCOL?.trim() || 'https';
  if (protocol !== 'https' && protocol !== 'http') throw new ConfigError(`GHE_PROTOCOL must be https or http, not "${protocol}"`);
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) && !/^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) {
    throw new ConfigError(`GHE_HOST must be a host name with an optional port, e.g. github.example.com, not "${host}"`);
  }
  return { apiBaseUrl: `${protocol}://${host}/api/v3`, gitBaseUrl: `${protocol}://${host}` };
}

/** The queue's location and tuning (all `leakstop jobs` needs). */
export function readQueueSettings(env: Env = process.env): { queue?: string; registry?: string; queueTuning: QueueTuning } {
  return {
    queue: env.LEAKSTOP_QUEUE?.trim() || undefined,
    registry: env.LEAKSTOP_REGISTRY?.trim() || undefined,
    queueTuning: {
      // A lease is renewed every third of it: a worker gone quiet for a whole lease is dead or hung.
      leaseMs: 1000 * wholeNumber(env, 'LEAKSTOP_JOB_LEASE_SECONDS', 60, 3600),
      maxAttempts: wholeNumber(env, 'LEAKSTOP_JOB_ATTEMPTS', 5, 100),
      // 0: retried at once (tests that kill workers on purpose).
      retryDelayMs: 1000 * wholeNumber(env, 'LEAKSTOP_JOB_RETRY_DELAY_SECONDS', 10, 3600, 0),
    },
  };
}

/** `webhooks: false` (a worker): no webhook secret is needed. */
export function readAppSettings(env: Env = process.env, options: { webhooks: boolean } = { webhooks: true }): AppSettings {
  const appIdText = required(env, 'APP_ID', "the GitHub App's numeric id (app settings → About)");
  const appId = Number(appIdText);
  if (!Number.isInteger(appId) || appId < 1) throw new ConfigError(`APP_ID must be the app's numeric id, not "${appIdText}"`);
  const privateKey = readPrivateKey(env);
  const webhookSecret = options.webhooks ? required(env, 'WEBHOOK_SECRET', "the webhook secret set in the GitHub App's settings") : '';
  const port = env.PORT?.trim() ? positivePort(env.PORT.trim()) : 3000;
  const webhookPath = env.WEBHOOK_PATH?.trim() || '/api/github/webhooks';
  if (!webhookPath.startsWith('/')) throw new ConfigError(`WEBHOOK_PATH must start with "/", not "${webhookPath}"`);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  const dryRunText = env.LEAKSTOP_DRY_RUN?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(dryRunText)) throw new ConfigError(`LEAKSTOP_DRY_RUN must be true or false, not "${dryRunText}"`);
  // Checked now, so a bad hook fails at start-up rather than at the first revocation.
  ownerNotifierFromEnv(env);
  const securityRepo = env.LEAKSTOP_SECURITY_REPO?.trim() || undefined;
  if (securityRepo && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(securityRepo)) throw new ConfigError(`LEAKSTOP_SECURITY_REPO must be owner/name, not "${securityRepo}"`);
  return {
    appId,
    privateKey,
    webhookSecret,
    port,
    host: env.HOST?.trim() || undefined,
    webhookPath,
    securityRepo,
    partner: partnerSettings(env, webhookPath, securityRepo),
    ...githubUrls(env),
    cacheDir: path.resolve(env.LEAKSTOP_CACHE_DIR?.trim() || defaultCacheDir(env)),
    cacheMaxBytes: byteSize(env, 'LEAKSTOP_CACHE_MAX_BYTES'),
    ...readQueueSettings(env),
    workerConcurrency: wholeNumber(env, 'LEAKSTOP_SCAN_CONCURRENCY', 2, MAX_CONCURRENCY),
    backfillWorkers: wholeNumber(env, 'LEAKSTOP_BACKFILL_WORKERS', 2, 1024),
    stopGraceSeconds: wholeNumber(env, 'LEAKSTOP_STOP_GRACE_SECONDS', 30, 3600),
    repoRulesBudgetMs: wholeNumber(env, 'LEAKSTOP_REPO_RULES_BUDGET_MS', 5_000, 600_000),
    logLevel,
    dryRun: dryRunText === '1' || dryRunText === 'true',
    gitHubTimeScale: timeScale(env),
  };
}

function partnerSettings(env: Env, webhookPath: string, securityRepo: string | undefined): AppSettings['partner'] {
  const enabled = env.LEAKSTOP_PARTNER?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(enabled)) throw new ConfigError(`LEAKSTOP_PARTNER must be 1 or 0, not "${enabled}"`);
  if (enabled !== '1' && enabled !== 'true') return undefined;
  if (!securityRepo) throw new ConfigError('LEAKSTOP_SECURITY_REPO is not set: the owner/name repository where incidents of keys GitHub finds in public are filed (LEAKSTOP_PARTNER=1)');
  const path = env.LEAKSTOP_PARTNER_PATH?.trim() || '/api/github/secret-scanning';
  if (!path.startsWith('/')) throw new ConfigError(`LEAKSTOP_PARTNER_PATH must start with "/", not "${path}"`);
  if (path === webhookPath) throw new ConfigError(`LEAKSTOP_PARTNER_PATH must differ from WEBHOOK_PATH (both are "${path}")`);
  return { path };
}

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** Bytes, with an optional K, M, G or T (powers of 1024): `500M`, `20G`. */
function byteSize(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const [, digits, unit = ''] = /^(\d+)\s*([KMGT]?)i?B?$/i.exec(raw) ?? [];
  const bytes = Number(digits) * (UNITS[unit.toUpperCase()] ?? NaN);
  if (!(bytes >= 1)) throw new ConfigError(`${name} must be a size in bytes, optionally with K, M, G or T (e.g. 20G), not "${raw}"`);
  return bytes;
}

function timeScale(env: Env): number {
  const raw = env.LEAKSTOP_GITHUB_TIME_SCALE?.trim();
  if (!raw) return 1;
  const scale = Number(raw);
  if (!(scale >= 0)) throw new ConfigError(`LEAKSTOP_GITHUB_TIME_SCALE must be a number ≥ 0, not "${raw}"`);
  return scale;
}

function positivePort(raw: string): number {
  const port = Number(raw);
  // 0 asks the system for a free port (tests and the demo read the chosen one from the log).
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (0-65535), not "${raw}"`);
  return port;
}
