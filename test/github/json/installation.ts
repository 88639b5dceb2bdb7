// The `installation` shape.
import type { AppRecord, InstallationRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { userJson } from './user.js';

export function installationJson(installation: InstallationRecord, app: AppRecord, urls: Urls) {
  const account = installation.account;
  const settings = account.type === 'Organization' ? `/organizations/${account.login}/settings` : '/settings';
  return {
    id: installation.id,
    client_id: app.clientId,
    account: userJson(account, urls),
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}${settings}/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.createdAt,
    updated_at: installation.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
