// One secret at one place is one finding. A candidate gives way to an overlapping one of a more
// specific rule (a GitHub token assigned to `token =` is a GitHub token, not also a generic
// secret) or to a more specific rule's recognised rejection of the same secret at the same
// place (see Shadow); of candidates of equally specific rules on the same secret at the same
// place, one stays. Registry shapes take
// no part: only the registry can tell whether theirs is the finding (see match-registry.ts).
//
// Sorted by position and swept, so a file of many matches costs n log n, not n².
import type { Candidate, Drop, Shadow } from './candidate.js';
import { countBelow } from './count-below.js';
import type { Engine } from './engine.js';
import { literalPrefixes } from './literal-prefixes.js';
import type { Rule } from '../types.js';

/** Spans sorted by start, with the furthest end among each prefix: "does any overlap [s, e)?" by bisection. */
class SpanIndex {
  readonly #starts: number[];
  readonly #furthestEnds: number[];

  constructor(spans: readonly { start: number; end: number }[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.#starts = sorted.map((span) => span.start);
    this.#furthestEnds = [];
    let furthest = -1;
    for (const span of sorted) this.#furthestEnds.push((furthest = Math.max(furthest, span.end)));
  }

  overlaps(start: number, end: number): boolean {
    // Of the spans starting before `end`, one overlaps iff the furthest of their ends passes `start`.
    const before = countBelow(this.#starts, end);
    return before > 0 && this.#furthestEnds[before - 1]! > start;
  }
}

/** The candidates (in position order) that are the finding at their place, in the same order. */
export function withoutSuperseded(candidates: Candidate[], shadows: readonly Shadow[], engine: Engine, drops: Drop[] | undefined): Candidate[] {
  const ruleOf = (candidate: { ruleIndex: number }) => engine.rules[candidate.ruleIndex]!;
  const superseding: Candidate[] = [];
  for (const candidate of candidates) {
    const rule = ruleOf(candidate);
    if (!rule.bypass && rule.specificity > 0) superseding.push(candidate);
  }
  // Per specificity a candidate may have, the spans of everything more specific (built when first needed).
  const above = new Map<number, SpanIndex>();
  const moreSpecific = (specificity: number): SpanIndex => {
    let index = above.get(specificity);
    if (!index) above.set(specificity, (index = new SpanIndex(superseding.filter((other) => ruleOf(other).specificity > specificity))));
    return index;
  };

  // By start, then secret (which together fix the end, in plain text and in a segment): the most specific rule's rejection.
  const shadowsAt = new Map<number, Map<string, number>>();
  for (const shadow of shadows) {
    const here = shadowsAt.get(shadow.start) ?? new Map<string, number>();
    shadowsAt.set(shadow.start, here);
    here.set(shadow.secret, Math.max(here.get(shadow.secret) ?? 0, ruleOf(shadow).specificity));
  }
  const shadowed = (candidate: Candidate, specificity: number): boolean =>
    (shadowsAt.get(candidate.start)?.get(candidate.secret) ?? 0) > specificity;

  const dropped = new Uint8Array(candidates.length);
  const drop = (at: number, reason: 'superseded' | 'rejected-by-specific-rule' = 'superseded') => {
    dropped[at] = 1;
    const { ruleIndex, start, secret } = candidates[at]!;
    drops?.push({ ruleIndex, offset: start, reason, secret });
  };
  // Candidates of one start at a time: those on the same secret at the same place are among them.
  for (let first = 0, next = 0; first < candidates.length; first = next) {
    const samePlace: number[] = [];
    for (next = first; next < candidates.length && candidates[next]!.start === candidates[first]!.start; next++) {
      const candidate = candidates[next]!;
      const rule = ruleOf(candidate);
      // A path-limited rule is settled against its generic twins once placed (place-matches.ts).
      if (rule.bypass || rule.paths) continue;
      if (superseding.length > 0 && moreSpecific(rule.specificity).overlaps(candidate.start, candidate.end)) drop(next);
      // A rejection is final for generic rules only: another provider's format may well fit the same text.
      else if (rule.specificity === 0 && shadowsAt.size > 0 && shadowed(candidate, 0)) drop(next, 'rejected-by-specific-rule');
      else samePlace.push(next);
    }
    if (samePlace.length > 1) keepOnePerPlace(candidates, samePlace, engine, drop);
  }
  return candidates.filter((_, at) => dropped[at] === 0);
}

/** Of candidates starting at one offset, one per (end, secret): the most specific. */
function keepOnePerPlace(candidates: readonly Candidate[], starting: number[], engine: Engine, drop: (at: number) => void): void {
  const place = (at: number) => candidates[at]!;
  starting.sort((a, b) => place(a).end - place(b).end || (place(a).secret < place(b).secret ? -1 : place(a).secret > place(b).secret ? 1 : 0));
  let best = starting[0]!;
  for (let i = 1; i < starting.length; i++) {
    const at = starting[i]!;
    if (place(at).end !== place(best).end || place(at).secret !== place(best).secret) {
      best = at;
    } else if (better(place(at), place(best), engine)) {
      drop(best);
      best = at;
    } else {
      drop(at);
    }
  }
}

const FORM_LITERALS = new WeakMap<Rule, string[]>();

/**
 * The literals a rule's secrets are recognised by (lower case): its keywords, or for an
 * assignment rule, whose keywords are names, the literal its value starts with (Clerk's `sk_live_`).
 */
function formLiterals(rule: Rule): string[] {
  let literals = FORM_LITERALS.get(rule);
  if (!literals) {
    literals = rule.assignment
      ? (literalPrefixes(rule.assignment.value.replace(/^\(\?i\)/, '')) ?? []).map((literal) => literal.toLowerCase())
      : rule.keywords;
    FORM_LITERALS.set(rule, literals);
  }
  return literals;
}

/**
 * The more specific of two candidates on the same secret and place: proved by a checksum; else
 * recognised by its own form (a keyword of its rule inside the secret: a JWT's `eyJ`; an
 * assignment rule's value prefix) over recognised by what surrounds it (the name it is assigned
 * to); else the one whose match holds more of that surrounding evidence (`YC_SECRET_ACCESS_KEY=`
 * over `SECRET_ACCESS_KEY=`, `CLERK_SECRET_KEY=sk_live_…` over a bare `sk_live_…`); else the rule
 * listed first.
 */
function better(candidate: Candidate, other: Candidate, engine: Engine): boolean {
  const rule = engine.rules[candidate.ruleIndex]!;
  const otherRule = engine.rules[other.ruleIndex]!;
  if (rule.specificity !== otherRule.specificity) return rule.specificity > otherRule.specificity;
  if (candidate.checksumValid !== other.checksumValid) return candidate.checksumValid;
  const secret = candidate.secret.toLowerCase();
  const byForm = (literals: readonly string[]) => literals.some((literal) => secret.includes(literal));
  const form = byForm(formLiterals(rule.rule));
  if (form !== byForm(formLiterals(otherRule.rule))) return form;
  const evidence = (candidate.spanEnd - candidate.spanStart) - (other.spanEnd - other.spanStart);
  if (evidence !== 0) return evidence > 0;
  return candidate.ruleIndex < other.ruleIndex;
}
