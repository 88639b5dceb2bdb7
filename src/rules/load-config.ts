// Loads the scan configuration: the built-in rules (rules/*.toml) merged with a user's
// `--config` file, which may be Leakstop's TOML or a gitleaks TOML.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { Allowlist, Rule, ScanConfig } from '../types.js';
import { DEFAULT_MAX_FILE_SIZE } from './max-file-size.js';
import { BUILT_IN_RULES_DIR } from './package-root.js';
import { readConfigFile, type ConfigFile } from './read-config-file.js';
import { readToml } from './read-toml.js';
import { rulesetVersion, type VersionedSource } from './ruleset-version.js';

export { parseMaxFileSize } from './max-file-size.js';

export interface LoadConfigOptions {
  /** A user config file (Leakstop or gitleaks TOML). */
  configPath?: string;
  /** Where the built-in rules live; default `<package root>/rules`. */
  rulesDir?: string;
  /** Told what the user's config changes that the user may not mean to (a built-in rule replaced). */
  onNotice?: (notice: string) => void;
  /** Opt-in tags to enable besides those the user config enables (see OPT_IN_TAGS). */
  enableTags?: string[];
}

/**
 * Built-in rules with one of these tags run only when enabled (`[extend] enableTags`): a
 * password hash is worth reporting to some teams, and is noise to most.
 */
export const OPT_IN_TAGS: readonly string[] = ['hash'];

interface BuiltInRules {
  rules: Rule[];
  allowlists: Allowlist[];
  versioned: VersionedSource[];
  files: string[];
}

export function loadConfig(options: LoadConfigOptions = {}): ScanConfig {
  const userSource = options.configPath ? readToml(path.resolve(options.configPath), options.configPath) : undefined;
  const user = userSource ? readConfigFile(userSource, 'user') : undefined;
  const builtIn = user && !user.useDefault ? undefined : readBuiltInRules(options.rulesDir);

  for (const [index, tag] of (user?.enableTags ?? []).entries()) {
    if (!OPT_IN_TAGS.includes(tag)) throw new ConfigError(`${userSource!.file}: extend: enableTags[${index}]: "${tag}" is not an opt-in tag (${OPT_IN_TAGS.join(', ')})`);
  }
  const enabled = new Set([...(options.enableTags ?? []), ...(user?.enableTags ?? [])]);
  const builtInRules = builtIn?.rules.filter((rule) => rule.tags.every((tag) => !OPT_IN_TAGS.includes(tag) || enabled.has(tag))) ?? [];
  const rules = user && userSource ? mergeRules(builtInRules, user, userSource.file, options.onNotice) : builtInRules;
  if (user && userSource) checkTargetRules(user.allowlists, rules, userSource.file);
  const allowlists = [...(builtIn?.allowlists ?? []), ...(user?.allowlists ?? [])];

  const versioned = [...(builtIn?.versioned ?? [])];
  if (userSource) versioned.push({ name: 'config', text: userSource.text });
  const sources = [...(builtIn?.files ?? [])];
  if (options.configPath) sources.push(path.resolve(options.configPath));
  return {
    rules,
    allowlists,
    maxFileSize: user?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    rulesetVersion: rulesetVersion(versioned),
    sources,
  };
}

function readBuiltInRules(rulesDir: string | undefined): BuiltInRules {
  const dir = rulesDir ?? BUILT_IN_RULES_DIR;
  const shown = (name: string) => (rulesDir === undefined ? `rules/${name}` : path.join(rulesDir, name));
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.toml')).sort();
  } catch {
    throw new ConfigError(`${rulesDir ?? 'rules'}: the built-in rules directory cannot be read; reinstall leakstop`);
  }
  if (names.length === 0) throw new ConfigError(`${rulesDir ?? 'rules'}: no rule files (*.toml) found`);

  const result: BuiltInRules = { rules: [], allowlists: [], versioned: [], files: [] };
  const origin = new Map<string, string>();
  for (const name of names) {
    const source = readToml(path.join(dir, name), shown(name));
    const file = readConfigFile(source, 'built-in');
    for (const rule of file.rules) {
      const earlier = origin.get(rule.id);
      if (earlier) throw new ConfigError(`${source.file}: rule id "${rule.id}" is already defined in ${earlier}`);
      origin.set(rule.id, source.file);
    }
    for (const rule of file.rules) result.rules.push(rule);
    for (const allowlist of file.allowlists) result.allowlists.push(allowlist);
    result.versioned.push({ name, text: source.text });
    result.files.push(path.join(dir, name));
  }
  return result;
}

/** Built-in rules, each replaced by a user rule of the same id, plus the user's new rules, minus disabled ones. */
function mergeRules(builtIn: Rule[], user: ConfigFile, file: string, onNotice: ((notice: string) => void) | undefined): Rule[] {
  // A user's rules are not ours to trust: their regexes run under a time budget.
  const own = new Map(user.rules.map((rule) => [rule.id, { ...rule, untrusted: true }]));
  const merged = builtIn.map((rule) => {
    const replacement = own.get(rule.id);
    if (!replacement) return rule;
    onNotice?.(`${file}: rule "${rule.id}" replaces the built-in rule of the same id`);
    return replacement;
  });
  const builtInIds = new Set(builtIn.map((rule) => rule.id));
  for (const rule of own.values()) if (!builtInIds.has(rule.id)) merged.push(rule);

  const ids = new Set(merged.map((rule) => rule.id));
  const disabled = new Set(user.disabledRules);
  for (const [index, id] of user.disabledRules.entries()) {
    if (!ids.has(id)) throw new ConfigError(`${file}: extend: disabledRules[${index}]: no rule "${id}"; see the rule ids in rules/*.toml`);
  }
  const rules = merged.filter((rule) => !disabled.has(rule.id));
  // A config that leaves nothing to scan with would pass every scan.
  if (rules.length === 0) {
    if (user.useDefault || user.rules.length > 0) throw new ConfigError(`${file}: extend: disabledRules disables every rule; nothing would be scanned`);
    throw new ConfigError(user.dialect === 'gitleaks'
      ? `${file}: no rules: a gitleaks config uses only its own [[rules]] unless [extend] says useDefault = true, and it defines none`
      : `${file}: no rules: the built-in rules are off (useDefault = false) and the file defines no [[rules]]; add rules or keep useDefault = true`);
  }
  return rules;
}

function checkTargetRules(allowlists: Allowlist[], rules: Rule[], file: string): void {
  const ids = new Set(rules.map((rule) => rule.id));
  for (const [index, allowlist] of allowlists.entries()) {
    const unknown = allowlist.targetRules?.find((id) => !ids.has(id));
    if (unknown) throw new ConfigError(`${file}: allowlists[${index}]: targetRules: no rule "${unknown}" is loaded`);
  }
}
