// The costly, cacheable part of compiling an engine: which rules are anchored on their keywords
// (a parse of every regex) and the keyword prefilter's automaton. Plain data, holding no secret:
// the compiled-engine cache stores it (see engine-cache.ts).
import type { Rule } from '../types.js';
import { indexKeywords } from './keyword-index.js';
import { compilePrefilterTables, type PrefilterTables } from './keyword-prefilter.js';
import { literalPrefixes } from './literal-prefixes.js';

export interface EnginePlan {
  /** Indexes of the rules whose every match starts with one of their keywords. */
  anchored: number[];
  /**
   * Anchored rules, by index, whose every match starts with one of these texts, case and all: the
   * prefilter folds case, so `AC` is tried at every "ac" ("react") unless checked first.
   */
  casedStarts: Record<number, string[]>;
  prefilter: PrefilterTables;
}

export function planEngine(rules: readonly Rule[]): EnginePlan {
  const { keywords, keywordIdsByRule } = indexKeywords(rules);
  const anchored = rules.flatMap((rule, index) => (startsWithKeyword(rule) ? [index] : []));
  // The prefilter records the places of anchored rules' keywords: their regexes are tried only there.
  const recorded = new Set(anchored.flatMap((index) => keywordIdsByRule[index]!));
  const casedStarts: Record<number, string[]> = {};
  for (const index of anchored) {
    const { source, flags } = rules[index]!.regex;
    const starts = flags.includes('i') ? undefined : literalPrefixes(source, 'exact');
    if (starts) casedStarts[index] = starts;
  }
  return { anchored, casedStarts, prefilter: compilePrefilterTables(keywords, recorded) };
}

/**
 * Every match of the rule starts with one of its keywords, as the prefilter sees them (ASCII
 * case folded): not so under Unicode case folding, where `K` (Kelvin) matches `k`.
 */
function startsWithKeyword(rule: Rule): boolean {
  if (rule.keywords.length === 0 || /[uv]/.test(rule.regex.flags) && rule.regex.flags.includes('i')) return false;
  const keywords = rule.keywords.map((keyword) => keyword.toLowerCase());
  const prefixes = literalPrefixes(rule.regex.source);
  return prefixes !== undefined &&
    prefixes.every((prefix) => keywords.some((keyword) => prefix.toLowerCase().startsWith(keyword)));
}
