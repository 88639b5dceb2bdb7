// Runs the rules the prefilter selected over one text and judges every match.
import type { Candidate, Drop } from './candidate.js';
import type { Engine } from './engine.js';
import { judgeCandidate } from './judge-candidate.js';
import type { PrefilterResult } from './keyword-prefilter.js';
import { RejectedSpans } from './rejected-spans.js';
import { forEachAnchoredMatch, forEachRuleMatch, type RuleMatch } from './rule-matches.js';
import { selectRules } from './select-rules.js';

/** Runs the rules the prefilter selected, in rule order, where it selected them, judging every match. */
export function runRules(text: string, prefiltered: PrefilterResult, engine: Engine, drops: Drop[] | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  const rejected = new RejectedSpans();
  for (const { index, starts, spans } of selectRules(engine, prefiltered, text.length)) {
    const rule = engine.rules[index]!;
    const visit = (match: RuleMatch) => {
      const judgement = judgeCandidate(engine, rule, match, text);
      if (!judgement.kept) {
        drops?.push({ ruleIndex: index, offset: match.start, reason: judgement.reason, secret: match.secret });
        rejected.note(rule, match.start, match.end, judgement.reason);
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
    if (starts) forEachAnchoredMatch(rule, text, starts, visit);
    else if (spans) for (const span of spans) forEachRuleMatch(rule, text, visit, span);
    else forEachRuleMatch(rule, text, visit);
  }
  return rejected.filter(candidates, engine, drops);
}
