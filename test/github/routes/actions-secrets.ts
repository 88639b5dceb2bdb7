// Actions secrets: the repository's public key, and secrets written sealed to it.
import { authorizedRepo } from '../access.js';
import { ApiError, invalidRequest, notFound, type Route, type RouteContext } from '../api.js';
import { actionsKeyOf, openSealedBase64, toBase64 } from '../actions-keys.js';
import { requiredString } from '../body-fields.js';
import { paginate } from '../pagination.js';
import { timestamp, type ActionsSecretRecord, type RepoRecord } from '../state.js';

/** Letters, digits and underscores, not starting with a digit nor with `GITHUB_`. */
const SECRET_NAME = /^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*$/i;

function secretJson(secret: ActionsSecretRecord) {
  return { name: secret.name, created_at: secret.createdAt, updated_at: secret.updatedAt };
}

function findSecret(context: RouteContext, repo: RepoRecord): ActionsSecretRecord | undefined {
  const name = (context.params.secret_name ?? '').toUpperCase();
  return context.state.actionsSecrets.find((secret) => secret.repoId === repo.id && secret.name === name);
}

export const actionsSecretRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/actions/secrets/public-key',
    docs: 'https://docs.github.com/rest/actions/secrets#get-a-repository-public-key',
    handle(context) {
      const repo = authorizedRepo(context, ['secrets', 'read']);
      const key = actionsKeyOf(context.state, repo);
      return { status: 200, body: { key_id: key.keyId, key: toBase64(key.publicKey) } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/actions/secrets',
    docs: 'https://docs.github.com/rest/actions/secrets#list-repository-secrets',
    handle(context) {
      const repo = authorizedRepo(context, ['secrets', 'read']);
      const secrets = context.state.actionsSecrets.filter((secret) => secret.repoId === repo.id);
      const page = paginate(context, secrets);
      return { status: 200, headers: page.headers, body: { total_count: secrets.length, secrets: page.items.map(secretJson) } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
    docs: 'https://docs.github.com/rest/actions/secrets#get-a-repository-secret',
    handle(context) {
      const repo = authorizedRepo(context, ['secrets', 'read']);
      const secret = findSecret(context, repo);
      if (!secret) throw notFound();
      return { status: 200, body: secretJson(secret) };
    },
  },
  {
    method: 'PUT',
    pattern: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
    docs: 'https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret',
    handle(context) {
      const repo = authorizedRepo(context, ['secrets', 'write']);
      const name = context.params.secret_name ?? '';
      if (!SECRET_NAME.test(name)) {
        throw invalidRequest(
          'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), must not start with a number or with GITHUB_.',
        );
      }
      const encryptedValue = requiredString(context.body, 'encrypted_value');
      const keyId = requiredString(context.body, 'key_id');
      const key = actionsKeyOf(context.state, repo);
      if (keyId !== key.keyId) throw new ApiError(422, `Bad request - key_id ${keyId} does not match the repository's public key.`);
      if (openSealedBase64(encryptedValue, key) === undefined) {
        throw new ApiError(422, 'Bad request - encrypted_value could not be decrypted with the repository public key.');
      }
      const existing = findSecret(context, repo);
      const now = timestamp();
      if (existing) {
        Object.assign(existing, { encryptedValue, keyId, updatedAt: now });
        return { status: 204 };
      }
      context.state.actionsSecrets.push({ repoId: repo.id, name: name.toUpperCase(), encryptedValue, keyId, createdAt: now, updatedAt: now });
      return { status: 201, body: {} };
    },
  },
];
