// Webhook payloads shaped like GitHub's: each starts from the real example in
// @octokit/webhooks-examples and fills in the emulated repository, installation and push.
import { createRequire } from 'node:module';
import type { GitHubEmulator } from './emulator.js';
import { installationJson } from './json/installation.js';
import { secretScanningAlertWebhookJson } from './json/secret-scanning-alert.js';
import { nodeId } from './json/node-id.js';
import { repositoryJson } from './json/repository.js';
import { userJson } from './json/user.js';
import { describeCommit, isForced, pushedShas, ZERO_SHA } from './push-commits.js';
import type { Account, InstallationRecord, RepoRecord } from './state.js';
import { urlsFor, type Urls } from './urls.js';

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

export function example(event: string, pick: (payload: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = definitions.find((definition) => definition.name === event)?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** GitHub's webhook limit on `commits[]`; the rest of a larger push is only in git. */
export const PUSH_COMMITS_LIMIT = 2048;

function urlsOf(emulator: GitHubEmulator): Urls {
  return urlsFor(new URL(emulator.url).host, '');
}

function organizationJson(account: Account, urls: Urls) {
  const api = `${urls.api}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId('Organization', account.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.web}/avatars/u/${account.id}?v=4`,
    description: null,
  };
}

function installationRef(installation: InstallationRecord | undefined) {
  return installation ? { installation: { id: installation.id, node_id: nodeId('IntegrationInstallation', installation.id) } } : {};
}

function shortRepo(repo: RepoRecord) {
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
  };
}

export interface PushPayloadInput {
  owner: string;
  repo: string;
  /** Full ref, e.g. `refs/heads/main`. */
  ref: string;
  /** The old tip (40 zeros for a new ref). */
  before: string;
  /** The new tip (40 zeros for a deleted ref). */
  after: string;
  installationId?: number;
  /** Login of who pushed (default: the repository owner). */
  pusher?: string;
  /** Cap on `commits[]` (default GitHub's 2048). */
  commitLimit?: number;
}

/** A `push` event for a push already made to the emulated repository. */
export async function pushPayload(emulator: GitHubEmulator, input: PushPayloadInput) {
  const repo = emulator.repo(input.owner, input.repo);
  const urls = urlsOf(emulator);
  const html = `${urls.web}/${repo.owner.login}/${repo.name}`;
  const pusher = emulator.state.account(input.pusher ?? repo.owner.login);
  const describe = (sha: string) => describeCommit(repo.gitDir, sha, `${html}/commit/${sha}`);
  const shas = (await pushedShas(repo.gitDir, input.ref, input.before, input.after)).slice(-(input.commitLimit ?? PUSH_COMMITS_LIMIT));
  const created = input.before === ZERO_SHA;
  const deleted = input.after === ZERO_SHA;
  const template = example('push', (payload) => String(payload.ref).startsWith('refs/heads/') && 'installation' in payload);
  const installation = input.installationId === undefined ? undefined : emulator.installation(input.installationId);
  const seconds = (iso: string | null) => Math.floor(Date.parse(iso ?? repo.createdAt) / 1000);
  return {
    ...template,
    ref: input.ref,
    before: input.before,
    after: input.after,
    created,
    deleted,
    forced: await isForced(repo.gitDir, input.before, input.after),
    base_ref: null,
    compare: `${html}/compare/${created || deleted ? '' : `${input.before.slice(0, 12)}...`}${input.after.slice(0, 12)}`,
    commits: await Promise.all(shas.map(describe)),
    head_commit: deleted ? null : await describe(input.after),
    repository: {
      ...(template.repository as object),
      ...repositoryJson(repo, urls, 0),
      owner: { name: repo.owner.login, email: null, ...userJson(repo.owner, urls) },
      // Push events give these two as Unix seconds, unlike the REST API.
      created_at: seconds(repo.createdAt),
      pushed_at: seconds(repo.pushedAt),
      stargazers: 0,
      master_branch: repo.defaultBranch,
      ...(repo.owner.type === 'Organization' ? { organization: repo.owner.login } : {}),
    },
    ...(repo.owner.type === 'Organization' ? { organization: organizationJson(repo.owner, urls) } : {}),
    pusher: { name: pusher.login, email: `${pusher.login}@users.noreply.github.com` },
    sender: userJson(pusher, urls),
    ...installationRef(installation),
  };
}

