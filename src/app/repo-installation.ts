// An installation client for a repository named in configuration (the security repository, an
// Actions secret's repository) rather than by a webhook: found through the app's installation
// on it. Not installed there: a GitHubError, so the response step stays resumable.
import type { Logger } from 'pino';
import { GitHubError } from '../errors.js';
import { gitHubFailure } from '../respond/github-failure.js';
import { repoRef } from '../respond/incident-issue.js';
import type { GitHub } from '../respond/github-client.js';
import type { AppServices } from './app-services.js';

export async function repoInstallationClient(services: Pick<AppServices, 'probot' | 'github'>, fullName: string, log: Logger): Promise<GitHub> {
  let installationId: number;
  try {
    const app = await services.probot.auth();
    ({ data: { id: installationId } } = await app.rest.apps.getRepoInstallation(repoRef(fullName)));
  } catch (error) {
    if ((error as { status?: number }).status === 404) throw new GitHubError(`the app is not installed on ${fullName}: install it there`);
    throw gitHubFailure(`finding the app's installation on ${fullName}`, error);
  }
  return (await services.github(installationId, log)) as unknown as GitHub;
}
