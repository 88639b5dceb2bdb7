// Who may do what to a repository, answered as GitHub answers: a private repository the
// caller cannot see does not exist (404); a visible one it may not change is 403 for an
// app, 401 for an anonymous caller.
import { ApiError, notFound, type RouteContext } from './api.js';
import type { Actor } from './credentials.js';
import type { Access, EmulatorState, RepoRecord } from './state.js';

/** An installation permission a route needs, e.g. `['issues', 'write']`. */
export type Permission = [name: string, level: Exclude<Access, 'admin'>];

const LEVELS: Record<Access, number> = { read: 1, write: 2, admin: 3 };

/** Whether holding `held` allows `wanted` (write implies read, admin implies both). */
export function grants(held: Access | undefined, wanted: Access): boolean {
  return held !== undefined && LEVELS[held] !== undefined && LEVELS[held] >= (LEVELS[wanted] ?? Infinity);
}

const notAccessible = (permission?: Permission): ApiError =>
  new ApiError(403, 'Resource not accessible by integration', {
    headers: permission ? { 'x-accepted-github-permissions': `${permission[0]}=${permission[1]}` } : {},
  });

/** Throws what GitHub answers when `actor` may not use `repo` as `permission` asks. */
export function checkRepoAccess(state: EmulatorState, actor: Actor, repo: RepoRecord, permission: Permission): void {
  const reading = permission[1] === 'read';
  switch (actor.kind) {
    case 'user':
      return;
    case 'anonymous':
      if (repo.private) throw notFound();
      if (!reading) throw new ApiError(401, 'Requires authentication');
      return;
    case 'app':
      throw notAccessible();
    case 'installation': {
      const installed = state.installationRepos(actor.installation).some((r) => r.id === repo.id);
      const granted = actor.grant.repoIds === null || actor.grant.repoIds.has(repo.id);
      if (!installed || !granted) {
        if (repo.private) throw notFound();
        if (reading) return;
        throw notAccessible(permission);
      }
      if (!grants(actor.grant.permissions[permission[0]], permission[1])) throw notAccessible(permission);
    }
  }
}

/** The repository named by the route's `{owner}`/`{repo}`, if the caller may use it as `permission` asks. */
export function authorizedRepo(context: RouteContext, permission: Permission): RepoRecord {
  const repo = context.state.repo(context.params.owner ?? '', context.params.repo ?? '');
  if (!repo) throw notFound();
  checkRepoAccess(context.state, context.actor, repo, permission);
  return repo;
}

/** Routes only a GitHub App (JWT) may call. */
export function requireApp(context: RouteContext) {
  if (context.actor.kind === 'app') return context.actor.app;
  if (context.actor.kind === 'anonymous') throw new ApiError(401, 'Requires authentication');
  throw new ApiError(401, 'A JSON web token could not be decoded');
}

/** Routes only an installation token may call. */
export function requireInstallation(context: RouteContext) {
  if (context.actor.kind === 'installation') return context.actor;
  if (context.actor.kind === 'anonymous') throw new ApiError(401, 'Requires authentication');
  throw new ApiError(403, 'This endpoint requires you to be authenticated as an installation.');
}
