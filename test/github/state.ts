// The emulator's memory: plain records that tests may read, looked up the way GitHub
// looks things up (owner, repository and label names case-insensitively).
import type { KeyObject } from 'node:crypto';

export type Access = 'read' | 'write' | 'admin';
export type Permissions = Record<string, Access>;

export interface Account {
  id: number;
  login: string;
  type: 'User' | 'Organization' | 'Bot';
}

export interface RepoRecord {
  id: number;
  owner: Account;
  name: string;
  private: boolean;
  defaultBranch: string;
  hasIssues: boolean;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  pushedAt: string | null;
  /** The bare repository on disk. */
  gitDir: string;
  nextIssueNumber: number;
}

export interface LabelRecord {
  id: number;
  repoId: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labelIds: number[];
  assignees: Account[];
  user: Account;
  locked: boolean;
  /** The app that created the issue, when an installation token was used. */
  viaAppId: number | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: Account | null;
}

export interface CommentRecord {
  id: number;
  repoId: number;
  issueNumber: number;
  body: string;
  user: Account;
  viaAppId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  clientId: string;
  owner: Account;
  /** The public half of the key the app signs its JWTs with. */
  publicKey: KeyObject;
  permissions: Permissions;
  events: string[];
  /** `<slug>[bot]`, the author of what the app's installations create. */
  bot: Account;
  createdAt: string;
  updatedAt: string;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  account: Account;
  repositorySelection: 'all' | 'selected';
  /** The selected repositories (unused when the selection is `all`). */
  repoIds: Set<number>;
  permissions: Permissions;
  events: string[];
  createdAt: string;
  updatedAt: string;
}

export interface InstallationTokenRecord {
  token: string;
  installationId: number;
  expiresAt: string;
  permissions: Permissions;
  /** Repositories the token was narrowed to; null: all of the installation's. */
  repoIds: Set<number> | null;
}

export interface UserTokenRecord {
  token: string;
  user: Account;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number | null;
  end_column: number | null;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string | null;
  message: string;
  raw_details: string | null;
}

export interface CheckRunRecord {
  id: number;
  repoId: number;
  appId: number;
  checkSuiteId: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  startedAt: string | null;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: AnnotationRecord[];
}

export interface ActionsSecretRecord {
  repoId: number;
  name: string;
  /** Base64 sealed box, exactly as it was PUT. */
  encryptedValue: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
}

/** A repository's Actions key pair (X25519, libsodium sealed boxes). */
export interface ActionsKeyRecord {
  keyId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** Where secret scanning first saw the secret: a `commit` location's details. */
export interface SecretLocationRecord {
  path: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  blobSha: string;
  commitSha: string;
}

export interface SecretScanningAlertRecord {
  repoId: number;
  number: number;
  /** The plaintext: `GET …/secret-scanning/alerts/{n}` returns it, webhooks never do. */
  secret: string;
  secretType: string;
  secretTypeDisplayName: string;
  state: 'open' | 'resolved';
  resolution: 'false_positive' | 'wont_fix' | 'revoked' | 'used_in_tests' | null;
  resolutionComment: string | null;
  resolvedBy: Account | null;
  resolvedAt: string | null;
  validity: 'active' | 'inactive' | 'unknown';
  publiclyLeaked: boolean;
  location: SecretLocationRecord | null;
  createdAt: string;
  updatedAt: string;
}

/** A credential GitHub accepted for revocation (`POST /credentials/revoke`), and who sent it. */
export interface RevokedCredentialRecord {
  credential: string;
  /** `anonymous` on github.com; the caller's kind on GitHub Enterprise Server. */
  via: 'anonymous' | 'user' | 'installation' | 'app';
  at: string;
}

/** GitHub's timestamps: ISO 8601 to the second. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ID_BASES = {
  account: 1_000,
  app: 2_000,
  installation: 40_000,
  repo: 100_000,
  issue: 500_000,
  label: 700_000,
  comment: 900_000,
  checkRun: 3_000_000,
  checkSuite: 6_000_000,
} as const;

export type IdKind = keyof typeof ID_BASES;

/** A public key GitHub signs secret-scanning partner alerts with (PEM, ECDSA P-256). */
export interface SecretScanningKeyRecord {
  keyIdentifier: string;
  publicKeyPem: string;
  isCurrent: boolean;
}

export class EmulatorState {
  readonly accounts = new Map<string, Account>();
  readonly repos = new Map<string, RepoRecord>();
  readonly labels: LabelRecord[] = [];
  readonly issues: IssueRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly apps = new Map<number, AppRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly installationTokens = new Map<string, InstallationTokenRecord>();
  readonly userTokens = new Map<string, UserTokenRecord>();
  readonly checkRuns: CheckRunRecord[] = [];
  /** Check suite id per `appId:headSha`. */
  readonly checkSuites = new Map<string, number>();
  readonly actionsSecrets: ActionsSecretRecord[] = [];
  readonly actionsKeys = new Map<number, ActionsKeyRecord>();
  /** What `GET /meta/public_keys/secret_scanning` lists: the keys partner alerts are signed with. */
  readonly secretScanningKeys: SecretScanningKeyRecord[] = [];
  readonly secretScanningAlerts: SecretScanningAlertRecord[] = [];
  readonly revokedCredentials: RevokedCredentialRecord[] = [];
  /** `POST /credentials/revoke`'s hourly budget per caller (GitHub: 60); set before the first call. */
  credentialRevocationsPerHour = 60;
  private readonly counters = new Map<IdKind, number>();

  nextId(kind: IdKind): number {
    const next = (this.counters.get(kind) ?? ID_BASES[kind]) + 1;
    this.counters.set(kind, next);
    return next;
  }

  /** The account with this login, created (as `type`) on first use. */
  account(login: string, type: Account['type'] = 'User'): Account {
    const key = login.toLowerCase();
    let account = this.accounts.get(key);
    if (!account) {
      account = { id: this.nextId('account'), login, type };
      this.accounts.set(key, account);
    }
    return account;
  }

  findAccount(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  labelsOf(repoId: number): LabelRecord[] {
    return this.labels.filter((label) => label.repoId === repoId);
  }

  label(repoId: number, name: string): LabelRecord | undefined {
    const wanted = name.toLowerCase();
    return this.labels.find((label) => label.repoId === repoId && label.name.toLowerCase() === wanted);
  }

  issuesOf(repoId: number): IssueRecord[] {
    return this.issues.filter((issue) => issue.repoId === repoId);
  }

  issue(repoId: number, number: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.repoId === repoId && issue.number === number);
  }

  secretScanningAlert(repoId: number, number: number): SecretScanningAlertRecord | undefined {
    return this.secretScanningAlerts.find((alert) => alert.repoId === repoId && alert.number === number);
  }

  commentsOf(repoId: number, issueNumber: number): CommentRecord[] {
    return this.comments.filter((comment) => comment.repoId === repoId && comment.issueNumber === issueNumber);
  }

  /** Repositories an installation can reach: all of its account's, or the selected ones. */
  installationRepos(installation: InstallationRecord): RepoRecord[] {
    return [...this.repos.values()].filter((repo) =>
      installation.repositorySelection === 'all'
        ? repo.owner.id === installation.account.id
        : installation.repoIds.has(repo.id),
    );
  }
}
