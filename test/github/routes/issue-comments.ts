// Comments on issues.
import { created, type Route, type RouteContext } from '../api.js';
import { requiredString } from '../body-fields.js';
import { commentJson } from '../json/comment.js';
import { pagedList } from '../pagination.js';
import { timestamp, type CommentRecord, type RepoRecord } from '../state.js';
import { issueInPath, issuesRepo, writer } from './issues.js';

function renderComment(context: RouteContext, repo: RepoRecord, comment: CommentRecord) {
  const app = comment.viaAppId === null ? undefined : context.state.apps.get(comment.viaAppId);
  return commentJson(comment, repo, app, context.urls);
}

export const issueCommentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'write']);
      const issue = issueInPath(context, repo);
      const body = requiredString(context.body, 'body');
      const user = writer(context);
      const now = timestamp();
      const comment: CommentRecord = {
        id: context.state.nextId('comment'),
        repoId: repo.id,
        issueNumber: issue.number,
        body,
        user,
        viaAppId: context.actor.kind === 'installation' ? context.actor.app.id : null,
        createdAt: now,
        updatedAt: now,
      };
      context.state.comments.push(comment);
      issue.updatedAt = now;
      return created(renderComment(context, repo, comment));
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
    handle(context) {
      const repo = issuesRepo(context, ['issues', 'read']);
      const issue = issueInPath(context, repo);
      const since = context.query.get('since');
      const comments = context.state
        .commentsOf(repo.id, issue.number)
        .filter((comment) => !since || comment.updatedAt >= timestamp(new Date(since)));
      return pagedList(context, comments, (comment) => renderComment(context, repo, comment));
    },
  },
];
