// A history-scan job: a repository the app gained (installation, repositories added) is scanned
// in full — all refs, all history — and reported on its default branch's head.
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { AppServices } from './app-services.js';
import { hasCheckRun, type CommitRef } from './publish-check-run.js';
import { readRepoConfig } from './read-repo-config.js';
import { finishResponses, respondAndReport } from './respond-and-report.js';
import { scanRepository } from './scan-repository.js';

export interface HistoryJobData {
  delivery: string;
  /** When the webhook arrived (ms since the epoch). */
  receivedAt: number;
  repository: { id: number; fullName: string };
}

export interface HistoryScanRun {
  data: HistoryJobData;
  installationId: number;
  github: InstanceType<typeof ProbotOctokit>;
  signal: AbortSignal;
  /** The job's: its lines name the delivery and the repository. */
  log: Logger;
}

/** Scans a repository's whole history and reports on its default branch's head. */
export async function runHistoryScan(run: HistoryScanRun, services: AppServices): Promise<void> {
  const { data, github, signal, installationId } = run;
  const [owner = '', name = ''] = data.repository.fullName.split('/');
  const repo = { id: data.repository.id, fullName: data.repository.fullName };
  const log = run.log.child({ installation: installationId });
  try {
    const { data: facts } = await github.rest.repos.get({ owner, repo: name, request: { signal } });
    await services.gitCache.exclusive(repo, async () => {
      signal.throwIfAborted();
      const { token } = (await github.auth({ type: 'installation' })) as { token: string };
      const gitDir = await services.gitCache.fetch(repo, { token, signal });
      const head = await services.gitCache.branchHead(repo, facts.default_branch);
      if (!head) {
        log.info('empty repository: nothing to scan');
        return;
      }
      const commit: CommitRef = { owner, repo: name, headSha: head };
      const externalId = `history:${head}`;
      const { config: repoConfig, notes } = await readRepoConfig(services.gitCache, repo, facts.default_branch);
      // Reported by an earlier try, or by a run a rate limit paused after its check run.
      if (await hasCheckRun(github, commit, externalId)) {
        const finished = await finishResponses(repoConfig, { github, fullName: repo.fullName }, services.response(installationId, log));
        log.info(`history already scanned at this head; ${finished} unfinished response(s) finished`);
        return;
      }
      const scan = await scanRepository({ gitDir, repo: repo.fullName, repoConfig, signal, log }, services.scanner);
      // Removed meanwhile: no response and no report for a repository the app may no longer touch.
      signal.throwIfAborted();
      scan.notes.unshift(...notes);
      const scope = `the full history of ${repo.fullName} (every branch and tag), on installation`;
      const published = () => services.metrics.checkRunPublished('history-scan', data.receivedAt);
      await respondAndReport(scan, repoConfig, { github, commit, externalId, fullName: repo.fullName, private: facts.private, scope, published }, services.response(installationId, log));
    });
  } catch (error) {
    if (signal.aborted) log.info(`history scan stopped: ${(signal.reason as Error).message}`);
    throw error;
  }
}
