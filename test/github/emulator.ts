// The GitHub emulator: a loopback server speaking GitHub's REST API and git smart HTTP for
// what Leakstop uses, with state tests can set up and inspect, and faults they can inject.
//
//   const github = await startGitHubEmulator();
//   await github.createRepo('acme', 'api', { private: true });
//   github.addUserToken(token, { login: 'ada' });
//   new Octokit({ baseUrl: github.url, auth: token });   // or `${github.url}/api/v3`
//   ...
//   await github.close();
import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { actionsKeyOf, openSealedBase64, sodiumReady } from './actions-keys.js';
import { Faults } from './faults.js';
import { GitStore } from './git-store.js';
import { mintInstallationToken } from './installation-tokens.js';
import { RateLimits, type RateLimitBudget } from './rate-limit.js';
import type { LoggedRequest } from './request-log.js';
import { Router } from './router.js';
import { createEmulatorServer } from './server.js';
import {
  EmulatorState,
  timestamp,
  type Account,
  type AppRecord,
  type InstallationRecord,
  type Permissions,
  type RepoRecord,
  type SecretLocationRecord,
  type SecretScanningAlertRecord,
} from './state.js';

export interface EmulatorOptions {
  /** Requests per hour before GitHub's primary rate limit answers 403 (defaults 5000 / 60). */
  rateLimit?: Partial<RateLimitBudget>;
}

export interface RepoOptions {
  private?: boolean;
  defaultBranch?: string;
  hasIssues?: boolean;
  description?: string;
  /** The owner's account type, when this call creates the owner (default `User`). */
  ownerType?: 'User' | 'Organization';
}

export interface SecretScanningAlertOptions {
  /** The plaintext GitHub's secret scanning found. */
  secret: string;
  /** GitHub's slug for the pattern, e.g. `github_personal_access_token`, or a partner's. */
  secretType?: string;
  secretTypeDisplayName?: string;
  /** Where it was first seen: a commit location (none: an issue or discussion, say). */
  location?: Omit<SecretLocationRecord, 'endLine' | 'startColumn' | 'endColumn' | 'blobSha'> & Partial<SecretLocationRecord>;
  validity?: SecretScanningAlertRecord['validity'];
  publiclyLeaked?: boolean;
}

export interface AppOptions {
  /** The public key (PEM or KeyObject) matching the private key the app signs JWTs with. */
  publicKey: string | KeyObject;
  id?: number;
  slug?: string;
  name?: string;
  owner?: string;
  permissions?: Permissions;
  events?: string[];
}

export interface InstallationOptions {
  /** The account (user or organisation login) the app is installed on. */
  account: string;
  /** Repository names of that account; omitted or `all`: every repository of the account. */
  repos?: string[] | 'all';
  /** Which registered app; defaults to the only one. */
  appId?: number;
  /** Defaults to the app's permissions. */
  permissions?: Permissions;
  events?: string[];
}

/** What Leakstop's app asks for (app.yml): least privilege. */
export const LEAKSTOP_APP_PERMISSIONS: Permissions = {
  contents: 'read',
  metadata: 'read',
  checks: 'write',
  issues: 'write',
  secrets: 'write',
  secret_scanning_alerts: 'write',
};

export const LEAKSTOP_APP_EVENTS = ['push', 'installation', 'installation_repositories', 'secret_scanning_alert'];

export class GitHubEmulator {
  readonly state = new EmulatorState();
  readonly requests: LoggedRequest[] = [];
  readonly faults = new Faults();
  private readonly holds = new Set<NodeJS.Timeout>();
  private readonly git: GitStore;
  private readonly server;
  /** REST base URL, e.g. `http://127.0.0.1:PORT` (the same API is served under `/api/v3`). */
  url = '';

