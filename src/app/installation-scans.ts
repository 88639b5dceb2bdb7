// Full-history scans of newly installed repositories: queued, a few at a time, each one
// cancellable — a repository removed from the installation (or an uninstall) stops its scan
// at the next step and drops it from the queue.
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';

export class ScanCancelled extends Error {}

interface Job {
  installationId: number;
  controller: AbortController;
  done: Promise<void>;
}

export class InstallationScans {
  readonly #limit: LimitFunction;
  /** Queued or running scans by repository id. */
  readonly #jobs = new Map<number, Job>();

  constructor(
    concurrency: number,
    private readonly log: Logger,
  ) {
    this.#limit = pLimit(concurrency);
  }

  /**
   * Queues a scan of the repository unless one is queued or running already. `work` should
   * pass the signal to what it awaits and call `signal.throwIfAborted()` between steps.
   */
  enqueue(installationId: number, repo: { id: number; fullName: string }, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const existing = this.#jobs.get(repo.id);
    if (existing && !existing.controller.signal.aborted) return existing.done;
    const controller = new AbortController();
    const job: Job = {
      installationId,
      controller,
      done: this.#limit(async () => {
        if (controller.signal.aborted) return;
        try {
          await work(controller.signal);
        } catch (error) {
          if (controller.signal.aborted) this.log.info({ repo: repo.fullName }, `history scan stopped: ${String(controller.signal.reason?.message ?? 'cancelled')}`);
          else this.log.error({ err: error, repo: repo.fullName }, 'history scan failed');
        } finally {
          if (this.#jobs.get(repo.id) === job) this.#jobs.delete(repo.id);
        }
      }),
    };
    this.#jobs.set(repo.id, job);
    return job.done;
  }

  /** Stops the scans of these repositories (removed from the installation). */
  cancelRepos(repoIds: number[], reason: string): void {
    for (const id of repoIds) this.#jobs.get(id)?.controller.abort(new ScanCancelled(reason));
  }

  /** Stops every scan of an installation (uninstalled or suspended). */
  cancelInstallation(installationId: number, reason: string): void {
    for (const job of this.#jobs.values()) if (job.installationId === installationId) job.controller.abort(new ScanCancelled(reason));
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.#jobs.size > 0) await Promise.all([...this.#jobs.values()].map((job) => job.done));
  }

  async close(): Promise<void> {
    for (const job of this.#jobs.values()) job.controller.abort(new ScanCancelled('the app is shutting down'));
    await this.idle();
  }
}
