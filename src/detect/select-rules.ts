// Which rules run on a text, and where: the rules whose keywords the prefilter found. In a
// text longer than two regions, a rule runs only on the spans of regions holding one of its
// keywords or next to one that does — a minified bundle mentions every keyword somewhere.
import type { Engine } from './engine.js';
import { REGION_SIZE, type PrefilterResult } from './keyword-prefilter.js';

/** Offsets in the text where a rule's matches may start. */
export interface Span {
  start: number;
  end: number;
}

/** A rule to run: at the places an anchored rule may match, or on spans, or (neither) on the whole text. */
export interface SelectedRule {
  index: number;
  /** An anchored rule's possible match starts, ascending (see anchorStarts). */
  starts?: number[];
  spans?: Span[];
}

export function selectRules(engine: Engine, prefiltered: PrefilterResult, length: number): SelectedRule[] {
  // 2: runs everywhere (no keyword); 1: a keyword of the rule was found.
  const selected = new Uint8Array(engine.rules.length);
  const indexes: number[] = [];
  for (const index of engine.alwaysRun) {
    selected[index] = 2;
    indexes.push(index);
  }
  // From the few keywords found, not over every keyword and rule: most texts select a handful of hundreds.
  for (const id of prefiltered.foundIds) {
    for (const index of engine.rulesByKeyword[id]!) {
      if (selected[index] !== 0) continue;
      selected[index] = 1;
      indexes.push(index);
    }
  }
  indexes.sort((a, b) => a - b);
  const { regions } = prefiltered;
  const rules: SelectedRule[] = [];
  for (const index of indexes) {
    const starts = engine.rules[index]!.anchor ? anchorStarts(engine, index, prefiltered, length) : undefined;
    if (starts) {
      rules.push({ index, starts });
      continue;
    }
    const spans = regions && selected[index] === 1 ? ruleSpans(engine, index, regions, length) : undefined;
    rules.push(spans ? { index, spans } : { index });
  }
  return rules;
}

/** The spans of regions near the rule's keywords; undefined when they cover the whole text. */
function ruleSpans(engine: Engine, index: number, regions: Uint8Array[], length: number): Span[] | undefined {
  const ids = engine.keywordIdsByRule[index]!;
  const near = new Uint8Array(regions.length);
  regions.forEach((here, region) => {
    if (!ids.some((id) => here[id] === 1)) return;
    near[region] = 1;
    if (region > 0) near[region - 1] = 1;
    if (region + 1 < regions.length) near[region + 1] = 1;
  });
  if (near.every((flag) => flag === 1)) return undefined;
  const spans: Span[] = [];
  for (let region = 0; region < near.length; region++) {
    if (near[region] === 0) continue;
    const start = region * REGION_SIZE;
    while (region + 1 < near.length && near[region + 1] === 1) region++;
    spans.push({ start, end: Math.min(length, (region + 1) * REGION_SIZE) });
  }
  return spans;
}

/**
 * Sparser than this many characters per place, trying an anchored rule at each place beats
 * running its regex over the text (measured on source code: a failed sticky try costs about as
 * much as the regex scanning 10–30 characters).
 */
const ANCHOR_SPACING = 24;

/** Where an anchored rule's matches may start, ascending; undefined when running it everywhere is cheaper. */
function anchorStarts(engine: Engine, index: number, prefiltered: PrefilterResult, length: number): number[] | undefined {
  const lists: number[][] = [];
  let count = 0;
  for (const id of engine.keywordIdsByRule[index]!) {
    const starts = prefiltered.starts[id];
    if (starts) lists.push(starts), (count += starts.length);
  }
  if (count * ANCHOR_SPACING > length) return undefined;
  return lists.length === 1 ? lists[0] : lists.reduce(mergeAscending);
}

/** Two ascending lists as one, each offset once: linear (sorting their concatenation took a sixth of a lodash history scan's rule time). */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}
