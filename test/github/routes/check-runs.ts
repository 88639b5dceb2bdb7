// Check runs: created and updated by GitHub Apps only; at most 50 annotations per request,
// accumulating across updates, as GitHub's Checks API works.
import { authorizedRepo } from '../access.js';
import { ApiError, invalidRequest, notFound, type Route, type RouteContext } from '../api.js';
import { optionalEnum, optionalString, requiredEnum, requiredInteger, requiredString } from '../body-fields.js';
import { annotationJson, checkRunJson } from '../json/check-run.js';
import { paginate, pagedList } from '../pagination.js';
import { timestamp, type AnnotationRecord, type AppRecord, type CheckRunRecord, type RepoRecord } from '../state.js';

const MAX_ANNOTATIONS = 50;
const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out'] as const;
const LEVELS = ['notice', 'warning', 'failure'] as const;

/** Only a GitHub App (through an installation token) may write check runs. */
function writingApp(context: RouteContext): AppRecord {
  if (context.actor.kind !== 'installation') throw new ApiError(403, 'You must authenticate via a GitHub App.');
  return context.actor.app;
}

function render(context: RouteContext, repo: RepoRecord, run: CheckRunRecord) {
  return checkRunJson(run, repo, context.state.apps.get(run.appId)!, context.urls);
}

function checkRunInPath(context: RouteContext, repo: RepoRecord): CheckRunRecord {
  const id = Number(context.params.check_run_id);
  const run = context.state.checkRuns.find((candidate) => candidate.id === id && candidate.repoId === repo.id);
  if (!run) throw notFound();
  return run;
}

function readAnnotation(raw: unknown): AnnotationRecord {
  const annotation = (raw ?? {}) as Record<string, unknown>;
  const startLine = requiredInteger(annotation, 'start_line');
  const endLine = requiredInteger(annotation, 'end_line');
  const sameLine = startLine === endLine;
  return {
    path: requiredString(annotation, 'path'),
    start_line: startLine,
    end_line: endLine,
    // GitHub keeps columns only for single-line annotations.
    start_column: sameLine && Number.isInteger(annotation.start_column) ? (annotation.start_column as number) : null,
    end_column: sameLine && Number.isInteger(annotation.end_column) ? (annotation.end_column as number) : null,
    annotation_level: requiredEnum(annotation, 'annotation_level', LEVELS),
    message: requiredString(annotation, 'message'),
    title: optionalString(annotation, 'title') ?? null,
    raw_details: optionalString(annotation, 'raw_details') ?? null,
  };
}

/** Applies `output` (title, summary, text replace; annotations append). */
function applyOutput(run: CheckRunRecord, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const output = raw as Record<string, unknown>;
  const annotations = output.annotations ?? [];
  if (!Array.isArray(annotations)) throw invalidRequest(`For 'properties/annotations', ${JSON.stringify(annotations)} is not an array.`);
  if (annotations.length > MAX_ANNOTATIONS) {
    throw invalidRequest(`No more than ${MAX_ANNOTATIONS} items are allowed; ${annotations.length} were supplied.`);
  }
  const title = requiredString(output, 'title');
  const summary = requiredString(output, 'summary');
  const text = optionalString(output, 'text');
  const read = annotations.map(readAnnotation);
  run.output = { title, summary, text: text === undefined ? run.output.text : text };
  run.annotations.push(...read);
}

/** Status, conclusion and times, as a create or update sets them. */
function applyProgress(context: RouteContext, run: CheckRunRecord): void {
  const status = optionalEnum(context.body, 'status', STATUSES);
  const conclusion = optionalEnum(context.body, 'conclusion', CONCLUSIONS);
  const startedAt = optionalString(context.body, 'started_at');
  const completedAt = optionalString(context.body, 'completed_at');
  if (status) run.status = status;
  if (startedAt) run.startedAt = timestamp(new Date(startedAt));
  if (conclusion || completedAt) {
    if (!conclusion && !run.conclusion) throw invalidRequest(`"conclusion" wasn't supplied.`);
    run.status = 'completed';
    run.conclusion = conclusion ?? run.conclusion;
    run.completedAt = timestamp(completedAt ? new Date(completedAt) : new Date());
  } else if (run.status === 'completed' && !run.conclusion) {
    throw invalidRequest(`"conclusion" wasn't supplied.`);
  }
}

