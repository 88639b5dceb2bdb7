// Repository metadata.
import { authorizedRepo } from '../access.js';
import type { Route } from '../api.js';
import { repositoryJson } from '../json/repository.js';
import type { EmulatorState, RepoRecord } from '../state.js';

export function openIssueCount(state: EmulatorState, repo: RepoRecord): number {
  return state.issuesOf(repo.id).filter((issue) => issue.state === 'open').length;
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}',
    docs: 'https://docs.github.com/rest/repos/repos#get-a-repository',
    handle(context) {
      const repo = authorizedRepo(context, ['metadata', 'read']);
      return { status: 200, body: repositoryJson(repo, context.urls, openIssueCount(context.state, repo)) };
    },
  },
];
