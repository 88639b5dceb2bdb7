// Runs the rules the prefilter selected over one text and judges every match.
import type { DropReason } from '../types.js';
import type { Candidate, Drop, Shadow } from './candidate.js';
import type { Engine } from './engine.js';
import { judgeCandidate } from './judge-candidate.js';
import { isLocalReach } from './line-local.js';
import type { PrefilterResult } from './keyword-prefilter.js';
import { forEachRuleMatch, forEachSelectedMatch, type RuleMatch } from './rule-matches.js';
import { carryAnchored, carryReach, dirtyRegions, findingsAfter, findingsBefore, type CarryBasis, type FoundMatch, type RuleFindings } from './rule-carry.js';
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
  /** With `carry`: the findings of the rules a next version of this text may carry (rule-carry.ts), by rule index, and the rules that ran. */
  carried?: CarriedRun;
}

export interface CarriedRun {
  carriable: Map<number, RuleFindings>;
  ran: Set<number>;
}

/**
 * Runs the rules the prefilter selected, in rule order, where it selected them, judging every
 * match. With `carry` (a version of a file whose next version may carry what this one found), the
 * carriable rules' findings are kept, and with its `basis` a carriable rule that ran on the earlier
 * version the same way is matched only near the changed lines, its other findings carried.
 */
export function runRules(text: string, prefiltered: PrefilterResult, engine: Engine, drops: Drop[] | undefined, carry?: { basis?: CarryBasis }): RuleRun {
  const candidates: Candidate[] = [];
  const shadows: Shadow[] = [];
  const stopped: RuleRun['stopped'] = [];
  const carried: CarriedRun | undefined = carry && { carriable: new Map(), ran: new Set() };
  const basis = carry?.basis;
  const dirtyRegionOf = basis && dirtyRegions(text, basis.changed);
  for (const selected of selectRules(engine, prefiltered, text.length)) {
    const { index } = selected;
    carried?.ran.add(index);
    const rule = engine.rules[index]!;
    // Spans depend on where keyword regions fall, which an edit moves: such a run is not carried.
    const reach = carried !== undefined && !drops && !selected.spans ? carryReach(rule) : undefined;
    const found: FoundMatch[] | undefined = reach && [];
    const casts = !rule.bypass && rule.specificity > 0;
    const take = (match: FoundMatch) => {
      if (match.candidate) candidates.push(match.candidate);
      if (match.shadow) shadows.push(match.shadow);
      found?.push(match);
    };
    const visit = (match: RuleMatch) => {
      const { matchStart, matchEnd } = match;
      const judgement = judgeCandidate(engine, rule, match, text);
      if (!judgement.kept) {
        drops?.push({ ruleIndex: index, offset: match.start, reason: judgement.reason, secret: match.secret });
        const shadow = casts && RECOGNISED.has(judgement.reason) ? { ruleIndex: index, secret: match.secret, start: match.start, end: match.end } : undefined;
        take(shadow ? { matchStart, matchEnd, shadow } : { matchStart, matchEnd });
        return;
      }
      const candidate: Candidate = {
        ruleIndex: index,
        secret: match.secret,
        start: match.start,
        end: match.end,
        spanStart: matchStart,
        spanEnd: matchEnd,
        entropy: judgement.entropy,
        checksumValid: judgement.checksumValid,
        decodedFrom: [],
      };
      if (judgement.pending) candidate.pending = judgement.pending;
      take({ matchStart, matchEnd, candidate });
    };
    // An anchored rule that did not run on the earlier version found nothing there (its matches
    // start at its keywords, which unchanged lines keep); another rule's findings are carried only
    // when it ran on the earlier version's whole text too.
    const earlier = reach && basis ? basis.earlier.get(index) ?? (rule.anchor && !basis.ran.has(index) ? NONE : undefined) : undefined;
    if (earlier && reach && basis && dirtyRegionOf && selected.starts) {
      // An anchored rule is tried only at its keywords near the changed lines, not scanned over them.
      carryAnchored(rule, text, selected.starts, earlier, dirtyRegionOf(reach), basis.changed, visit, take);
    } else if (earlier && reach && basis && isLocalReach(reach)) {
      for (const match of findingsBefore(earlier, basis.changed)) take(match);
      forEachRuleMatch(rule, text, visit, basis.changed);
      for (const match of findingsAfter(earlier, basis.changed)) take(match);
    } else if (!rule.guarded || !engine.guard) {
      forEachSelectedMatch(rule, text, selected, visit);
    } else {
      const guarded = engine.guard.matches(text, selected);
      if (guarded.ok) for (const match of guarded.matches) visit(match);
      else stopped.push({ ruleIndex: index, reason: guarded.reason });
    }
    if (found) carried?.carriable.set(index, { matches: found });
  }
  return carried ? { candidates, shadows, stopped, carried } : { candidates, shadows, stopped };
}

const NONE: RuleFindings = { matches: [] };
