// Numbers the keywords of a rule list (lower-cased, each once), then the inline-allow markers:
// the ids the prefilter reports and the engine maps back to rules.
import type { Rule } from '../types.js';
import { INLINE_ALLOW_MARKERS } from './inline-allow.js';

export interface KeywordIndex {
  keywords: string[];
  /** Rule index → ids of its keywords. */
  keywordIdsByRule: number[][];
  inlineAllowIds: number[];
}

export function indexKeywords(rules: readonly Rule[]): KeywordIndex {
  const keywordIds = new Map<string, number>();
  const idOf = (keyword: string) => {
    const lower = keyword.toLowerCase();
    if (!keywordIds.has(lower)) keywordIds.set(lower, keywordIds.size);
    return keywordIds.get(lower)!;
  };
  const keywordIdsByRule = rules.map((rule) => [...new Set(rule.keywords.map((word) => word.toLowerCase()))].map(idOf));
  const inlineAllowIds = INLINE_ALLOW_MARKERS.map(idOf);
  return { keywords: [...keywordIds.keys()], keywordIdsByRule, inlineAllowIds };
}
