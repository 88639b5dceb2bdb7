// The `issue` shape.
import type { AppRecord, IssueRecord, LabelRecord, RepoRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { integrationJson } from './integration.js';
import { labelJson } from './label.js';
import { nodeId } from './node-id.js';
import { reactionsJson } from './reactions.js';
import { userJson } from './user.js';

export interface IssueRelations {
  repo: RepoRecord;
  labels: LabelRecord[];
  comments: number;
  app: AppRecord | undefined;
}

export function issueJson(issue: IssueRecord, { repo, labels, comments, app }: IssueRelations, urls: Urls) {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const api = `${repoApi}/issues/${issue.number}`;
  return {
    url: api,
    repository_url: repoApi,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/issues/${issue.number}`,
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: userJson(issue.user, urls),
    labels: labels.map((label) => labelJson(label, repo, urls)),
    state: issue.state,
    locked: issue.locked,
    assignee: issue.assignees[0] ? userJson(issue.assignees[0], urls) : null,
    assignees: issue.assignees.map((account) => userJson(account, urls)),
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.closedBy ? userJson(issue.closedBy, urls) : null,
    author_association: issue.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    active_lock_reason: null,
    body: issue.body,
    reactions: reactionsJson(`${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: app ? integrationJson(app, urls) : null,
    state_reason: issue.stateReason,
  };
}
