// What the response commands share: who acts, which GitHub client, where incidents go.
import os from 'node:os';
import { UsageError } from '../errors.js';
import { gitHubClientFromEnv, type GitHub } from '../respond/github-client.js';
import { isGitHubRepo } from '../respond/respond-to-incidents.js';
import type { Actor } from '../types.js';

export function cliActor(): Actor {
  let name = process.env.USER ?? 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's name will do.
  }
  return { kind: 'cli', name };
}

/** Checks an `OWNER/NAME` option. */
export function repoOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isGitHubRepo(value)) throw new UsageError(`${flag} must be OWNER/NAME, not "${value}"`);
  return value;
}

/** `--security-repo`, else `LEAKSTOP_SECURITY_REPO`. */
export function securityRepoOption(value: string | undefined): string | undefined {
  return repoOption(value ?? (process.env.LEAKSTOP_SECURITY_REPO || undefined), value ? '--security-repo' : 'LEAKSTOP_SECURITY_REPO');
}

/** The GitHub client when a token is set; `required` makes a missing token a usage error. */
export function cliGitHub(required: boolean): GitHub | undefined {
  if (!required && !process.env.GITHUB_TOKEN) return undefined;
  return gitHubClientFromEnv(process.env, (message) => process.stderr.write(`leakstop: ${message}\n`));
}
