// Reads one allowlist table, in Leakstop's format or gitleaks' (whose paths are Go regexes).
import type { Allowlist, AllowlistTarget, Pattern } from '../types.js';
import { compileRuleRegex, compileRegex, type RegexResult } from './compile-rule-regex.js';
import { patternOf } from '../detect/pattern-of.js';
import { translateGoRegex } from './go-regex.js';
import type { TomlFields } from './toml-fields.js';

export type ConfigDialect = 'leakstop' | 'gitleaks';

const FIELDS: Record<ConfigDialect, string[]> = {
  leakstop: ['description', 'regexes', 'regexTarget', 'stopwords', 'paths', 'condition', 'targetRules'],
  gitleaks: ['description', 'regexes', 'regexTarget', 'stopwords', 'paths', 'commits', 'condition', 'targetRules'],
};

const TARGETS: AllowlistTarget[] = ['secret', 'match', 'line'];

/** Compiles a regex of the given dialect: JS source (leading `(?i)` as a flag) or Go RE2. */
export function compileDialectRegex(source: string, dialect: ConfigDialect): RegexResult {
  if (dialect === 'leakstop') return compileRuleRegex(source);
  const translated = translateGoRegex(source);
  if (!translated.ok) return translated;
  return compileRegex(translated.source, translated.flags);
}

function regexList(fields: TomlFields, key: string, dialect: ConfigDialect): Pattern[] {
  return fields.stringArray(key).map((source, index) => {
    const compiled = compileDialectRegex(source, dialect);
    if (!compiled.ok) throw fields.error(`${key}[${index}]`, compiled.error);
    return patternOf(compiled.regex);
  });
}

export function readAllowlist(fields: TomlFields, dialect: ConfigDialect, options: { global: boolean }): Allowlist {
  fields.rejectUnknown(
    FIELDS[dialect].filter((key) => options.global || key !== 'targetRules'),
    dialect === 'gitleaks' ? 'gitleaks allowlist' : undefined,
  );
  const target = fields.optionalString('regexTarget') ?? 'secret';
  if (!TARGETS.includes(target as AllowlistTarget)) throw fields.error('regexTarget', `must be one of ${TARGETS.join(', ')}`);
  const condition = (fields.optionalString('condition') ?? 'or').toLowerCase();
  if (condition !== 'or' && condition !== 'and') throw fields.error('condition', 'must be "OR" or "AND"');

  const allowlist: Allowlist = {
    regexes: regexList(fields, 'regexes', dialect),
    regexTarget: target as AllowlistTarget,
    stopwords: fields.stringArray('stopwords').map((word) => word.toLowerCase()),
    paths: dialect === 'leakstop' ? fields.stringArray('paths') : [],
    condition,
  };
  const description = fields.optionalString('description');
  if (description) allowlist.description = description;
  if (dialect === 'gitleaks') {
    const pathRegexes = regexList(fields, 'paths', dialect);
    if (pathRegexes.length) allowlist.pathRegexes = pathRegexes;
    const commits = fields.stringArray('commits');
    if (commits.length) allowlist.commits = commits;
  }
  const targetRules = fields.stringArray('targetRules');
  if (targetRules.length) allowlist.targetRules = targetRules;

  const criteria = allowlist.regexes.length + allowlist.stopwords.length + allowlist.paths.length +
    (allowlist.pathRegexes?.length ?? 0) + (allowlist.commits?.length ?? 0);
  if (criteria === 0) throw fields.error('regexes', 'an allowlist needs at least one of regexes, stopwords, paths');
  return allowlist;
}
