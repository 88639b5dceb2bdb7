// The `Leakstop` check run on a commit, created once the result is known: GitHub asks apps to
// space writes a second apart per installation (probot's Octokit does), so one write per push
// keeps the result fast. Annotations beyond the first 50 follow in updates of 50.
import type { ProbotOctokit } from 'probot';
import { ANNOTATIONS_PER_REQUEST, CHECK_RUN_NAME, type CheckRunReport } from '../report/check-run.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface CommitRef {
  owner: string;
  repo: string;
  headSha: string;
}

/** Check-run text fields hold at most 65,535 characters. */
const MAX_TEXT = 65_000;
const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (truncated)` : text);

/** Whether this app already reported the same work (same external id) on the commit. */
export async function hasCheckRun(github: Octokit, commit: CommitRef, externalId: string): Promise<boolean> {
  const runs = await github.paginate(github.rest.checks.listForRef, {
    owner: commit.owner,
    repo: commit.repo,
    ref: commit.headSha,
    check_name: CHECK_RUN_NAME,
    filter: 'all',
    per_page: 100,
  });
  return runs.some((run) => run.external_id === externalId);
}

/** Creates the completed run; returns its id. */
export async function publishCheckRun(github: Octokit, commit: CommitRef, externalId: string, report: CheckRunReport): Promise<number> {
  const output = { title: report.title, summary: clip(report.summary), ...(report.text ? { text: clip(report.text) } : {}) };
  const batches: (typeof report.annotations)[] = [];
  for (let start = 0; start < report.annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    batches.push(report.annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  }
  const [first = [], ...rest] = batches;
  const { data } = await github.rest.checks.create({
    owner: commit.owner,
    repo: commit.repo,
    name: CHECK_RUN_NAME,
    head_sha: commit.headSha,
    status: 'completed',
    conclusion: report.conclusion,
    completed_at: new Date().toISOString(),
    external_id: externalId,
    output: { ...output, annotations: first },
  });
  const id = data.id;
  // Annotations accumulate over updates.
  for (const batch of rest) {
    await github.rest.checks.update({ owner: commit.owner, repo: commit.repo, check_run_id: id, output: { ...output, annotations: batch } });
  }
  return id;
}

/** A commit Leakstop could not read is not "clean": the run fails closed and says why. */
export function failureReport(reason: string): CheckRunReport {
  return { conclusion: 'failure', title: 'Leakstop could not scan this commit', summary: reason, annotations: [] };
}
