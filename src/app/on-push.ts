// `push`: fetch what was pushed into the repository's bare cache, scan exactly what the push
// introduced (never the payload's capped `commits[]`, never the truncating compare API),
// respond to registry hits, and report on `after` as the `Leakstop` check run.
import type { Context, ProbotOctokit } from 'probot';
import { pushRange, type PushRange } from '../sources/history/push-range.js';
import type { AppServices } from './app-services.js';
import { failureReport, hasCheckRun, publishCheckRun, type CommitRef } from './publish-check-run.js';
import { readRepoConfig } from './read-repo-config.js';
import { respondAndReport } from './respond-and-report.js';
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

export async function onPush(context: Context<'push'>, services: AppServices, github: InstanceType<typeof ProbotOctokit>): Promise<void> {
  const { payload } = context;
  const fullName = payload.repository.full_name;
  // A branch or tag name is git text like any other: a key pushed as one is not logged or reported.
  const shownRef = (await services.scanner.redactor()).text(payload.ref);
  const log = services.log.child({ repo: fullName, ref: shownRef, delivery: context.id });
  if (payload.deleted) {
    log.info('ref deleted: nothing was introduced, nothing to scan');
    return;
  }
  const repo = { id: payload.repository.id, fullName };
  // An annotated tag's `after` is the tag object; checks belong on the commit it tags.
  const headSha = payload.head_commit?.id ?? payload.after;
  const commit: CommitRef = { owner: fullName.split('/')[0]!, repo: payload.repository.name, headSha };
  // One external id per push: a redelivered webhook finds its completed run and does nothing twice.
  const externalId = `push:${shownRef}:${payload.before}..${payload.after}`;

  await services.gitCache.exclusive(repo, async () => {
    if (await hasCheckRun(github, commit, externalId)) {
      log.info('push already scanned and reported (a redelivery): nothing to do');
      return;
    }
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (phase: string) => (timings[phase] = Math.round(performance.now() - started));
    try {
      const { token } = (await github.auth({ type: 'installation' })) as { token: string };
      const gitDir = await services.gitCache.fetch(repo, { token, wants: [payload.after] });
      lap('fetchedMs');
      const range = await pushRange(gitDir, { ref: payload.ref, before: payload.before, after: payload.after });
      const revs = range.kind === 'deleted' ? [] : range.revs;
      const { config: repoConfig, notes } = await readRepoConfig(services.gitCache, repo, payload.repository.default_branch);
      const scan = await scanRepository({ gitDir, repo: fullName, revs, repoConfig, log }, services.scanner);
      lap('scannedMs');
      scan.notes.unshift(...notes);
      const target = { github, commit, externalId, fullName, private: payload.repository.private, scope: pushScope(range, { ...payload, ref: shownRef }) };
      const report = await respondAndReport(scan, repoConfig, target, services.response(payload.installation?.id));
      lap('doneMs');
      log.info(timings, `push handled: ${report.result.stats.commits ?? 0} commits, ${report.result.findings.length} findings`);
    } catch (error) {
      log.error({ err: error }, 'push scan failed');
      const reason = `The scan failed: ${(error as Error).message.split('\n')[0]}. Redeliver the push webhook to retry.`;
      // A failed run under another id: the redelivery that retries is not mistaken for done.
      await publishCheckRun(github, commit, `${externalId}:failed`, failureReport(reason)).catch((reportError: unknown) =>
        log.error({ err: reportError }, 'could not report the failure on the check run'),
      );
      throw error;
    }
  });
}
