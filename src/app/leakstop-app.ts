// The probot app: which webhook runs which handler. The handlers hold no scanning logic of
// their own; they call the pipeline the CLI uses.
import type { ApplicationFunction } from 'probot';
import type { AppServices } from './app-services.js';
import { onInstallationCreated, onInstallationDeleted, onRepositoriesAdded, onRepositoriesRemoved } from './on-installation.js';
import { onPush } from './on-push.js';

export function leakstopApp(services: AppServices): ApplicationFunction {
  return (app) => {
    // Not `context.octokit`: probot builds that without a throttling id, so GitHub's "one write
    // a second" pacing would be shared by every installation instead of applying to each.
    const installationOctokit = (installationId: number) => app.auth(installationId);
    app.on('push', async (context) => {
      if (context.payload.installation) await onPush(context, services, await installationOctokit(context.payload.installation.id));
    });
    app.on('installation.created', async (context) => onInstallationCreated(context, services, await installationOctokit(context.payload.installation.id)));
    app.on('installation_repositories.added', async (context) =>
      onRepositoriesAdded(context, services, await installationOctokit(context.payload.installation.id)),
    );
    app.on('installation_repositories.removed', async (context) => onRepositoriesRemoved(context, services));
    app.on(['installation.deleted', 'installation.suspend'], async (context) => onInstallationDeleted(context, services));
  };
}
