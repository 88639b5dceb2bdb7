// What a rule found in the earlier version of a file, carried to the next version outside the
// lines an edit can change its matches on (file-lineage.ts). A line-local rule (line-local.ts)
// finds the same on an unchanged line, so only the changed lines are matched again. A rule
// whose reach is bounded by a few lines (the assignment rules' `\s{0,64}`) is tried again at its
// starts from that many lines before the change, until its tries fall in step with the earlier
// version's again. Offsets past the change are shifted.
import type { Candidate, Shadow } from './candidate.js';
import { countBelow } from './count-below.js';
import type { EngineRule } from './engine.js';
import { lineReach, type LineReach } from './line-local.js';
import { forEachAnchoredMatch, type MatchingRule, type RuleMatch } from './rule-matches.js';

/** One match of a rule's regex, and what judging it gave: a candidate, a shadow, or neither. */
export interface FoundMatch {
  matchStart: number;
  matchEnd: number;
  candidate?: Candidate;
  shadow?: Shadow;
}

/** Every match of one rule's regex in a text, judged, in position order: dropped ones too, as they decide where the next may start. */
export interface RuleFindings {
  matches: FoundMatch[];
}

/** The lines of a text that differ from its earlier version: [start, end), whole lines; earlier offsets past them are `shift` larger. */
export interface ChangedLines {
  start: number;
  end: number;
  shift: number;
}

/** The earlier version's findings of its carriable rules, by rule index, the rules that ran on it, and where this version differs. */
export interface CarryBasis {
  earlier: ReadonlyMap<number, RuleFindings>;
  ran: ReadonlySet<number>;
  changed: ChangedLines;
}

const reaches = new WeakMap<EngineRule, LineReach | null>();

/** How far a rule whose findings can be carried reads (line-local: 0 both ways); undefined when they cannot (unbounded, or a user rule run under a time budget elsewhere). */
export function carryReach(rule: EngineRule): LineReach | undefined {
  if (rule.guarded) return undefined;
  let reach = reaches.get(rule);
  if (reach === undefined) reaches.set(rule, (reach = lineReach(rule.scanner) ?? null));
  return reach ?? undefined;
}

/** The earlier matches before the changed lines. */
export function findingsBefore(earlier: RuleFindings, changed: ChangedLines): FoundMatch[] {
  return earlier.matches.filter((match) => match.matchStart < changed.start);
}

/** The earlier matches after the changed lines, at their offsets in this version. */
export function findingsAfter(earlier: RuleFindings, changed: ChangedLines): FoundMatch[] {
  const from = changed.end + changed.shift;
  return earlier.matches.filter((match) => match.matchStart >= from).map((match) => shifted(match, changed.shift));
}

/**
 * An anchored rule of bounded reach on a new version: its earlier matches starting where no try
 * reads a changed line are taken as they are, before the change, and shifted, past it; between,
 * it is tried at its starts. Past the change, the first start both versions' tries reach (neither
 * inside a match) puts them in step: from there the earlier matches are taken.
 */
export function carryAnchored(rule: MatchingRule, text: string, starts: readonly number[], earlier: RuleFindings, dirty: DirtyRegion,
  changed: ChangedLines, visit: (match: RuleMatch) => void, take: (match: FoundMatch) => void): void {
  const { start, end } = dirty;
  const old = earlier.matches;
  let k = 0;
  for (; k < old.length && old[k]!.matchStart < start; k++) take(old[k]!);
  let inStep = -1;
  forEachAnchoredMatch(rule, text, starts.slice(countBelow(starts, start)), visit, k > 0 ? old[k - 1]!.matchEnd : 0, (at, next) => {
    if (at < end || at < next) return false;
    const earlierAt = at + changed.shift;
    while (k < old.length && old[k]!.matchStart < earlierAt) k++;
    if (k > 0 && old[k - 1]!.matchEnd > earlierAt) return false;
    inStep = k;
    return true;
  });
  if (inStep >= 0) for (let j = inStep; j < old.length; j++) take(shifted(old[j]!, changed.shift));
}

/** Where a try may read a changed line. */
export interface DirtyRegion {
  start: number;
  end: number;
}

/** The dirty region of each reach in a text, found once per reach (rules share a few). */
export function dirtyRegions(text: string, changed: ChangedLines): (reach: LineReach) => DirtyRegion {
  const regions = new Map<string, DirtyRegion>();
  return (reach) => {
    const key = `${reach.forward} ${reach.backward}`;
    let region = regions.get(key);
    if (!region) regions.set(key, (region = dirtyRegion(text, changed, reach)));
    return region;
  };
}

/**
 * From `forward` lines before the changed lines (a try reads up to the line break after the ones
 * it may consume) to `backward` lines after them.
 */
function dirtyRegion(text: string, changed: ChangedLines, reach: LineReach): DirtyRegion {
  let start = changed.start;
  for (let line = 0; line < reach.forward && start > 0; line++) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = changed.end;
  for (let line = 0; line < reach.backward && end < text.length; line++) {
    const lineBreak = text.indexOf('\n', end);
    end = lineBreak < 0 ? text.length : lineBreak + 1;
  }
  return { start, end };
}

function shifted(match: FoundMatch, shift: number): FoundMatch {
  const { matchStart, matchEnd, candidate, shadow } = match;
  const moved: FoundMatch = { matchStart: matchStart - shift, matchEnd: matchEnd - shift };
  if (candidate) {
    moved.candidate = { ...candidate, start: candidate.start - shift, end: candidate.end - shift, spanStart: candidate.spanStart - shift, spanEnd: candidate.spanEnd - shift };
  }
  if (shadow) moved.shadow = { ...shadow, start: shadow.start - shift, end: shadow.end - shift };
  return moved;
}
