// What `GET /metrics` shows, in Prometheus text format: the queue's jobs by kind and state (read
// from the queue itself, so every worker's jobs count wherever they run), how long this process's
// jobs took, how long a webhook waited for its check run, and the keys revoked in the registry;
// and this process's GitHub calls, the rate limits they met, the jobs those paused, and where
// its installation tokens came from (fetched from GitHub, or shared by another worker).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobOutcome } from '../queue/job-worker.js';
import { JOB_KINDS, JOB_STATES, type JobKind, type JobQueue } from '../queue/job-queue.js';
import type { KeyRegistry } from '../types.js';

export class AppMetrics {
  readonly registry = new Registry();
  readonly #duration: Histogram<'kind' | 'outcome'>;
  readonly #latency: Histogram<'kind'>;
  readonly #webhooks: Counter<'event' | 'outcome'>;
  readonly #gitHubCalls: Counter<'method' | 'route' | 'status'>;
  readonly #rateLimits: Counter<'limit'>;
  readonly #paused: Counter<'kind'>;
  readonly #tokens: Counter<'source'>;

  constructor(queue: JobQueue, keys: KeyRegistry) {
    const registers = [this.registry];
    new Gauge({
      name: 'leakstop_jobs',
      help: 'Jobs in the queue by kind and state (queued, running, failed, completed, cancelled).',
      labelNames: ['kind', 'state'],
      registers,
      async collect() {
        const stats = await queue.stats();
        for (const kind of JOB_KINDS) for (const state of JOB_STATES) this.set({ kind, state }, stats[kind][state]);
      },
    });
    new Gauge({
      name: 'leakstop_revoked_keys',
      help: 'Keys of the registry that are revoked.',
      registers,
      async collect() {
        this.set((await keys.list({ status: 'revoked' })).length);
      },
    });
    this.#duration = new Histogram({
      name: 'leakstop_job_duration_seconds',
      help: "How long this process's jobs ran, by kind and outcome.",
      labelNames: ['kind', 'outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
      registers,
    });
    this.#latency = new Histogram({
      name: 'leakstop_webhook_to_check_run_seconds',
      help: 'From the webhook being received to its check run being published.',
      labelNames: ['kind'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 7200],
      registers,
    });
    this.#webhooks = new Counter({
      name: 'leakstop_webhooks_total',
      help: 'Webhooks received, by event and what became of them (enqueued, duplicate, ignored).',
      labelNames: ['event', 'outcome'],
      registers,
    });
    this.#gitHubCalls = new Counter({
      name: 'leakstop_github_requests_total',
      help: "This process's GitHub API calls by method, route template and answer status (none: no answer).",
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#rateLimits = new Counter({
      name: 'leakstop_github_rate_limits_total',
      help: 'GitHub rate limits this process met (primary: the hourly budget; secondary: retry-after), each pausing its installation until the reset.',
      labelNames: ['limit'],
      registers,
    });
    this.#paused = new Counter({
      name: 'leakstop_jobs_paused_total',
      help: 'Jobs this process put back in the queue, untried, because their installation waits out a GitHub rate limit.',
      labelNames: ['kind'],
      registers,
    });
    this.#tokens = new Counter({
      name: 'leakstop_installation_tokens_total',
      help: 'Installation tokens this process took: fetched from GitHub, or shared (stored by another worker).',
      labelNames: ['source'],
      registers,
    });
  }

  gitHubCall(method: string, route: string, status: number | undefined): void {
    // Later pages are absolute URLs naming the repository: one label for them all.
    this.#gitHubCalls.inc({ method, route: route.startsWith('/') ? route : '(next page)', status: status === undefined ? 'none' : String(status) });
  }

  rateLimited(limit: 'primary' | 'secondary'): void {
    this.#rateLimits.inc({ limit });
  }

  jobPaused(kind: JobKind): void {
    this.#paused.inc({ kind });
  }

  installationToken(source: 'fetched' | 'shared'): void {
    this.#tokens.inc({ source });
  }

  jobSettled(kind: JobKind, outcome: JobOutcome, seconds: number): void {
    this.#duration.observe({ kind, outcome }, seconds);
  }

  checkRunPublished(kind: JobKind, receivedAt: number): void {
    this.#latency.observe({ kind }, Math.max(0, (Date.now() - receivedAt) / 1000));
  }

  /** `jobs`: how many jobs the delivery had this outcome for (an installation lists many repositories). */
  webhook(event: string, outcome: 'enqueued' | 'duplicate' | 'ignored', jobs = 1): void {
    if (jobs > 0) this.#webhooks.inc({ event, outcome }, jobs);
  }
}
