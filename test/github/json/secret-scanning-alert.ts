// A secret scanning alert as the REST API answers it (`secret-scanning-alert-with-metadata`)
// and as webhooks carry it (the same facts without the secret or its location).
import type { EmulatorState, SecretScanningAlertRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { userJson } from './user.js';

function alertFacts(state: EmulatorState, alert: SecretScanningAlertRecord, urls: Urls) {
  const repo = [...state.repos.values()].find((candidate) => candidate.id === alert.repoId)!;
  const api = `${urls.api}/repos/${repo.owner.login}/${repo.name}/secret-scanning/alerts/${alert.number}`;
  return {
    number: alert.number,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    url: api,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/security/secret-scanning/${alert.number}`,
    locations_url: `${api}/locations`,
    resolution: alert.resolution,
    resolved_at: alert.resolvedAt,
    resolved_by: alert.resolvedBy && userJson(alert.resolvedBy, urls),
    resolution_comment: alert.resolutionComment,
    secret_type: alert.secretType,
    secret_type_display_name: alert.secretTypeDisplayName,
    provider: null,
    provider_slug: null,
    validity: alert.validity,
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
    push_protection_bypass_request_reviewer: null,
    push_protection_bypass_request_reviewer_comment: null,
    push_protection_bypass_request_comment: null,
    push_protection_bypass_request_html_url: null,
    publicly_leaked: alert.publiclyLeaked,
    multi_repo: false,
    assigned_to: null,
    closure_request_comment: null,
    closure_request_reviewer_comment: null,
    closure_request_reviewer: null,
    metadata: [],
  };
}

function locationJson(state: EmulatorState, alert: SecretScanningAlertRecord, urls: Urls) {
  const location = alert.location;
  if (!location) return null;
  const repo = [...state.repos.values()].find((candidate) => candidate.id === alert.repoId)!;
  const api = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  return {
    path: location.path,
    start_line: location.startLine,
    end_line: location.endLine,
    start_column: location.startColumn,
    end_column: location.endColumn,
    blob_sha: location.blobSha,
    blob_url: `${api}/git/blobs/${location.blobSha}`,
    commit_sha: location.commitSha,
    commit_url: `${api}/git/commits/${location.commitSha}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/blob/${location.commitSha}/${location.path}#L${location.startLine}`,
  };
}

export function secretScanningAlertJson(state: EmulatorState, alert: SecretScanningAlertRecord, urls: Urls) {
  return {
    ...alertFacts(state, alert, urls),
    state: alert.state,
    secret: alert.secret,
    is_base64_encoded: false,
    first_location_detected: locationJson(state, alert, urls),
    has_more_locations: false,
  };
}

/** The `alert` of a `secret_scanning_alert` webhook: never the secret. */
export function secretScanningAlertWebhookJson(state: EmulatorState, alert: SecretScanningAlertRecord, urls: Urls) {
  return alertFacts(state, alert, urls);
}
