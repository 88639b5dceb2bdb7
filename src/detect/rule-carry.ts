// What a rule found in the earlier version of a file, carried to the next version outside the
// lines that changed: a line-local rule (line-local.ts) finds the same on an unchanged line, so
// only the changed lines are matched again (file-lineage.ts). Offsets past the change are shifted.
import type { Candidate, Shadow } from './candidate.js';
import type { EngineRule } from './engine.js';
import { isLineLocal } from './line-local.js';

/** One rule's judged matches in a text, in position order. */
export interface RuleFindings {
  candidates: Candidate[];
  shadows: Shadow[];
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

const lineLocal = new WeakMap<EngineRule, boolean>();

/** A rule whose findings can be carried: line-local and not a user rule run under a time budget elsewhere. */
export function isCarriable(rule: EngineRule): boolean {
  if (rule.guarded) return false;
  let local = lineLocal.get(rule);
  if (local === undefined) lineLocal.set(rule, (local = isLineLocal(rule.scanner)));
  return local;
}

/** The earlier findings before the changed lines. */
export function findingsBefore(earlier: RuleFindings, changed: ChangedLines): RuleFindings {
  return {
    candidates: earlier.candidates.filter((candidate) => candidate.spanStart < changed.start),
    shadows: earlier.shadows.filter((shadow) => shadow.start < changed.start),
  };
}

/** The earlier findings after the changed lines, at their offsets in this version. */
export function findingsAfter(earlier: RuleFindings, changed: ChangedLines): RuleFindings {
  const from = changed.end + changed.shift;
  const shift = changed.shift;
  return {
    candidates: earlier.candidates
      .filter((candidate) => candidate.spanStart >= from)
      .map((candidate) => ({ ...candidate, start: candidate.start - shift, end: candidate.end - shift, spanStart: candidate.spanStart - shift, spanEnd: candidate.spanEnd - shift })),
    shadows: earlier.shadows.filter((shadow) => shadow.start >= from).map((shadow) => ({ ...shadow, start: shadow.start - shift, end: shadow.end - shift })),
  };
}
