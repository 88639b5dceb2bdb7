// Secret scanning alerts of a repository: read one (its `secret` included, as GitHub returns
// it to callers with `secret_scanning_alerts: read`), and resolve or reopen it.
import { authorizedRepo, type Permission } from '../access.js';
import { ApiError, notFound, validationFailed, type Route, type RouteContext } from '../api.js';
import { optionalEnum, optionalString } from '../body-fields.js';
import { authorOf } from '../credentials.js';
import { secretScanningAlertJson } from '../json/secret-scanning-alert.js';
import { timestamp } from '../state.js';

const RESOLUTIONS = ['false_positive', 'wont_fix', 'revoked', 'used_in_tests'] as const;

/** GitHub's cap on `resolution_comment` (longer ones are answered 400). */
export const MAX_RESOLUTION_COMMENT = 280;

function alertOf(context: RouteContext, permission: Permission) {
  const repo = authorizedRepo(context, permission);
  const number = Number(context.params.alert_number);
  const alert = Number.isInteger(number) ? context.state.secretScanningAlert(repo.id, number) : undefined;
  if (!alert) throw notFound();
  return alert;
}

export const secretScanningAlertRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
    docs: 'https://docs.github.com/rest/secret-scanning/secret-scanning#get-a-secret-scanning-alert',
    handle(context) {
      const alert = alertOf(context, ['secret_scanning_alerts', 'read']);
      return { status: 200, body: secretScanningAlertJson(context.state, alert, context.urls) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
    docs: 'https://docs.github.com/rest/secret-scanning/secret-scanning#update-a-secret-scanning-alert',
    handle(context) {
      const alert = alertOf(context, ['secret_scanning_alerts', 'write']);
      const { body } = context;
      const state = optionalEnum(body, 'state', ['open', 'resolved'] as const);
      if (state === undefined) throw validationFailed({ resource: 'SecretScanningAlert', field: 'state', code: 'missing_field' });
      const resolution = optionalEnum(body, 'resolution', RESOLUTIONS);
      const comment = optionalString(body, 'resolution_comment') ?? null;
      if (state === 'resolved' && !resolution) throw new ApiError(422, 'A resolution must be provided when the state is resolved.');
      if (state === 'open' && resolution) throw new ApiError(422, 'A resolution cannot be provided when the state is open.');
      if (comment !== null && comment.length > MAX_RESOLUTION_COMMENT) throw new ApiError(400, `The resolution comment is limited to ${MAX_RESOLUTION_COMMENT} characters.`);
      if (alert.state === state && (state === 'open' || alert.resolution === resolution)) throw new ApiError(400, 'The alert resolution was not changed.');
      const now = timestamp();
      alert.state = state;
      alert.resolution = resolution ?? null;
      alert.resolutionComment = comment;
      alert.resolvedBy = state === 'resolved' ? (authorOf(context.actor) ?? null) : null;
      alert.resolvedAt = state === 'resolved' ? now : null;
      alert.updatedAt = now;
      return { status: 200, body: secretScanningAlertJson(context.state, alert, context.urls) };
    },
  },
];
