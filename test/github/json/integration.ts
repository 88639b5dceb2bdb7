// The `integration` shape: a GitHub App, as GET /app and `performed_via_github_app` show it.
import type { AppRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { nodeId } from './node-id.js';
import { userJson } from './user.js';

export function integrationJson(app: AppRecord, urls: Urls) {
  return {
    id: app.id,
    client_id: app.clientId,
    slug: app.slug,
    node_id: nodeId('Integration', app.id),
    owner: userJson(app.owner, urls),
    name: app.name,
    description: null,
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    permissions: app.permissions,
    events: app.events,
  };
}
