// Which installations wait out a GitHub rate limit, for every worker: a limit one job meets is
// recorded in the queue's store until its reset, and every job of that installation goes back to
// the queue until then (job-handlers.ts), untried; other installations' jobs run on.
import type { JobQueue } from '../queue/job-queue.js';
import type { RateLimitPause } from '../respond/github-rate-limit.js';
import type { AppMetrics } from './app-metrics.js';

const sharedKey = (installationId: number) => `rate-limit-pause:${installationId}`;

export class InstallationPauses {
  /** What this process knows, read without waiting: its clients refuse calls at once. */
  readonly #known = new Map<number, number>();

  constructor(
    private readonly queue: JobQueue,
    private readonly metrics: AppMetrics,
  ) {}

  /** Until when (ms since the epoch) this process knows the installation to be paused. */
  known(installationId: number): number | undefined {
    const until = this.#known.get(installationId);
    if (until === undefined) return undefined;
    if (until > Date.now()) return until;
    this.#known.delete(installationId);
    return undefined;
  }

  async record(installationId: number, pause: RateLimitPause): Promise<void> {
    this.metrics.rateLimited(pause.limit);
    this.#known.set(installationId, Math.max(pause.until, this.#known.get(installationId) ?? 0));
    // Unrecorded, the others meet the limit themselves: one refused call each, nothing lost.
    await this.queue.writeShared(sharedKey(installationId), pause.limit, pause.until).catch(() => undefined);
  }

  /** Until when any worker found the installation paused; undefined when it is not. */
  async until(installationId: number): Promise<number | undefined> {
    const known = this.known(installationId);
    if (known) return known;
    const shared = await this.queue.readShared(sharedKey(installationId));
    if (!shared) return undefined;
    this.#known.set(installationId, shared.expiresAt);
    return shared.expiresAt;
  }
}
