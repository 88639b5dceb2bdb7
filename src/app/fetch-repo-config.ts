// `.github/leakstop.yml` read through the contents API, for work that has no git cache of the
// repository (a secret scanning alert needs one file, not a fetch). A missing file gives the
// defaults; a broken one gives the defaults and a warning saying why, as a scan's check run would.
import type { Logger } from 'pino';
import type { GitHub } from '../respond/github-client.js';
import { gitHubFailure } from '../respond/github-failure.js';
import { repoRef } from '../respond/incident-issue.js';
import { DEFAULT_REPO_CONFIG, parseRepoConfig, REPO_CONFIG_PATH, type RepoConfig } from './repo-config.js';

export async function fetchRepoConfig(github: GitHub, fullName: string, log: Logger): Promise<RepoConfig> {
  let text: string;
  try {
    const { data } = await github.rest.repos.getContent({ ...repoRef(fullName), path: REPO_CONFIG_PATH });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return DEFAULT_REPO_CONFIG;
    text = Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return DEFAULT_REPO_CONFIG;
    throw gitHubFailure(`reading ${REPO_CONFIG_PATH} of ${fullName}`, error);
  }
  const parsed = parseRepoConfig(text);
  if (parsed.ok) return parsed.config;
  log.warn(`config ignored, the built-in settings were used: ${parsed.error}`);
  return DEFAULT_REPO_CONFIG;
}
