// A rejection is final: a match a specific rule rejected as no token at all — a wrong
// checksum, a placeholder, a documentation stopword — is not a secret of any other kind
// either, so a generic rule matching the same text must not report it (`token = "ghp_…"`
// with a bad checksum is not a generic secret).
import type { DropReason } from '../types.js';
import type { Candidate, Drop } from './candidate.js';
import type { Engine, EngineRule } from './engine.js';

const FINAL: ReadonlySet<DropReason> = new Set<DropReason>(['checksum', 'placeholder', 'stopword']);

export class RejectedSpans {
  private readonly spans: { start: number; end: number }[] = [];

  /** Records a dropped match when the rule is specific and the reason final. */
  note(rule: EngineRule, start: number, end: number, reason: DropReason): void {
    if (rule.specificity > 0 && !rule.bypass && FINAL.has(reason)) this.spans.push({ start, end });
  }

  /** The candidates less the generic ones overlapping a rejected span: O((n + m) log m). */
  filter(candidates: Candidate[], engine: Engine, drops: Drop[] | undefined): Candidate[] {
    if (this.spans.length === 0) return candidates;
    const spans = this.spans.sort((a, b) => a.start - b.start);
    // reach[i]: the furthest end among spans[0..i], so one binary search answers "overlaps any".
    const reach: number[] = [];
    for (const [i, span] of spans.entries()) reach.push(Math.max(span.end, i > 0 ? reach[i - 1]! : 0));
    return candidates.filter((candidate) => {
      const rule = engine.rules[candidate.ruleIndex]!;
      if (rule.specificity > 0 || rule.bypass) return true;
      const last = lastStartingBefore(spans, candidate.end);
      const rejected = last >= 0 && reach[last]! > candidate.start;
      if (rejected) drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: 'rejected-by-specific-rule', secret: candidate.secret });
      return !rejected;
    });
  }
}

/** Index of the last span starting before `end` (spans sorted by start), or -1. */
function lastStartingBefore(spans: readonly { start: number }[], end: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.start < end) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
