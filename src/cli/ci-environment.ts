// What the CI a scan runs in says about the repository: its web address (for links in the
// markdown report) and the commit checked out (for working-tree findings, which have none).
import { spawnSync } from 'node:child_process';
import type { RepositoryWeb } from '../report/finding-link.js';

export interface CiContext {
  web?: RepositoryWeb;
  /** The commit the scanned files are at. */
  commit?: string;
}

/** The checkout's HEAD, when the scan runs in a git work tree. */
function headCommit(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

export function ciContext(env: NodeJS.ProcessEnv, cwd: string): CiContext {
  const commit = env.GITHUB_SHA || env.CI_COMMIT_SHA || headCommit(cwd);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    return { commit, web: { url: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`, host: 'github', commit } };
  }
  if (env.CI_PROJECT_URL) return { commit, web: { url: env.CI_PROJECT_URL, host: 'gitlab', commit } };
  return { commit };
}
