// Runs the rules the prefilter selected over one text and judges every match.
import type { DropReason } from '../types.js';
import type { Candidate, Drop, Shadow } from './candidate.js';
import type { Engine } from './engine.js';
import { judgeCandidate } from './judge-candidate.js';
import type { PrefilterResult } from './keyword-prefilter.js';
import { forEachSelectedMatch, type RuleMatch } from './rule-matches.js';
import { selectRules } from './select-rules.js';

/** Rejections that say what the string is (not a real token of this kind), not merely that it is weak. */
const RECOGNISED: ReadonlySet<DropReason> = new Set(['checksum', 'structure', 'placeholder', 'stopword', 'allowlist-stopword']);

/** What running the rules over one text found. */
export interface RuleRun {
  candidates: Candidate[];
  /** Candidates of specific rules rejected as recognised non-secrets (see Shadow). */
  shadows: Shadow[];
  /** Guarded rules that did not run to the end on this text, with why. */
  stopped: { ruleIndex: number; reason: string }[];
}

/** Runs the rules the prefilter selected, in rule order, where it selected them, judging every match. */
export function runRules(text: string, prefiltered: PrefilterResult, engine: Engine, drops: Drop[] | undefined): RuleRun {
  const candidates: Candidate[] = [];
  const shadows: Shadow[] = [];
  const stopped: RuleRun['stopped'] = [];
  for (const selected of selectRules(engine, prefiltered, text.length)) {
    const { index } = selected;
    const rule = engine.rules[index]!;
    const casts = !rule.bypass && rule.specificity > 0;
    const visit = (match: RuleMatch) => {
      const judgement = judgeCandidate(engine, rule, match, text);
      if (!judgement.kept) {
        drops?.push({ ruleIndex: index, offset: match.start, reason: judgement.reason, secret: match.secret });
        if (casts && RECOGNISED.has(judgement.reason)) shadows.push({ ruleIndex: index, secret: match.secret, start: match.start, end: match.end });
        return;
      }
      const candidate: Candidate = {
        ruleIndex: index,
        secret: match.secret,
        start: match.start,
        end: match.end,
        spanStart: match.matchStart,
        spanEnd: match.matchEnd,
        entropy: judgement.entropy,
        checksumValid: judgement.checksumValid,
        decodedFrom: [],
      };
      if (judgement.pending) candidate.pending = judgement.pending;
      candidates.push(candidate);
    };
    if (!rule.guarded || !engine.guard) {
      forEachSelectedMatch(rule, text, selected, visit);
      continue;
    }
    const guarded = engine.guard.matches(text, selected);
    if (guarded.ok) for (const match of guarded.matches) visit(match);
    else stopped.push({ ruleIndex: index, reason: guarded.reason });
  }
  return { candidates, shadows, stopped };
}
