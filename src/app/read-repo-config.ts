// The repository's `.github/leakstop.yml`, read from the default branch in the bare cache
// (already fetched: no extra API call). A broken file gives the defaults and a note saying why.
import { DEFAULT_REPO_CONFIG, parseRepoConfig, REPO_CONFIG_PATH, type RepoConfig } from './repo-config.js';
import type { RepoGitCache, RepoRef } from './repo-git-cache.js';

export async function readRepoConfig(cache: RepoGitCache, repo: RepoRef, defaultBranch: string): Promise<{ config: RepoConfig; notes: string[] }> {
  const parsed = parseRepoConfig(await cache.readFile(repo, defaultBranch, REPO_CONFIG_PATH));
  if (parsed.ok) return { config: parsed.config, notes: [] };
  // The error names the file and the field already.
  return { config: DEFAULT_REPO_CONFIG, notes: [`Config ignored, the built-in settings were used: ${parsed.error}`] };
}
