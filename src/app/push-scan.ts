// A push-scan job: fetch what was pushed into the repository's bare cache, scan exactly what the push
// introduced (never the payload's capped `commits[]`, never the truncating compare API),
// respond to registry hits, and report on `after` as the `Leakstop` check run.
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { pushRange, type PushRange } from '../sources/history/push-range.js';
import type { AppServices } from './app-services.js';
import { rateLimitedUntil } from './installation-client.js';
import { failureReport, hasCheckRun, publishCheckRun, type CommitRef } from './publish-check-run.js';
import { readRepoConfig } from './read-repo-config.js';
import { finishResponses, respondAndReport } from './respond-and-report.js';
import { scanRepository } from './scan-repository.js';

const short = (sha: string): string => sha.slice(0, 7);

function branchName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

/** What the check run says was scanned. */
function pushScope(range: PushRange, push: { ref: string; before: string; after: string }): string {
  const ref = branchName(push.ref);
  if (range.kind === 'fast-forward') return `push ${short(push.before)}..${short(push.after)} to ${ref}`;
  const only = 'only the commits no other branch or tag has';
  if (range.kind === 'new-ref') return `new ref ${ref} at ${short(push.after)}: ${only}`;
  return `force push to ${ref} (${short(push.before)} → ${short(push.after)}): ${only}`;
}

/** What a push-scan job holds: the push webhook's facts the scan needs (no commits list). */
export interface PushJobData {
  delivery: string;
  /** When the webhook arrived (ms since the epoch), for the webhook-to-check-run latency. */
  receivedAt: number;
  repository: { id: number; fullName: string; name: string; private: boolean; defaultBranch: string };
  ref: string;
  before: string;
  after: string;
  /** An annotated tag's `after` is the tag object; checks belong on the commit it tags. */
  headSha: string;
}

export interface PushScanRun {
  data: PushJobData;
  installationId: number;
  github: InstanceType<typeof ProbotOctokit>;
  signal: AbortSignal;
  /** The job's: its lines name the delivery and the repository. */
  log: Logger;
  /** The job's last try: a failure is reported on the commit. */
  lastTry: { jobId: string } | undefined;
}

export async function runPushScan(run: PushScanRun, services: AppServices): Promise<void> {
  const { data: push, github, signal } = run;
  const fullName = push.repository.fullName;
  // A branch or tag name is git text like any other: a key pushed as one is not logged or reported.
  const shownRef = (await services.scanner.redactor()).text(push.ref);
  const log = run.log.child({ ref: shownRef });
  const repo = { id: push.repository.id, fullName };
  const commit: CommitRef = { owner: fullName.split('/')[0]!, repo: push.repository.name, headSha: push.headSha };
  // One external id per push: a job retried after its check run was published does nothing twice.
  const externalId = `push:${shownRef}:${push.before}..${push.after}`;

  await services.gitCache.exclusive(repo, async () => {
    // Reported by an earlier try, or by a run paused by a rate limit after its check run: what
    // that run left unfinished is finished (the response log does nothing twice).
    if (await hasCheckRun(github, commit, externalId)) {
      const { token } = (await github.auth({ type: 'installation' })) as { token: string };
      await services.gitCache.fetch(repo, { token, signal });
      const { config } = await readRepoConfig(services.gitCache, repo, push.repository.defaultBranch);
      const finished = await finishResponses(config, { github, fullName }, services.response(run.installationId, log));
      log.info(`push already reported by an earlier run; ${finished} unfinished response(s) finished`);
      return;
    }
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (phase: string) => (timings[phase] = Math.round(performance.now() - started));
    try {
      const { token } = (await github.auth({ type: 'installation' })) as { token: string };
      const gitDir = await services.gitCache.fetch(repo, { token, wants: [push.after], signal });
      lap('fetchedMs');
      const range = await pushRange(gitDir, { ref: push.ref, before: push.before, after: push.after });
      const revs = range.kind === 'deleted' ? [] : range.revs;
      const { config: repoConfig, notes } = await readRepoConfig(services.gitCache, repo, push.repository.defaultBranch);
      const scan = await scanRepository({ gitDir, repo: fullName, revs, repoConfig, signal, log }, services.scanner);
      lap('scannedMs');
      signal.throwIfAborted();
      scan.notes.unshift(...notes);
      const target = {
        github,
        commit,
        externalId,
        fullName,
        private: push.repository.private,
        scope: pushScope(range, { ...push, ref: shownRef }),
        published: () => services.metrics.checkRunPublished('push-scan', push.receivedAt),
      };
      const report = await respondAndReport(scan, repoConfig, target, services.response(run.installationId, log));
      lap('doneMs');
      log.info(timings, `push handled: ${report.result.stats.commits ?? 0} commits, ${report.result.findings.length} findings`);
    } catch (error) {
      // A rate limit is waited out in the queue, not reported: the job is not failing.
      if (run.lastTry && !signal.aborted && !rateLimitedUntil(github)) {
        const reason = `The scan failed: ${(error as Error).message.split('\n')[0]}. \`leakstop jobs retry ${run.lastTry.jobId}\` runs it again.`;
        // A failed run under another id: the retry is not mistaken for done.
        await publishCheckRun(github, commit, `${externalId}:failed`, failureReport(reason)).catch((reportError: unknown) =>
          log.error({ err: reportError }, 'could not report the failure on the check run'),
        );
      }
      throw error;
    }
  });
}
