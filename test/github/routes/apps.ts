// GitHub App endpoints: the app itself and its installations (JWT), installation access
// tokens, and the repositories an installation token reaches.
import { grants, requireApp, requireInstallation } from '../access.js';
import { ApiError, notFound, type Route, type RouteContext } from '../api.js';
import { mintInstallationToken } from '../installation-tokens.js';
import { installationJson } from '../json/installation.js';
import { integrationJson } from '../json/integration.js';
import { repositoryJson } from '../json/repository.js';
import { paginate, pagedList } from '../pagination.js';
import type { AppRecord, InstallationRecord, Permissions, RepoRecord } from '../state.js';
import { openIssueCount } from './repos.js';

function installationsOf(context: RouteContext, app: AppRecord): InstallationRecord[] {
  return [...context.state.installations.values()].filter((installation) => installation.appId === app.id);
}

function installationInPath(context: RouteContext, app: AppRecord): InstallationRecord {
  const installation = context.state.installations.get(Number(context.params.installation_id));
  if (!installation || installation.appId !== app.id) throw notFound();
  return installation;
}

function renderRepo(context: RouteContext, repo: RepoRecord) {
  return repositoryJson(repo, context.urls, openIssueCount(context.state, repo));
}

/** The permissions asked for, if the installation holds them all. */
function requestedPermissions(context: RouteContext, installation: InstallationRecord): Permissions | undefined {
  const asked = context.body.permissions;
  if (asked === undefined) return undefined;
  const permissions = asked as Permissions;
  for (const [name, level] of Object.entries(permissions)) {
    if (!grants(installation.permissions[name], level)) {
      throw new ApiError(422, 'The permissions requested are not granted to this installation.');
    }
  }
  return permissions;
}

/** The repositories asked for (by name or id), if the installation reaches them all. */
function requestedRepos(context: RouteContext, installation: InstallationRecord): RepoRecord[] | undefined {
  const names = context.body.repositories as string[] | undefined;
  const ids = context.body.repository_ids as number[] | undefined;
  if (names === undefined && ids === undefined) return undefined;
  const reachable = context.state.installationRepos(installation);
  const wanted = [
    ...(names ?? []).map((name) => reachable.find((repo) => repo.name.toLowerCase() === String(name).toLowerCase())),
    ...(ids ?? []).map((id) => reachable.find((repo) => repo.id === id)),
  ];
  if (wanted.some((repo) => repo === undefined)) {
    throw new ApiError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.');
  }
  return [...new Set(wanted as RepoRecord[])];
}

export const appRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/app',
    docs: 'https://docs.github.com/rest/apps/apps#get-the-authenticated-app',
    handle(context) {
      const app = requireApp(context);
      return { status: 200, body: { ...integrationJson(app, context.urls), installations_count: installationsOf(context, app).length } };
    },
  },
  {
    method: 'GET',
    pattern: '/app/installations',
    docs: 'https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app',
    handle(context) {
      const app = requireApp(context);
      return pagedList(context, installationsOf(context, app), (installation) =>
        installationJson(installation, app, context.urls),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/app/installations/{installation_id}',
    docs: 'https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app',
    handle(context) {
      const app = requireApp(context);
      return { status: 200, body: installationJson(installationInPath(context, app), app, context.urls) };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/installation',
    docs: 'https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app',
    handle(context) {
      const app = requireApp(context);
      const repo = context.state.repo(context.params.owner ?? '', context.params.repo ?? '');
      const installation =
        repo &&
        installationsOf(context, app).find((candidate) =>
          context.state.installationRepos(candidate).some((reachable) => reachable.id === repo.id),
        );
      if (!installation) throw notFound();
      return { status: 200, body: installationJson(installation, app, context.urls) };
    },
  },
  {
    method: 'POST',
    pattern: '/app/installations/{installation_id}/access_tokens',
    docs: 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
    handle(context) {
      const app = requireApp(context);
      const installation = installationInPath(context, app);
      const permissions = requestedPermissions(context, installation);
      const repos = requestedRepos(context, installation);
      const grant = mintInstallationToken(context.state, installation, {
        permissions,
        repoIds: repos && new Set(repos.map((repo) => repo.id)),
      });
      return {
        status: 201,
        body: {
          token: grant.token,
          expires_at: grant.expiresAt,
          permissions: grant.permissions,
          repository_selection: repos ? 'selected' : installation.repositorySelection,
          ...(repos ? { repositories: repos.map((repo) => renderRepo(context, repo)) } : {}),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/installation/repositories',
    docs: 'https://docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-app-installation',
    handle(context) {
      const { installation, grant } = requireInstallation(context);
      const repos = context.state
        .installationRepos(installation)
        .filter((repo) => grant.repoIds === null || grant.repoIds.has(repo.id));
      const page = paginate(context, repos);
      return {
        status: 200,
        headers: page.headers,
        body: {
          total_count: repos.length,
          repository_selection: grant.repoIds ? 'selected' : installation.repositorySelection,
          repositories: page.items.map((repo) => renderRepo(context, repo)),
        },
      };
    },
  },
];
