// Issues: create, list (state, labels, creator, assignee, since, sort), get and update.
import { authorizedRepo, type Permission } from '../access.js';
import { ApiError, created, invalidRequest, notFound, validationFailed, type RouteContext, type Route } from '../api.js';
import { optionalEnum, optionalString, optionalStringList } from '../body-fields.js';
import { authorOf } from '../credentials.js';
import { issueJson } from '../json/issue.js';
import { pagedList } from '../pagination.js';
import { timestamp, type Account, type IssueRecord, type RepoRecord } from '../state.js';
import { labelsNamed } from './labels.js';

/** The repository, if it has issues enabled: GitHub answers 410 Gone otherwise. */
export function issuesRepo(context: RouteContext, permission: Permission): RepoRecord {
  const repo = authorizedRepo(context, permission);
  if (!repo.hasIssues) throw new ApiError(410, 'Issues are disabled for this repo');
  return repo;
}

export function issueInPath(context: RouteContext, repo: RepoRecord): IssueRecord {
  const issue = context.state.issue(repo.id, Number(context.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}

export function renderIssue(context: RouteContext, repo: RepoRecord, issue: IssueRecord) {
  const { state } = context;
  return issueJson(
    issue,
    {
      repo,
      labels: issue.labelIds.map((id) => state.labels.find((label) => label.id === id)!),
      comments: state.commentsOf(repo.id, issue.number).length,
      app: issue.viaAppId === null ? undefined : state.apps.get(issue.viaAppId),
    },
    context.urls,
  );
}

/** The account a change is made as; an app itself (JWT) cannot write to repositories. */
export function writer(context: RouteContext): Account {
  const author = authorOf(context.actor);
  if (!author) throw new ApiError(403, 'Resource not accessible by integration');
  return author;
}

/** `assignees` (or the older single `assignee`) as accounts; unknown logins are invalid. */
function assigneesOf(context: RouteContext): Account[] | undefined {
  const single = optionalString(context.body, 'assignee');
  const logins = optionalStringList(context.body, 'assignees') ?? (single ? [single] : undefined);
  return logins?.map((login) => {
    const account = context.state.findAccount(login);
    if (!account || account.type === 'Organization') {
      throw validationFailed({ resource: 'Issue', field: 'assignees', code: 'invalid', value: login });
    }
    return account;
  });
}

function titleOf(context: RouteContext, required: boolean): string | undefined {
  const value = context.body.title;
  if (value === undefined || value === null) {
    if (required) throw invalidRequest(`"title" wasn't supplied.`);
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw invalidRequest(`For 'properties/title', ${JSON.stringify(value)} is not a string or integer.`);
  }
  const title = String(value);
  if (title.trim() === '') throw validationFailed({ resource: 'Issue', code: 'missing_field', field: 'title' });
  return title;
}

type IssueFilter = (issue: IssueRecord) => boolean;

function listFilters(context: RouteContext): IssueFilter[] {
  const query = context.query;
  const filters: IssueFilter[] = [];
  const state = query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) {
    throw validationFailed({ resource: 'Issue', field: 'state', code: 'invalid' });
  }
  if (state !== 'all') filters.push((issue) => issue.state === state);
  const labels = (query.get('labels') ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (labels.length > 0) {
    filters.push((issue) => {
      const names = issue.labelIds.map((id) => context.state.labels.find((label) => label.id === id)!.name.toLowerCase());
      return labels.every((name) => names.includes(name));
    });
  }
  const creator = query.get('creator')?.toLowerCase();
  if (creator) filters.push((issue) => issue.user.login.toLowerCase() === creator);
  const assignee = query.get('assignee')?.toLowerCase();
  if (assignee === 'none') filters.push((issue) => issue.assignees.length === 0);
  else if (assignee === '*') filters.push((issue) => issue.assignees.length > 0);
  else if (assignee) filters.push((issue) => issue.assignees.some((account) => account.login.toLowerCase() === assignee));
  const since = query.get('since');
  if (since) filters.push((issue) => issue.updatedAt >= timestamp(new Date(since)));
  return filters;
}

function sortIssues(context: RouteContext, issues: IssueRecord[]): IssueRecord[] {
  const sort = context.query.get('sort') ?? 'created';
  const direction = context.query.get('direction') === 'asc' ? 1 : -1;
  const key = (issue: IssueRecord): string | number => {
    if (sort === 'updated') return issue.updatedAt;
    if (sort === 'comments') return context.state.commentsOf(issue.repoId, issue.number).length;
    return issue.createdAt;
  };
  return [...issues].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const order = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
    return order * direction;
  });
}

export const issueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/repos/{owner}/{repo}/issues',
    docs: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'write']);
      const user = writer(context);
      const title = titleOf(context, true)!;
      const body = optionalString(context.body, 'body') ?? null;
      const assignees = assigneesOf(context) ?? [];
      const labels = labelsNamed(context.state, repo, optionalStringList(context.body, 'labels') ?? []);
      const now = timestamp();
      const issue: IssueRecord = {
        id: context.state.nextId('issue'),
        repoId: repo.id,
        number: repo.nextIssueNumber++,
        title,
        body,
        state: 'open',
        stateReason: null,
        labelIds: labels.map((label) => label.id),
        assignees,
        user,
        locked: false,
        viaAppId: context.actor.kind === 'installation' ? context.actor.app.id : null,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        closedBy: null,
      };
      context.state.issues.push(issue);
      return created(renderIssue(context, repo, issue));
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/issues',
    docs: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'read']);
      const filters = listFilters(context);
      const issues = context.state.issuesOf(repo.id).filter((issue) => filters.every((keep) => keep(issue)));
      return pagedList(context, sortIssues(context, issues), (issue) => renderIssue(context, repo, issue));
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: 'https://docs.github.com/rest/issues/issues#get-an-issue',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'read']);
      return { status: 200, body: renderIssue(context, repo, issueInPath(context, repo)) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: 'https://docs.github.com/rest/issues/issues#update-an-issue',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'write']);
      const issue = issueInPath(context, repo);
      const user = writer(context);
      const title = titleOf(context, false);
      const body = optionalString(context.body, 'body');
      const state = optionalEnum(context.body, 'state', ['open', 'closed'] as const);
      const reason = optionalEnum(context.body, 'state_reason', ['completed', 'not_planned', 'reopened', 'duplicate'] as const);
      const labelNames = optionalStringList(context.body, 'labels');
      const assignees = assigneesOf(context);
      const now = timestamp();
      if (title !== undefined) issue.title = title;
      if (body !== undefined) issue.body = body;
      if (labelNames) issue.labelIds = labelsNamed(context.state, repo, labelNames).map((label) => label.id);
      if (assignees) issue.assignees = assignees;
      if (state === 'closed' && issue.state === 'open') {
        Object.assign(issue, { state, stateReason: reason ?? 'completed', closedAt: now, closedBy: user });
      } else if (state === 'open' && issue.state === 'closed') {
        Object.assign(issue, { state, stateReason: 'reopened', closedAt: null, closedBy: null });
      } else if (reason) {
        issue.stateReason = reason;
      }
      issue.updatedAt = now;
      return { status: 200, body: renderIssue(context, repo, issue) };
    },
  },
];
