// Reads and validates one `[[rules]]` table into a compiled Rule. Leakstop's format and
// gitleaks' differ in the regex dialect, path syntax and a few field names only.
import { assignmentLiterals, assignmentRegex, ASSIGNMENT_SECRET_GROUP, NOT_SECRET_NAME, type AssignmentSpec } from '../detect/assignment-grammar.js';
import { literalPrefixes } from '../detect/literal-prefixes.js';
import type { ChecksumKind, Rule, Severity, StructureKind } from '../types.js';
import { compileRegex, regexGroups } from './compile-rule-regex.js';
import { patternOf } from '../detect/pattern-of.js';
import { compileDialectRegex, readAllowlist, type ConfigDialect } from './read-allowlist.js';
import type { TomlFields } from './toml-fields.js';

const FIELDS: Record<ConfigDialect, string[]> = {
  leakstop: ['id', 'description', 'provider', 'regex', 'assignment', 'secretGroup', 'keywords', 'entropy', 'checksum', 'structure',
    'paths', 'tags', 'severity', 'guidance', 'allowlists', 'examples'],
  gitleaks: ['id', 'description', 'regex', 'secretGroup', 'keywords', 'entropy', 'path', 'tags', 'allowlist',
    'allowlists'],
};

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const CHECKSUMS: ChecksumKind[] = ['crc32-base62'];
const STRUCTURES: StructureKind[] = ['jwt', 'basic-credentials'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface RuleDefaults {
  /** File-level `provider`. */
  provider?: string;
  /** Built-in rules must name their provider and describe themselves; a user's rule may not. */
  strict?: boolean;
}

export function readRule(fields: TomlFields, dialect: ConfigDialect, defaults: RuleDefaults = {}): Rule {
  if (dialect === 'gitleaks') {
    if (fields.has('required') || fields.has('skipReport')) {
      throw fields.error(fields.has('required') ? 'required' : 'skipReport', 'composite gitleaks rules are not supported; remove the rule or rewrite it as one regex');
    }
    if (!fields.has('regex') && fields.has('path')) {
      throw fields.error('path', 'path-only gitleaks rules are not supported: Leakstop reports secrets, not file names');
    }
  }
  fields.rejectUnknown(FIELDS[dialect], dialect === 'gitleaks' ? 'not a gitleaks rule field' : undefined);

  const id = fields.string('id');
  if (!ID.test(id)) throw fields.error('id', 'may hold only letters, digits, ".", "_" and "-"');
  const assignment = readAssignment(fields);
  const compiled = assignment ? compileAssignment(assignment) : compileDialectRegex(fields.string('regex'), dialect);
  if (!compiled.ok) throw fields.error(assignment ? 'assignment' : 'regex', compiled.error);
  const regex = compiled.regex;
  // A regex whose every match starts with a literal (an assignment regex starts with its keyword) cannot match
  // the empty string; testing it would compile it at load, which its first scan does only if it runs at all.
  if (!assignment && literalPrefixes(regex.source) === undefined && regex.test('')) {
    throw fields.error('regex', 'matches the empty string, so it would match everywhere');
  }

  const rule: Rule = {
    id,
    description: defaults.strict ? fields.string('description') : (fields.optionalString('description') ?? id),
    provider: fields.optionalString('provider') ?? defaults.provider ?? 'Custom',
    regex: patternOf(regex),
    secretGroup: assignment ? ASSIGNMENT_SECRET_GROUP : readSecretGroup(fields, regex),
    keywords: assignment ? assignmentLiterals(assignment) : readKeywords(fields),
    entropy: readEntropy(fields),
    paths: dialect === 'leakstop' ? fields.stringArray('paths') : [],
    allowlists: [],
    tags: fields.stringArray('tags'),
    severity: readSeverity(fields),
    examples: readExamples(fields),
    source: fields.file,
  };
  if (defaults.strict && !fields.has('provider') && !defaults.provider) {
    throw fields.error('provider', 'is required (on the rule or at the top of the file)');
  }
  const checksum = fields.optionalString('checksum');
  if (checksum !== undefined) {
    if (!CHECKSUMS.includes(checksum as ChecksumKind)) throw fields.error('checksum', `must be one of ${CHECKSUMS.join(', ')}`);
    rule.checksum = checksum as ChecksumKind;
  }
  const structure = fields.optionalString('structure');
  if (structure !== undefined) {
    if (!STRUCTURES.includes(structure as StructureKind)) throw fields.error('structure', `must be one of ${STRUCTURES.join(', ')}`);
    rule.structure = structure as StructureKind;
  }
  if (assignment) rule.assignment = assignment;
  const guidance = fields.optionalString('guidance');
  if (guidance) rule.guidance = guidance;

  if (dialect === 'gitleaks') {
    const path = fields.optionalString('path');
    if (path !== undefined) {
      const pathRegex = compileDialectRegex(path, dialect);
      if (!pathRegex.ok) throw fields.error('path', pathRegex.error);
      rule.pathRegexes = [patternOf(pathRegex.regex)];
    }
    const single = fields.optionalTable('allowlist');
    if (single) rule.allowlists.push(readAllowlist(single, dialect, { global: false }));
  }
  for (const allowlist of fields.tables('allowlists')) rule.allowlists.push(readAllowlist(allowlist, dialect, { global: false }));
  if (assignment) {
    rule.allowlists.push({ description: 'names of something about a secret (`_ID`, `Url`)', regexes: [...NOT_SECRET_NAME], regexTarget: 'match', stopwords: [], paths: [] });
  }
  return rule;
}

/** `[rules.assignment]`: the rule's regex is the shared assignment grammar around a keyword and a value. */
function readAssignment(fields: TomlFields): AssignmentSpec | undefined {
  const table = fields.optionalTable('assignment');
  if (!table) return undefined;
  for (const field of ['regex', 'secretGroup', 'keywords']) {
    if (fields.has(field)) throw fields.error(field, 'is set by [rules.assignment]; remove it');
  }
  table.rejectUnknown(['keyword', 'name', 'value', 'lead', 'flag']);
  const words = (key: string) => table.stringArray(key).map((word, index) => {
    if (!/^_?[A-Za-z0-9]+(?:[ _.-][A-Za-z0-9]+)*[_.-]?$/.test(word)) {
      throw table.error(`${key}[${index}]`, 'must be letters and digits, words separated (or ended) by a space, "_", "-" or "."; "_" may start it');
    }
    return word;
  });
  const keywords = words('keyword');
  if (keywords.length === 0) throw table.error('keyword', 'is required (the words a name holding this secret starts with)');
  const spec: AssignmentSpec = { keywords, names: words('name'), value: table.string('value') };
  const lead = table.optionalString('lead');
  if (lead !== undefined) spec.lead = lead;
  if (table.has('flag')) {
    spec.flag = table.stringArray('flag').map((flag, index) => {
      if (!/^--?[A-Za-z0-9][A-Za-z0-9-]*$/.test(flag)) throw table.error(`flag[${index}]`, 'must be a command-line flag, e.g. "-p" or "--password"');
      return flag;
    });
    if (spec.flag.length === 0) throw table.error('flag', 'must name at least one flag');
  }
  return spec;
}

function compileAssignment(spec: AssignmentSpec): ReturnType<typeof compileRegex> {
  const value = compileRegex(spec.value.replace(/^\(\?i\)/, ''), '');
  if (!value.ok) return { ok: false, error: `value: ${value.error}` };
  if (regexGroups(value.regex).names.length > 0) return { ok: false, error: 'value: must not hold named groups' };
  if (value.regex.test('')) return { ok: false, error: 'value: matches the empty string' };
  const { source, flags } = assignmentRegex(spec);
  return compileRegex(source, flags);
}

function readSecretGroup(fields: TomlFields, regex: RegExp): number | string {
  const groups = regexGroups(regex);
  const value = fields.table.secretGroup;
  if (value === undefined) return groups.count > 0 ? 1 : 0;
  if (typeof value === 'string') {
    if (!groups.names.includes(value)) throw fields.error('secretGroup', `the regex has no group named "${value}"`);
    return value;
  }
  const index = fields.optionalNumber('secretGroup')!;
  if (!Number.isInteger(index) || index < 0 || index > groups.count) {
    throw fields.error('secretGroup', `must be a group number from 0 to ${groups.count} or a group name`);
  }
  return index;
}

function readKeywords(fields: TomlFields): string[] {
  return fields.stringArray('keywords').map((keyword, index) => {
    if (keyword === '') throw fields.error(`keywords[${index}]`, 'must not be empty');
    return keyword.toLowerCase();
  });
}

function readEntropy(fields: TomlFields): number {
  const entropy = fields.optionalNumber('entropy') ?? 0;
  if (entropy < 0) throw fields.error('entropy', 'must be 0 or more (bits per character)');
  return entropy;
}

function readSeverity(fields: TomlFields): Severity {
  const severity = fields.optionalString('severity') ?? 'medium';
  if (!SEVERITIES.includes(severity as Severity)) throw fields.error('severity', `must be one of ${SEVERITIES.join(', ')}`);
  return severity as Severity;
}

function readExamples(fields: TomlFields): Rule['examples'] {
  const examples = fields.optionalTable('examples');
  if (!examples) return { match: [], noMatch: [] };
  examples.rejectUnknown(['match', 'noMatch', 'excludeContexts']);
  const read: Rule['examples'] = {
    match: examples.stringArray('match').map((text) => ({ text })),
    noMatch: examples.stringArray('noMatch'),
  };
  const excluded = examples.stringArray('excludeContexts');
  if (excluded.length > 0) read.excludeContexts = excluded;
  return read;
}
