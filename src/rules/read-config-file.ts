// Reads one config or rule file — Leakstop's TOML, or a gitleaks TOML translated on load —
// into rules, global allowlists and the `[extend]` choices.
import type { Allowlist, Rule } from '../types.js';
import { parseMaxFileSize } from './max-file-size.js';
import { readAllowlist, type ConfigDialect } from './read-allowlist.js';
import { readRule } from './read-rule.js';
import type { TomlSource } from './read-toml.js';
import { ruleLabel, TomlFields } from './toml-fields.js';

export interface ConfigFile {
  dialect: ConfigDialect;
  rules: Rule[];
  allowlists: Allowlist[];
  /** Keep the built-in rules (Leakstop's default: yes; gitleaks' default: no). */
  useDefault: boolean;
  disabledRules: string[];
  /** Opt-in tags whose built-in rules to run (e.g. `hash`). */
  enableTags: string[];
  maxFileSize?: number;
}

/** built-in: a file of rules/; user: a `--config` file, which may also set `[extend]` and `maxFileSize`. */
export type ConfigFileKind = 'built-in' | 'user';

const TOP_LEVEL: Record<ConfigDialect, Record<ConfigFileKind, string[]>> = {
  leakstop: {
    'built-in': ['provider', 'rules', 'allowlists'],
    user: ['provider', 'rules', 'allowlists', 'extend', 'maxFileSize'],
  },
  gitleaks: {
    'built-in': [],
    user: ['title', 'description', 'minVersion', 'extend', 'allowlist', 'allowlists', 'rules'],
  },
};

export function readConfigFile(source: TomlSource, kind: ConfigFileKind): ConfigFile {
  const dialect = kind === 'user' && isGitleaksConfig(source.document) ? 'gitleaks' : 'leakstop';
  const top = TomlFields.root(source.file, source.document);
  top.rejectUnknown(TOP_LEVEL[dialect][kind], dialect === 'gitleaks' ? 'not a gitleaks config field' : undefined);

  const provider = top.optionalString('provider');
  const strict = kind === 'built-in';
  const rules = top.tables('rules', ruleLabel).map((fields) => readRule(fields, dialect, provider ? { provider, strict } : { strict }));
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    if (seen.has(rule.id)) throw top.error(`rules[${index}] (${rule.id})`, 'duplicate rule id');
    seen.add(rule.id);
  }

  const allowlists: Allowlist[] = [];
  const single = dialect === 'gitleaks' ? top.optionalTable('allowlist') : undefined;
  if (single) allowlists.push(readAllowlist(single, dialect, { global: true }));
  for (const fields of top.tables('allowlists')) allowlists.push(readAllowlist(fields, dialect, { global: true }));

  const config: ConfigFile = { dialect, rules, allowlists, useDefault: dialect === 'leakstop', disabledRules: [], enableTags: [] };
  const extend = top.optionalTable('extend');
  if (extend) {
    if (dialect === 'gitleaks' && (extend.has('path') || extend.has('url'))) {
      throw extend.error(extend.has('path') ? 'path' : 'url', 'extending another gitleaks config is not supported; merge it into this file');
    }
    extend.rejectUnknown(dialect === 'leakstop' ? ['useDefault', 'disabledRules', 'enableTags'] : ['useDefault', 'disabledRules']);
    config.useDefault = extend.optionalBoolean('useDefault') ?? config.useDefault;
    config.disabledRules = extend.stringArray('disabledRules');
    config.enableTags = extend.stringArray('enableTags');
  }
  const maxFileSize = top.table.maxFileSize;
  if (maxFileSize !== undefined) {
    const parsed = typeof maxFileSize === 'string' || typeof maxFileSize === 'number'
      ? parseMaxFileSize(maxFileSize)
      : { ok: false as const, error: 'must be a number of bytes or a size like "10MB"' };
    if (!parsed.ok) throw top.error('maxFileSize', parsed.error);
    config.maxFileSize = parsed.bytes;
  }
  return config;
}

const GITLEAKS_TOP_LEVEL = ['title', 'allowlist', 'minVersion'];
const GITLEAKS_RULE_FIELDS = ['path', 'allowlist', 'required', 'skipReport'];
const LEADING_FLAGS = /^(?:\(\?[ims]+\))+/;
/** Go RE2 syntax a JavaScript regex cannot hold: a flag group past the start, (?P<, \z, \A, \Q, [[:. */
const GO_SYNTAX = /\(\?[-a-zA-Z]+[:)]|\(\?P<|\\[zAQ]|\[\[:/;

function hasGoSyntax(regex: string): boolean {
  return GO_SYNTAX.test(regex.replace(LEADING_FLAGS, ''));
}

/** Whether a parsed config is a gitleaks config: it has a field or regex syntax only gitleaks has. */
export function isGitleaksConfig(document: Record<string, unknown>): boolean {
  if (GITLEAKS_TOP_LEVEL.some((key) => key in document)) return true;
  const extend = document.extend as Record<string, unknown> | undefined;
  if (extend && typeof extend === 'object' && ('path' in extend || 'url' in extend)) return true;
  const rules = Array.isArray(document.rules) ? (document.rules as unknown[]) : [];
  return rules.some((rule) => {
    if (typeof rule !== 'object' || rule === null) return false;
    const table = rule as Record<string, unknown>;
    if (GITLEAKS_RULE_FIELDS.some((key) => key in table)) return true;
    const allowlists = Array.isArray(table.allowlists) ? (table.allowlists as Record<string, unknown>[]) : [];
    if (allowlists.some((allowlist) => allowlist && typeof allowlist === 'object' && 'commits' in allowlist)) return true;
    return typeof table.regex === 'string' && hasGoSyntax(table.regex);
  });
}
