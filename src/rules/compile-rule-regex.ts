// A rule's regex is JavaScript RegExp source; a leading `(?i)` (or `(?s)`, `(?is)`) is taken
// as flags, since rule authors coming from gitleaks write it that way.

import type { Pattern } from '../types.js';

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; error: string };

const LEADING_FLAGS = /^\(\?([is]+)\)/;

export function compileRuleRegex(source: string): RegexResult {
  const leading = LEADING_FLAGS.exec(source);
  const flags = leading ? [...new Set(leading[1])].join('') : '';
  return compileRegex(leading ? source.slice(leading[0].length) : source, flags);
}

export function compileRegex(source: string, flags: string): RegexResult {
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export interface RegexGroups {
  /** Number of capture groups. */
  count: number;
  names: string[];
}

/** The capture groups of a regex, found by matching an always-matching variant of it. */
export function regexGroups(regex: Pattern): RegexGroups {
  const probe = new RegExp(`${regex.source}|`, regex.flags.replace(/[gy]/g, '')).exec('')!;
  return { count: probe.length - 1, names: Object.keys(probe.groups ?? {}) };
}
