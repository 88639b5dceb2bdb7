// Matches a method and path against the route table's OpenAPI-style templates.
import type { Route } from './api.js';
import { actionsSecretRoutes } from './routes/actions-secrets.js';
import { appRoutes } from './routes/apps.js';
import { checkRunRoutes } from './routes/check-runs.js';
import { contentRoutes } from './routes/contents.js';
import { credentialRoutes } from './routes/credentials.js';
import { issueCommentRoutes } from './routes/issue-comments.js';
import { issueRoutes } from './routes/issues.js';
import { labelRoutes } from './routes/labels.js';
import { metaRoutes } from './routes/meta.js';
import { repoRoutes } from './routes/repos.js';
import { secretScanningAlertRoutes } from './routes/secret-scanning-alerts.js';

export const ROUTES: Route[] = [
  ...repoRoutes,
  ...issueRoutes,
  ...issueCommentRoutes,
  ...labelRoutes,
  ...appRoutes,
  ...checkRunRoutes,
  ...actionsSecretRoutes,
  ...contentRoutes,
  ...metaRoutes,
  ...secretScanningAlertRoutes,
  ...credentialRoutes,
];

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/\{(\w+)(\+?)\}/g, (_, name: string, greedy: string) => {
    names.push(name);
    return greedy ? '(.+)' : '([^/]+)';
  });
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[] = ROUTES) {
    this.compiled = routes.map(compile);
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const { route, regex, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1]!);
      });
      return { route, params };
    }
    return undefined;
  }
}
