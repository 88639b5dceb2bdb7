// The `issue-comment` shape.
import type { AppRecord, CommentRecord, RepoRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { integrationJson } from './integration.js';
import { nodeId } from './node-id.js';
import { reactionsJson } from './reactions.js';
import { userJson } from './user.js';

export function commentJson(comment: CommentRecord, repo: RepoRecord, app: AppRecord | undefined, urls: Urls) {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const api = `${repoApi}/issues/comments/${comment.id}`;
  return {
    url: api,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(comment.user, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    body: comment.body,
    reactions: reactionsJson(`${api}/reactions`),
    performed_via_github_app: app ? integrationJson(app, urls) : null,
  };
}
