// `.github/leakstop.yml` on a repository's default branch: what its maintainers tell the app.
// Config lives in the repository (probot's convention); a broken file never stops a scan —
// the scan runs on the defaults and the check run says why the file was ignored.
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';
import { readAllowlist } from '../rules/read-allowlist.js';
import { readRule } from '../rules/read-rule.js';
import { ruleLabel, TomlFields } from '../rules/toml-fields.js';
import type { Allowlist } from '../types.js';

export const REPO_CONFIG_PATH = '.github/leakstop.yml';

/** A hostile config must not make the app slow: few rules, short patterns (they also run under a time budget). */
export const MAX_REPO_RULES = 20;
const MAX_PATTERN_LENGTH = 1_000;

export interface RepoConfig {
  /** Paths and stopwords allowed on top of the built-in allowlists (never for registered keys). */
  allowlist?: Allowlist;
  /** `owner/name` the incident issues go to; default: the repository the leak is in. */
  incidentRepository?: string;
  /** Which incidents go there: those of the repository while it is public (default), or all. */
  incidentRepositoryFor?: 'public' | 'all';
  annotateThirdPartyKeys: boolean;
  /** Report checksum-valid GitHub tokens found to GitHub's credential revocation API (opt-in). */
  revokeGitHubTokens: boolean;
  /** The raw `rules` tables, validated; compiled again where they run (a worker with a time budget). */
  extraRules: Record<string, unknown>[];
  /** The file's text, for cache keys: a config change is a rule change. */
  text: string;
}

export const DEFAULT_REPO_CONFIG: RepoConfig = { annotateThirdPartyKeys: true, revokeGitHubTokens: false, extraRules: [], text: '' };

export type RepoConfigResult = { ok: true; config: RepoConfig } | { ok: false; error: string };

const REPO_NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function parseRepoConfig(text: string | undefined): RepoConfigResult {
  if (text === undefined || text.trim() === '') return { ok: true, config: DEFAULT_REPO_CONFIG };
  try {
    return { ok: true, config: readRepoConfig(text) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    return { ok: false, error: `${REPO_CONFIG_PATH}: ${(error as Error).message.split('\n')[0]}` };
  }
}

function readRepoConfig(text: string): RepoConfig {
  const document: unknown = parse(text, { maxAliasCount: 10 });
  const top = TomlFields.root(REPO_CONFIG_PATH, document ?? {});
  top.rejectUnknown(['allowlist', 'incidents', 'annotateThirdPartyKeys', 'revokeGitHubTokens', 'rules']);
  const config: RepoConfig = {
    annotateThirdPartyKeys: top.optionalBoolean('annotateThirdPartyKeys') ?? true,
    revokeGitHubTokens: top.optionalBoolean('revokeGitHubTokens') ?? false,
    extraRules: [],
    text,
  };

  const allowlist = top.optionalTable('allowlist');
  if (allowlist) {
    allowlist.rejectUnknown(['paths', 'stopwords']);
    config.allowlist = readAllowlist(allowlist, 'leakstop', { global: true });
  }
  const incidents = top.optionalTable('incidents');
  if (incidents) {
    incidents.rejectUnknown(['repository', 'for']);
    const repository = incidents.optionalString('repository');
    if (repository !== undefined && !REPO_NAME.test(repository)) throw incidents.error('repository', 'must be owner/name');
    const scope = incidents.optionalString('for');
    if (scope !== undefined && scope !== 'public' && scope !== 'all') throw incidents.error('for', 'must be public or all');
    if (scope && !repository) throw incidents.error('for', 'needs incidents.repository');
    if (repository) {
      config.incidentRepository = repository;
      config.incidentRepositoryFor = scope ?? 'public';
    }
  }
  const rules = top.tables('rules', ruleLabel);
  if (rules.length > MAX_REPO_RULES) throw top.error('rules', `at most ${MAX_REPO_RULES} rules`);
  for (const fields of rules) {
    if (fields.optionalString('regex') && fields.string('regex').length > MAX_PATTERN_LENGTH) {
      throw fields.error('regex', `longer than ${MAX_PATTERN_LENGTH} characters`);
    }
    // Validated here (one clear line in the check run); compiled again where it runs.
    readRule(fields, 'leakstop', { provider: 'Repository' });
    config.extraRules.push(fields.table);
  }
  return config;
}

/** The repository's extra rules as Rules, `source` naming the config file. */
export function compileRepoRules(extraRules: Record<string, unknown>[]) {
  return extraRules.map((table, index) =>
    readRule(new TomlFields(REPO_CONFIG_PATH, `rules[${index}]`, table), 'leakstop', { provider: 'Repository' }),
  );
}
