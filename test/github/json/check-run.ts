// The `check-run` and `check-annotation` shapes.
import type { AnnotationRecord, AppRecord, CheckRunRecord, RepoRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { integrationJson } from './integration.js';
import { nodeId } from './node-id.js';

export function checkRunJson(run: CheckRunRecord, repo: RepoRecord, app: AppRecord, urls: Urls) {
  const api = `${urls.api}/repos/${repo.owner.login}/${repo.name}/check-runs/${run.id}`;
  const html = `${urls.web}/${repo.owner.login}/${repo.name}/runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CheckRun', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url: api,
    html_url: html,
    details_url: run.detailsUrl ?? html,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    check_suite: { id: run.checkSuiteId },
    app: integrationJson(app, urls),
    pull_requests: [],
  };
}

export function annotationJson(annotation: AnnotationRecord, run: CheckRunRecord, repo: RepoRecord, urls: Urls) {
  return {
    ...annotation,
    blob_href: `${urls.web}/${repo.owner.login}/${repo.name}/blob/${run.headSha}/${annotation.path}`,
  };
}
