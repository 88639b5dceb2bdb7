// Zero-downtime rotation: the replacement key goes straight into the Actions secret the
// owner's workflows read, sealed with that repository's Actions public key (libsodium sealed
// box, as GitHub requires), so only GitHub Actions can open it.
import { GitHubError } from '../errors.js';
import type { GitHub } from '../respond/github-client.js';
import { sealTo } from '../respond/sealed-box.js';
import type { DeliveryTarget, Secret } from '../types.js';

export type ActionsSecretTarget = Extract<DeliveryTarget, { kind: 'actions-secret' }>;

export interface ActionsPublicKey {
  keyId: string;
  /** Base64 X25519 public key. */
  key: string;
}

function repoParts(target: ActionsSecretTarget): { owner: string; repo: string } {
  const [owner = '', repo = ''] = target.repo.split('/');
  return { owner, repo };
}

function failure(target: ActionsSecretTarget, error: unknown): GitHubError {
  const status = (error as { status?: number }).status;
  const why =
    status === 403 || status === 404
      ? 'the app lacks the `secrets: write` permission there, or is not installed on it'
      : `GitHub answered ${status ?? (error as Error).message.split('\n')[0]}`;
  return new GitHubError(`cannot write Actions secret ${target.name} in ${target.repo}: ${why}`);
}

/** The repository's Actions public key: read before a replacement is minted, so a refusal costs nothing. */
export async function actionsPublicKey(github: GitHub, target: ActionsSecretTarget): Promise<ActionsPublicKey> {
  try {
    const { data } = await github.rest.actions.getRepoPublicKey(repoParts(target));
    return { keyId: data.key_id, key: data.key };
  } catch (error) {
    throw failure(target, error);
  }
}

export async function writeActionsSecret(github: GitHub, target: ActionsSecretTarget, publicKey: ActionsPublicKey, plaintext: Secret): Promise<void> {
  try {
    await github.rest.actions.createOrUpdateRepoSecret({
      ...repoParts(target),
      secret_name: target.name,
      encrypted_value: await sealTo(publicKey.key, plaintext),
      key_id: publicKey.keyId,
    });
  } catch (error) {
    throw failure(target, error);
  }
}
