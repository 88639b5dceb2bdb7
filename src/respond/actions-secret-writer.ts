// The port through which a replacement reaches an Actions secret (zero-downtime rotation):
// the responder seals the value, the writer talks to GitHub. The app gives one built on its
// installation's Octokit; without one, replacements go to their owners only.
import { GitHubError } from '../errors.js';
import type { DeliveryTarget } from '../types.js';
import type { GitHub } from './github-client.js';

export type ActionsSecretTarget = Extract<DeliveryTarget, { kind: 'actions-secret' }>;

export interface ActionsPublicKey {
  keyId: string;
  /** Base64 X25519 public key. */
  key: string;
}

/** A value sealed to a repository's Actions public key: only GitHub Actions can open it. */
export interface SealedActionsValue {
  keyId: string;
  encryptedValue: string;
}

export interface ActionsSecretWriter {
  /** The repository's Actions public key; a `GitHubError` when the secret may not be written. */
  publicKey(target: ActionsSecretTarget): Promise<ActionsPublicKey>;
  /** Creates or updates the secret (a PUT: writing the same value again changes nothing). */
  write(target: ActionsSecretTarget, value: SealedActionsValue): Promise<void>;
}

function repoParts(target: ActionsSecretTarget): { owner: string; repo: string } {
  const [owner = '', repo = ''] = target.repo.split('/');
  return { owner, repo };
}

function failure(target: ActionsSecretTarget, error: unknown): GitHubError {
  const status = (error as { status?: number }).status;
  const why =
    status === 403 || status === 404
      ? 'Leakstop lacks the `secrets: write` permission there (the app is not installed on it, or the token may not)'
      : `GitHub answered ${status ?? (error as Error).message.split('\n')[0]}`;
  return new GitHubError(`cannot write Actions secret ${target.name} in ${target.repo}: ${why}`);
}

/** The writer over an Octokit (an app installation's, or the CLI's token client). */
export function gitHubActionsSecretWriter(github: GitHub): ActionsSecretWriter {
  return {
    async publicKey(target) {
      try {
        const { data } = await github.rest.actions.getRepoPublicKey(repoParts(target));
        return { keyId: data.key_id, key: data.key };
      } catch (error) {
        throw failure(target, error);
      }
    },
    async write(target, value) {
      try {
        await github.rest.actions.createOrUpdateRepoSecret({ ...repoParts(target), secret_name: target.name, encrypted_value: value.encryptedValue, key_id: value.keyId });
      } catch (error) {
        throw failure(target, error);
      }
    },
  };
}