/** An `installation` event (`created` lists the installation's repositories). */
export function installationPayload(
  emulator: GitHubEmulator,
  input: { installationId: number; action?: 'created' | 'deleted'; sender?: string },
) {
  const action = input.action ?? 'created';
  const installation = emulator.installation(input.installationId);
  const app = emulator.state.apps.get(installation.appId)!;
  const urls = urlsOf(emulator);
  const template = example('installation', (payload) => payload.action === action);
  return {
    ...template,
    action,
    installation: installationJson(installation, app, urls),
    repositories: emulator.state.installationRepos(installation).map(shortRepo),
    requester: null,
    sender: userJson(emulator.state.account(input.sender ?? installation.account.login), urls),
  };
}

/** An `installation_repositories` event for repositories just added to or removed from an installation. */
export function installationRepositoriesPayload(
  emulator: GitHubEmulator,
  input: { installationId: number; action: 'added' | 'removed'; repos: string[]; sender?: string },
) {
  const installation = emulator.installation(input.installationId);
  const app = emulator.state.apps.get(installation.appId)!;
  const urls = urlsOf(emulator);
  const repos = input.repos.map((name) => shortRepo(emulator.repo(installation.account.login, name)));
  const template = example('installation_repositories', (payload) => payload.action === input.action);
  return {
    ...template,
    action: input.action,
    installation: installationJson(installation, app, urls),
    repository_selection: installation.repositorySelection,
    repositories_added: input.action === 'added' ? repos : [],
    repositories_removed: input.action === 'removed' ? repos : [],
    requester: null,
    sender: userJson(emulator.state.account(input.sender ?? installation.account.login), urls),
  };
}

export type SecretScanningAlertAction = 'created' | 'reopened' | 'validated' | 'publicly_leaked' | 'resolved';

/**
 * A `secret_scanning_alert` event for an alert of the emulated repository. The examples package
 * has this event only for GitHub Enterprise Server (an older, thinner `alert`); the alert is the
 * current webhook shape, which never carries the secret.
 */
export function secretScanningAlertPayload(
  emulator: GitHubEmulator,
  input: { owner: string; repo: string; number: number; action: SecretScanningAlertAction; installationId?: number; sender?: string },
) {
  const repo = emulator.repo(input.owner, input.repo);
  const alert = emulator.state.secretScanningAlert(repo.id, input.number);
  if (!alert) throw new Error(`emulator: no secret scanning alert ${input.number} in ${input.owner}/${input.repo}`);
  const urls = urlsOf(emulator);
  const template = secretScanningExample();
  const installation = input.installationId === undefined ? undefined : emulator.installation(input.installationId);
  return {
    ...template,
    action: input.action,
    alert: secretScanningAlertWebhookJson(emulator.state, alert, urls),
    repository: { ...(template.repository as object), ...repositoryJson(repo, urls, 0), owner: userJson(repo.owner, urls) },
    ...(repo.owner.type === 'Organization' ? { organization: organizationJson(repo.owner, urls) } : {}),
    sender: userJson(emulator.state.account(input.sender ?? 'github'), urls),
    ...installationRef(installation),
  };
}

const enterpriseDefinitions = createRequire(import.meta.url)('@octokit/webhooks-examples/ghes-35/index.json') as WebhookDefinition[];

function secretScanningExample(): Record<string, unknown> {
  const found = enterpriseDefinitions.find((definition) => definition.name === 'secret_scanning_alert')?.examples[0];
  if (!found) throw new Error('no secret_scanning_alert example in @octokit/webhooks-examples/ghes-35');
  return structuredClone(found);
}