function checkSuiteId(context: RouteContext, app: AppRecord, headSha: string): number {
  const key = `${app.id}:${headSha}`;
  let id = context.state.checkSuites.get(key);
  if (id === undefined) {
    id = context.state.nextId('checkSuite');
    context.state.checkSuites.set(key, id);
  }
  return id;
}

export const checkRunRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/repos/{owner}/{repo}/check-runs',
    docs: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
    async handle(context) {
      const repo = authorizedRepo(context, ['checks', 'write']);
      const app = writingApp(context);
      const name = requiredString(context.body, 'name');
      const headSha = requiredString(context.body, 'head_sha');
      if (!/^[0-9a-f]{40}$/i.test(headSha) || !(await context.git.resolveCommit(repo.gitDir, headSha))) {
        throw new ApiError(422, `No commit found for SHA: ${headSha}`);
      }
      const run: CheckRunRecord = {
        id: context.state.nextId('checkRun'),
        repoId: repo.id,
        appId: app.id,
        checkSuiteId: checkSuiteId(context, app, headSha.toLowerCase()),
        name,
        headSha: headSha.toLowerCase(),
        status: 'queued',
        conclusion: null,
        externalId: optionalString(context.body, 'external_id') ?? null,
        detailsUrl: optionalString(context.body, 'details_url') ?? null,
        startedAt: timestamp(),
        completedAt: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
      };
      applyProgress(context, run);
      applyOutput(run, context.body.output);
      context.state.checkRuns.push(run);
      return { status: 201, body: render(context, repo, run) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    docs: 'https://docs.github.com/rest/checks/runs#update-a-check-run',
    handle(context) {
      const repo = authorizedRepo(context, ['checks', 'write']);
      const app = writingApp(context);
      const run = checkRunInPath(context, repo);
      if (run.appId !== app.id) throw new ApiError(403, 'Resource not accessible by integration');
      // Validate everything before changing anything: a refused update changes nothing.
      const draft: CheckRunRecord = { ...run, output: { ...run.output }, annotations: [...run.annotations] };
      const name = optionalString(context.body, 'name');
      if (name) draft.name = name;
      const detailsUrl = optionalString(context.body, 'details_url');
      if (detailsUrl !== undefined) draft.detailsUrl = detailsUrl;
      const externalId = optionalString(context.body, 'external_id');
      if (externalId !== undefined) draft.externalId = externalId;
      applyProgress(context, draft);
      applyOutput(draft, context.body.output);
      Object.assign(run, draft);
      return { status: 200, body: render(context, repo, run) };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    docs: 'https://docs.github.com/rest/checks/runs#get-a-check-run',
    handle(context) {
      const repo = authorizedRepo(context, ['checks', 'read']);
      return { status: 200, body: render(context, repo, checkRunInPath(context, repo)) };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
    docs: 'https://docs.github.com/rest/checks/runs#list-check-run-annotations',
    handle(context) {
      const repo = authorizedRepo(context, ['checks', 'read']);
      const run = checkRunInPath(context, repo);
      return pagedList(context, run.annotations, (annotation) => annotationJson(annotation, run, repo, context.urls));
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    docs: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
    async handle(context) {
      const repo = authorizedRepo(context, ['checks', 'read']);
      const ref = context.params.ref ?? '';
      const sha = await context.git.resolveCommit(repo.gitDir, ref);
      if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
      const name = context.query.get('check_name');
      const status = context.query.get('status');
      let runs = context.state.checkRuns
        .filter((run) => run.repoId === repo.id && run.headSha === sha)
        .filter((run) => (!name || run.name === name) && (!status || run.status === status))
        .sort((a, b) => b.id - a.id);
      if (context.query.get('filter') !== 'all') {
        // `latest` (the default): the most recent run of each name per app.
        runs = runs.filter((run, index) => runs.findIndex((other) => other.name === run.name && other.appId === run.appId) === index);
      }
      const page = paginate(context, runs);
      return {
        status: 200,
        headers: page.headers,
        body: { total_count: runs.length, check_runs: page.items.map((run) => render(context, repo, run)) },
      };
    },
  },
];
