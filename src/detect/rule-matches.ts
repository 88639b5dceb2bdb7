// Runs one rule's regex over a text and locates each match's secret exactly.
import type { EngineRule } from './engine.js';
import type { SelectedRule, Span } from './select-rules.js';

/** What matching needs of a rule: its regexes and its secret group (an EngineRule, or a rule-guard worker's copy). */
export type MatchingRule = Pick<EngineRule, 'scanner' | 'anchor' | 'withIndices' | 'casedStarts'> & { rule: Pick<EngineRule['rule'], 'secretGroup'> };

export interface RuleMatch {
  secret: string;
  /** Offsets of the secret in the text. */
  start: number;
  end: number;
  /** Offsets of the whole regex match. */
  matchStart: number;
  matchEnd: number;
}

/**
 * How far before a span its scan starts, so the cut cannot create a match starting in the
 * span (`\b`, lookbehinds), and how far past it a match starting in it may run (PEM blocks).
 */
const LEAD_IN = 1024;
const RUN_OUT = 16 * 1024;

/** Calls visit for every match of the rule in the text, or only those starting in `span`. */
export function forEachRuleMatch(rule: MatchingRule, text: string, visit: (match: RuleMatch) => void, span?: Span): void {
  const from = span ? Math.max(0, span.start - LEAD_IN) : 0;
  const subject = span ? text.slice(from, Math.min(text.length, span.end + RUN_OUT)) : text;
  const scanner = rule.scanner;
  scanner.lastIndex = span ? span.start - from : 0;
  for (let found = scanner.exec(subject); found !== null; found = scanner.exec(subject)) {
    if (found[0].length === 0) {
      scanner.lastIndex++; // a zero-width match (lookarounds only) must not stall the loop
      continue;
    }
    if (span && from + found.index >= span.end) break;
    visit(ruleMatch(rule, found, from));
  }
}

/**
 * The same matches for a rule whose every match starts with one of its keywords, trying its
 * regex only at `starts` (ascending), where the prefilter saw them. From `next` on (a match before
 * the first start ends there); `stop` ends the tries before a start.
 */
export function forEachAnchoredMatch(rule: MatchingRule, text: string, starts: readonly number[], visit: (match: RuleMatch) => void,
  next = 0, stop?: (start: number, next: number) => boolean): void {
  const anchor = rule.anchor!;
  const cased = rule.casedStarts;
  // As in an exec loop, no match starts inside the previous one.
  for (const start of starts) {
    if (stop?.(start, next)) return;
    if (start < next) continue;
    // A comparison, where a regex run costs a call into the regex engine.
    if (cased && !startsWithOneOf(text, cased, start)) continue;
    anchor.lastIndex = start;
    const found = anchor.exec(text);
    if (found === null || found[0].length === 0) continue;
    visit(ruleMatch(rule, found, 0));
    next = start + found[0].length;
  }
}

/** A plain loop: it runs at every anchored try, where a closure per try would be allocated. */
function startsWithOneOf(text: string, literals: readonly string[], at: number): boolean {
  for (const literal of literals) if (text.startsWith(literal, at)) return true;
  return false;
}

/** Calls visit for every match of the rule where selectRules says it may match. */
export function forEachSelectedMatch(rule: MatchingRule, text: string, where: Pick<SelectedRule, 'starts' | 'spans'>,
  visit: (match: RuleMatch) => void): void {
  if (where.starts) forEachAnchoredMatch(rule, text, where.starts, visit);
  else if (where.spans) for (const span of where.spans) forEachRuleMatch(rule, text, visit, span);
  else forEachRuleMatch(rule, text, visit);
}

/** A match found in text.slice(from), placed in the text. */
function ruleMatch(rule: MatchingRule, found: RegExpExecArray, from: number): RuleMatch {
  const matchStart = from + found.index;
  const { secret, group } = secretOf(rule, found);
  const start = group === 0 ? matchStart : from + secretStart(rule, found, secret, group);
  return { secret, start, end: start + secret.length, matchStart, matchEnd: matchStart + found[0].length };
}

/**
 * The secret group's text. When the configured group is empty or took no part in the match
 * (one branch of an alternation), the first non-empty group holds the secret, else the whole
 * match — as gitleaks reads rules without a secretGroup.
 */
function secretOf(rule: MatchingRule, found: RegExpExecArray): { secret: string; group: number | string } {
  const group = rule.rule.secretGroup;
  if (group === 0) return { secret: found[0], group: 0 };
  const value = typeof group === 'string' ? found.groups?.[group] : found[group];
  if (value) return { secret: value, group };
  for (let i = 1; i < found.length; i++) if (found[i]) return { secret: found[i]!, group: i };
  return { secret: found[0], group: 0 };
}

/** Where the secret group starts: by search in the match when unambiguous, else by match indices. */
function secretStart(rule: MatchingRule, found: RegExpExecArray, secret: string, group: number | string): number {
  const at = found[0].indexOf(secret);
  if (at >= 0 && found[0].indexOf(secret, at + 1) < 0) return found.index + at;
  // The secret's text occurs twice in the match: only the regex knows which is the group.
  // `d` costs on every match, so a copy with it re-runs this one match only.
  const withIndices = (rule.withIndices ??= new RegExp(rule.scanner.source, `${rule.scanner.flags}d`));
  withIndices.lastIndex = found.index;
  const indices = withIndices.exec(found.input)!.indices!;
  const span = typeof group === 'string' ? indices.groups![group] : indices[group];
  return span![0];
}
