// Detection over one text, independent of where the text lives: what the history scanner
// caches per blob. Prefilter → rule regexes → judged candidates → decoded segments scanned
// again (bounded) → inline allow → Matches sorted by position.
import { Secret, type DroppedCandidate, type Match } from '../types.js';
import { DECODE_BUDGET, findEncodedSegments, type DecodeBudget, type EncodedSegment } from './encoded-segments.js';
import type { Engine } from './engine.js';
import { hasInlineAllow } from './inline-allow.js';
import type { Candidate, Drop } from './candidate.js';
import type { PrefilterResult } from './keyword-prefilter.js';
import { LineIndex } from './line-index.js';
import { runRules } from './run-rules.js';

/** Encoded text inside encoded text is decoded too, once. */
const MAX_DECODE_DEPTH = 2;

export function detectContent(text: string, engine: Engine, onDrop?: (dropped: DroppedCandidate) => void): Match[] {
  // CRLF → LF keeps every line number and column, and keeps `\r` out of secrets.
  const source = text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  const drops: Drop[] | undefined = onDrop ? [] : undefined;
  const prefiltered = engine.prefilter.scan(source);
  const candidates = scanLevel(source, prefiltered, engine, 1, { remaining: DECODE_BUDGET }, drops);
  const inlineMarkers = engine.inlineAllowIds.some((id) => prefiltered.found[id] === 1);

  const lines = new LineIndex(source);
  const matches: Match[] = [];
  for (const candidate of withoutSuperseded(sortAndDedupe(candidates), engine, drops)) {
    const rule = engine.rules[candidate.ruleIndex]!;
    if (inlineMarkers && !rule.bypass && hasInlineAllow(source, candidate.spanStart, candidate.spanEnd)) {
      drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: 'inline-allow' });
      continue;
    }
    const start = lines.position(candidate.start);
    const end = lines.position(candidate.end);
    const match: Match = {
      ruleId: rule.rule.id,
      secret: new Secret(candidate.secret),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      entropy: candidate.entropy,
      checksumValid: candidate.checksumValid,
      decodedFrom: candidate.decodedFrom,
    };
    if (candidate.pending) match.pendingAllowlists = candidate.pending;
    matches.push(match);
  }
  if (onDrop && drops) {
    for (const drop of drops) {
      const dropped: DroppedCandidate = { ruleId: engine.rules[drop.ruleIndex]!.rule.id, line: lines.position(drop.offset).line, reason: drop.reason };
      if (drop.secret !== undefined) dropped.secret = new Secret(drop.secret);
      onDrop(dropped);
    }
  }
  return matches;
}

/** Candidates of one text and, decoded, of its encoded segments; offsets are in this text. */
function scanLevel(text: string, prefiltered: PrefilterResult, engine: Engine, depth: number, budget: DecodeBudget,
  drops: Drop[] | undefined): Candidate[] {
  const candidates = runRules(text, prefiltered, engine, drops);
  if (depth > MAX_DECODE_DEPTH || budget.remaining <= 0) return candidates;
  const segments = findEncodedSegments(text, budget);
  if (segments.length === 0) return candidates;

  // All segments decoded into one text (one per line), scanned once.
  const decoded = segments.map((segment) => segment.decoded).join('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const segment of segments) {
    offsets.push(offset);
    offset += segment.decoded.length + 1;
  }
  const segmentAt = (at: number): EncodedSegment => segments[lastAtOrBefore(offsets, at)]!;
  const innerDrops: Drop[] | undefined = drops ? [] : undefined;
  const inner = scanLevel(decoded, engine.prefilter.scan(decoded), engine, depth + 1, budget, innerDrops);

  const direct = candidates.length;
  for (const candidate of inner) {
    const segment = segmentAt(candidate.start);
    // The same secret found as plain text inside the segment is reported there already.
    if (foundDirectly(candidates, direct, candidate, segment)) continue;
    candidates.push({
      ...candidate,
      start: segment.start,
      end: segment.end,
      spanStart: segment.start,
      spanEnd: segment.end,
      decodedFrom: [segment.encoding, ...candidate.decodedFrom],
    });
  }
  for (const drop of innerDrops ?? []) drops!.push({ ...drop, offset: segmentAt(drop.offset).start });
  return candidates;
}

function foundDirectly(candidates: Candidate[], direct: number, decoded: Candidate, segment: EncodedSegment): boolean {
  for (let i = 0; i < direct; i++) {
    const other = candidates[i]!;
    if (other.ruleIndex === decoded.ruleIndex && other.secret === decoded.secret && other.start >= segment.start &&
      other.end <= segment.end) return true;
  }
  return false;
}

function sortAndDedupe(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || a.ruleIndex - b.ruleIndex || a.end - b.end);
  return candidates.filter((candidate, i) => {
    for (let j = i - 1; j >= 0 && candidates[j]!.start === candidate.start; j--) {
      const other = candidates[j]!;
      if (other.ruleIndex === candidate.ruleIndex && other.end === candidate.end && other.secret === candidate.secret) return false;
    }
    return true;
  });
}

/**
 * Drops a candidate whose secret overlaps one found by a more specific rule: a GitHub token
 * assigned to `token =` is a GitHub token, not also a generic secret.
 */
function withoutSuperseded(candidates: Candidate[], engine: Engine, drops: Drop[] | undefined): Candidate[] {
  const ruleOf = (candidate: Candidate) => engine.rules[candidate.ruleIndex]!;
  // Only the few specific candidates are compared against, so many generic ones stay cheap.
  const specific = candidates.filter((candidate) => !ruleOf(candidate).bypass && ruleOf(candidate).specificity > 0);
  if (specific.length === 0) return candidates;
  return candidates.filter((candidate) => {
    const rule = ruleOf(candidate);
    if (rule.bypass) return true;
    const superseded = specific.some((other) =>
      ruleOf(other).specificity > rule.specificity && other.start < candidate.end && candidate.start < other.end);
    if (superseded) drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: 'superseded' });
    return !superseded;
  });
}

/** Index of the last offset ≤ at (offsets ascending, offsets[0] = 0). */
function lastAtOrBefore(offsets: readonly number[], at: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (offsets[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
