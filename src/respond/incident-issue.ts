// The incident issue on GitHub: found by its hidden marker before anything is created, so a
// step interrupted after GitHub acted (a kill, a timeout whose request still landed) never
// files a second issue or a second comment.
import { GitHubError } from '../errors.js';
import { INCIDENT_LABELS } from '../report/incident-markdown.js';
import { announceRetry } from './announce-retries.js';
import { gitHubFailure, whatWentWrong } from './github-failure.js';
import { createPolicyOf, type GitHub } from './github-client.js';

export type RepoRef = { owner: string; repo: string };

export interface IssueRef {
  /** `owner/name` */
  issueRepo: string;
  number: number;
  url: string;
}

export function repoRef(fullName: string): RepoRef {
  const [owner, repo] = fullName.split('/');
  return { owner: owner!, repo: repo! };
}

export interface RepoFacts {
  /** Web address, for commit and file links. */
  htmlUrl: string;
  private: boolean;
}

export async function repoFacts(github: GitHub, fullName: string): Promise<RepoFacts> {
  try {
    const { data } = await github.rest.repos.get(repoRef(fullName));
    return { htmlUrl: data.html_url, private: data.private };
  } catch (error) {
    throw gitHubFailure(`reading repository ${fullName}`, error);
  }
}

const LABEL_LOOK = { security: ['d73a4a', 'Security-related'], 'leaked-secret': ['b60205', 'A secret was committed to this repository'] } as const;

/** Creates the incident labels that the repository lacks; a label created meanwhile is fine. */
async function ensureLabels(github: GitHub, fullName: string): Promise<void> {
  const ref = repoRef(fullName);
  for (const name of INCIDENT_LABELS) {
    try {
      await github.rest.issues.getLabel({ ...ref, name });
      continue;
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw gitHubFailure(`reading label ${name} in ${fullName}`, error);
    }
    try {
      const [color, description] = LABEL_LOOK[name];
      await github.rest.issues.createLabel({ ...ref, name, color, description });
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw gitHubFailure(`creating label ${name} in ${fullName}`, error);
    }
  }
}

/** The issue whose body carries the marker, among the repository's leaked-secret issues. */
async function findIssue(github: GitHub, fullName: string, marker: string): Promise<IssueRef | undefined> {
  try {
    const pages = github.paginate.iterator(github.rest.issues.listForRepo, {
      ...repoRef(fullName),
      labels: 'leaked-secret',
      state: 'all',
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((issue) => !issue.pull_request && issue.body?.includes(marker));
      if (found) return { issueRepo: fullName, number: found.number, url: found.html_url };
    }
    return undefined;
  } catch (error) {
    throw gitHubFailure(`listing issues in ${fullName}`, error);
  }
}

/** A 5xx or a timeout: GitHub may or may not have acted. A 4xx is an answer. */
function outcomeUnknown(error: unknown): boolean {
  // Already judged (and retried by Octokit) by a read or a label: not a create of ours.
  if (error instanceof GitHubError) return false;
  const status = (error as { status?: number }).status;
  return status === undefined || status >= 500;
}

/**
 * Creates at most once. Octokit's automatic retry would repeat a POST whose first attempt may
 * have landed (a 502 after the write, a timeout on a slow GitHub), so creates go out unretried
 * and an unknown outcome is followed by a fresh look for what the attempt may have created.
 * (Rate limits are still waited out by the throttling plugin: a rate-limited request did nothing.)
 */
async function createOnce<T>(github: GitHub, find: () => Promise<T | undefined>, create: () => Promise<T>): Promise<T> {
  const policy = createPolicyOf(github);
  for (let attempt = 1; ; attempt++) {
    const found = await find();
    if (found) return found;
    try {
      return await create();
    } catch (error) {
      if (!outcomeUnknown(error) || attempt > policy.retries) throw error;
      const request = (error as { request?: { method?: string; url?: string } }).request;
      if (attempt === 1 && request?.url) announceRetry(github.log, request.method ?? 'POST', request.url, whatWentWrong(error));
      await new Promise((resolve) => setTimeout(resolve, attempt * attempt * policy.backoffMs));
    }
  }
}

const NO_BLIND_RETRY = { request: { retries: 0 } };

/** Finds the incident issue by its marker, or files it with the incident labels. */
export async function findOrCreateIssue(
  github: GitHub,
  fullName: string,
  issue: { marker: string; title: string; body: () => string },
): Promise<IssueRef & { created: boolean }> {
  let labelled = false;
  return createOnce(
    github,
    async () => {
      const existing = await findIssue(github, fullName, issue.marker);
      return existing && { ...existing, created: false };
    },
    async () => {
      if (!labelled) await ensureLabels(github, fullName);
      labelled = true;
      const { data } = await github.rest.issues.create({ ...repoRef(fullName), title: issue.title, body: issue.body(), labels: [...INCIDENT_LABELS], ...NO_BLIND_RETRY });
      return { issueRepo: fullName, number: data.number, url: data.html_url, created: true };
    },
  ).catch((error: unknown) => {
    throw gitHubFailure(`opening the incident issue in ${fullName}`, error);
  });
}

/** Whether the issue's body or one of its comments carries the marker. */
async function issueMentions(github: GitHub, issue: IssueRef, marker: string): Promise<boolean> {
  try {
    const ref = { ...repoRef(issue.issueRepo), issue_number: issue.number };
    const { data } = await github.rest.issues.get(ref);
    if (data.body?.includes(marker)) return true;
    for await (const page of github.paginate.iterator(github.rest.issues.listComments, { ...ref, per_page: 100 })) {
      if (page.data.some((comment) => comment.body?.includes(marker))) return true;
    }
    return false;
  } catch (error) {
    throw gitHubFailure(`reading issue #${issue.number} in ${issue.issueRepo}`, error);
  }
}

/** Adds the comment unless the issue already carries its marker. */
export async function commentOnce(github: GitHub, issue: IssueRef, comment: { marker: string; body: () => string }): Promise<{ url: string; created: boolean }> {
  return createOnce(
    github,
    async () => ((await issueMentions(github, issue, comment.marker)) ? { url: issue.url, created: false } : undefined),
    async () => {
      const { data } = await github.rest.issues.createComment({ ...repoRef(issue.issueRepo), issue_number: issue.number, body: comment.body(), ...NO_BLIND_RETRY });
      return { url: data.html_url, created: true };
    },
  ).catch((error: unknown) => {
    throw gitHubFailure(`commenting on issue #${issue.number} in ${issue.issueRepo}`, error);
  });
}