  constructor(
    private readonly root: string,
    options: EmulatorOptions = {},
  ) {
    this.git = new GitStore(root);
    this.server = createEmulatorServer({
      state: this.state,
      git: this.git,
      faults: this.faults,
      rateLimits: new RateLimits({ authenticated: 5000, anonymous: 60, ...options.rateLimit }),
      router: new Router(),
      requests: this.requests,
      holds: this.holds,
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The GitHub Enterprise Server style base URL of the same API. */
  get enterpriseUrl(): string {
    return `${this.url}/api/v3`;
  }

  /** The HTTP clone URL of a repository (no credentials in it). */
  gitUrl(owner: string, repo: string): string {
    return `${this.url}/${owner}/${repo}.git`;
  }

  /** The bare repository behind an emulated repository, for direct git access. */
  repoPath(owner: string, repo: string): string {
    return this.repo(owner, repo).gitDir;
  }

  async createRepo(owner: string, name: string, options: RepoOptions = {}): Promise<RepoRecord> {
    if (this.state.repo(owner, name)) throw new Error(`emulator: ${owner}/${name} already exists`);
    const account = this.state.account(owner, options.ownerType ?? 'User');
    const gitDir = this.git.dir(account.login, name);
    const defaultBranch = options.defaultBranch ?? 'main';
    await this.git.init(gitDir, defaultBranch);
    const now = timestamp();
    const repo: RepoRecord = {
      id: this.state.nextId('repo'),
      owner: account,
      name,
      private: options.private ?? false,
      defaultBranch,
      hasIssues: options.hasIssues ?? true,
      description: options.description ?? null,
      createdAt: now,
      updatedAt: now,
      pushedAt: null,
      gitDir,
      nextIssueNumber: 1,
    };
    this.state.repos.set(`${account.login}/${name}`.toLowerCase(), repo);
    return repo;
  }

  /** Registers a personal access token for a user (created if new; default login `octocat`). */
  addUserToken(token: string, options: { login?: string } = {}): Account {
    const user = this.state.account(options.login ?? 'octocat', 'User');
    this.state.userTokens.set(token, { token, user });
    return user;
  }

  /** Registers a GitHub App by its id and the public half of its signing key. */
  registerApp(options: AppOptions): AppRecord {
    const id = options.id ?? this.state.nextId('app');
    if (this.state.apps.has(id)) throw new Error(`emulator: app ${id} already registered`);
    const slug = options.slug ?? 'leakstop';
    const now = timestamp();
    const app: AppRecord = {
      id,
      slug,
      name: options.name ?? slug,
      clientId: `Iv1.${id.toString(16).padStart(16, '0')}`,
      owner: this.state.account(options.owner ?? 'leakstop-dev', 'Organization'),
      publicKey: typeof options.publicKey === 'string' ? createPublicKey(options.publicKey) : options.publicKey,
      permissions: options.permissions ?? { ...LEAKSTOP_APP_PERMISSIONS },
      events: options.events ?? [...LEAKSTOP_APP_EVENTS],
      bot: this.state.account(`${slug}[bot]`, 'Bot'),
      createdAt: now,
      updatedAt: now,
    };
    this.state.apps.set(id, app);
    return app;
  }

  createInstallation(options: InstallationOptions): InstallationRecord {
    const app = this.appFor(options.appId);
    const existing = this.state.findAccount(options.account);
    const account = existing ?? this.state.account(options.account, 'Organization');
    const now = timestamp();
    const installation: InstallationRecord = {
      id: this.state.nextId('installation'),
      appId: app.id,
      account,
      repositorySelection: options.repos === undefined || options.repos === 'all' ? 'all' : 'selected',
      repoIds: new Set(),
      permissions: options.permissions ?? { ...app.permissions },
      events: options.events ?? [...app.events],
      createdAt: now,
      updatedAt: now,
    };
    this.state.installations.set(installation.id, installation);
    if (Array.isArray(options.repos)) this.addInstallationRepos(installation.id, options.repos);
    return installation;
  }

  /** Adds repositories (names of the installation's account) to a `selected` installation. */
  addInstallationRepos(installationId: number, names: string[]): RepoRecord[] {
    const installation = this.installation(installationId);
    const repos = names.map((name) => this.repo(installation.account.login, name));
    for (const repo of repos) installation.repoIds.add(repo.id);
    return repos;
  }

  removeInstallationRepos(installationId: number, names: string[]): RepoRecord[] {
    const installation = this.installation(installationId);
    const repos = names.map((name) => this.repo(installation.account.login, name));
    for (const repo of repos) installation.repoIds.delete(repo.id);
    return repos;
  }

  /** Uninstalls: the installation and its tokens stop working. */
  deleteInstallation(installationId: number): void {
    this.installation(installationId);
    this.state.installations.delete(installationId);
    for (const [token, grant] of this.state.installationTokens) {
      if (grant.installationId === installationId) this.state.installationTokens.delete(token);
    }
  }

  /** An installation access token, as `POST /app/installations/{id}/access_tokens` would mint. */
  createInstallationToken(installationId: number): string {
    return mintInstallationToken(this.state, this.installation(installationId)).token;
  }

  /** Lists a key partner alerts are signed with at `/meta/public_keys/secret_scanning` (see send-partner-alert.ts). */
  addSecretScanningKey(key: { keyIdentifier: string; publicKeyPem: string }, options: { current?: boolean } = {}): void {
    this.state.secretScanningKeys.push({ ...key, isCurrent: options.current ?? true });
  }

  /** A secret scanning alert in the repository, as GitHub's secret scanning opens one; numbered 1, 2, … */
  createSecretScanningAlert(owner: string, repo: string, options: SecretScanningAlertOptions): SecretScanningAlertRecord {
    const record = this.repo(owner, repo);
    const now = timestamp();
    const location = options.location;
    const alert: SecretScanningAlertRecord = {
      repoId: record.id,
      number: this.state.secretScanningAlerts.filter((existing) => existing.repoId === record.id).length + 1,
      secret: options.secret,
      secretType: options.secretType ?? 'leakstop_api_key',
      secretTypeDisplayName: options.secretTypeDisplayName ?? 'Leakstop API Key',
      state: 'open',
      resolution: null,
      resolutionComment: null,
      resolvedBy: null,
      resolvedAt: null,
      validity: options.validity ?? 'unknown',
      publiclyLeaked: options.publiclyLeaked ?? false,
      location: location
        ? {
            endLine: location.startLine,
            startColumn: 1,
            endColumn: 1 + options.secret.length,
            blobSha: '0'.repeat(40),
            ...location,
          }
        : null,
      createdAt: now,
      updatedAt: now,
    };
    this.state.secretScanningAlerts.push(alert);
    return alert;
  }

  /** Opens an Actions secret with the repository's secret key (crypto_box_seal_open). */
  openActionsSecret(owner: string, repo: string, name: string): string | undefined {
    const record = this.repo(owner, repo);
    const secret = this.state.actionsSecrets.find((s) => s.repoId === record.id && s.name === name.toUpperCase());
    return secret && openSealedBase64(secret.encryptedValue, actionsKeyOf(this.state, record));
  }

  async close(): Promise<void> {
    for (const timer of this.holds) clearTimeout(timer);
    this.holds.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** The repository's record (throws if there is none). */
  repo(owner: string, name: string): RepoRecord {
    const repo = this.state.repo(owner, name);
    if (!repo) throw new Error(`emulator: no repository ${owner}/${name}`);
    return repo;
  }

  /** The installation's record (throws if there is none). */
  installation(id: number): InstallationRecord {
    const installation = this.state.installations.get(id);
    if (!installation) throw new Error(`emulator: no installation ${id}`);
    return installation;
  }

  private appFor(appId: number | undefined): AppRecord {
    if (appId !== undefined) {
      const app = this.state.apps.get(appId);
      if (!app) throw new Error(`emulator: no app ${appId}`);
      return app;
    }
    const apps = [...this.state.apps.values()];
    if (apps.length !== 1) throw new Error('emulator: register exactly one app, or pass appId');
    return apps[0]!;
  }
}

/** Starts an emulator on 127.0.0.1 with a random port. */
export async function startGitHubEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  await sodiumReady();
  const emulator = new GitHubEmulator(fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-github-')), options);
  await emulator.listen();
  return emulator;
}
