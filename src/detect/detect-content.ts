// Detection over one text, independent of where the text lives: what the history scanner
// caches per blob. Prefilter → rule regexes → judged candidates → decoded segments scanned
// again (bounded) → one finding per place (supersede.ts) → inline allow → at most
// MAX_LISTED_PER_RULE Matches per rule (list-cap.ts), sorted by position.
import { Secret, type DroppedCandidate, type Match } from '../types.js';
import { DECODE_BUDGET, findEncodedSegments, type DecodeBudget, type EncodedSegment } from './encoded-segments.js';
import type { Engine } from './engine.js';
import { hasInlineAllow } from './inline-allow.js';
import type { Candidate, Drop } from './candidate.js';
import type { PrefilterResult } from './keyword-prefilter.js';
import type { FileLineage } from './file-lineage.js';
import { countBelow } from './count-below.js';
import { LineIndex, type Position } from './line-index.js';
import { capListed } from './list-cap.js';
import { runRules, type RuleRun } from './run-rules.js';
import { withoutSuperseded } from './supersede.js';

/** Encoded text inside encoded text is decoded too, once. */
const MAX_DECODE_DEPTH = 2;

export interface DetectOptions {
  /** Told each candidate dropped, and why (debug logging). */
  onDrop?: (dropped: DroppedCandidate) => void;
  /** Only matches starting on these 1-based lines count (a staged file's added lines). */
  lines?: ReadonlySet<number>;
  /** Told each user rule that did not run to the end on this text (see rule-guard.ts): its matches here are missing. */
  onRuleStopped?: (ruleId: string, reason: string) => void;
  /** Another version of the same file, detected before: this text is passed over only where it differs (file-lineage.ts). */
  lineage?: FileLineage;
}

export function detectContent(text: string, engine: Engine, options: DetectOptions = {}): Match[] {
  const { onDrop, lines } = options;
  // CRLF → LF keeps every line number and column, and keeps `\r` out of secrets.
  const source = text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  const drops: Drop[] | undefined = onDrop ? [] : undefined;
  const prefiltered = options.lineage ? options.lineage.prefilter(source, engine.prefilter) : engine.prefilter.scan(source);
  // Debug runs want every drop: they match every line, and carry nothing to the next version.
  const lineage = drops ? undefined : options.lineage;
  const { candidates, shadows, stopped } = scanLevel(source, prefiltered, engine, 1, { remaining: DECODE_BUDGET }, drops, lineage);
  const told = new Set<number>();
  for (const { ruleIndex, reason } of stopped) {
    if (!told.has(ruleIndex)) options.onRuleStopped?.(engine.rules[ruleIndex]!.rule.id, reason);
    told.add(ruleIndex);
  }
  const inlineMarkers = engine.inlineAllowIds.some((id) => prefiltered.found[id] === 1);

  const index = new LineIndex(source);
  const reportable: { candidate: Candidate; start: Position }[] = [];
  for (const candidate of withoutSuperseded(sortAndDedupe(candidates), shadows, engine, drops)) {
    const rule = engine.rules[candidate.ruleIndex]!;
    if (inlineMarkers && !rule.bypass && hasInlineAllow(source, candidate.spanStart, candidate.spanEnd)) {
      drops?.push({ ruleIndex: candidate.ruleIndex, offset: candidate.start, reason: 'inline-allow' });
      continue;
    }
    const start = index.position(candidate.start);
    if (!lines || lines.has(start.line)) reportable.push({ candidate, start });
  }
  // Registry shapes are never capped (a registered key is always reported), nor a match an
  // allowlist may yet drop where it is placed: it must not stand for others.
  const { listed, notListed } = capListed(reportable, ({ candidate }) =>
    engine.rules[candidate.ruleIndex]!.bypass || candidate.pending ? undefined : candidate.ruleIndex);
  const matches = listed.map((item): Match => {
    const { candidate, start } = item;
    const end = index.position(candidate.end);
    const match: Match = {
      ruleId: engine.rules[candidate.ruleIndex]!.rule.id,
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
    const more = notListed.get(item);
    if (more !== undefined) match.notListed = more;
    return match;
  });
  if (onDrop && drops) {
    for (const drop of drops) {
      const dropped: DroppedCandidate = { ruleId: engine.rules[drop.ruleIndex]!.rule.id, line: index.position(drop.offset).line, reason: drop.reason };
      if (drop.secret !== undefined) dropped.secret = new Secret(drop.secret);
      onDrop(dropped);
    }
  }
  return matches;
}

/** Candidates and shadows of one text and, decoded, of its encoded segments; offsets are in this text. */
function scanLevel(text: string, prefiltered: PrefilterResult, engine: Engine, depth: number, budget: DecodeBudget,
  drops: Drop[] | undefined, lineage?: FileLineage): RuleRun {
  const found = runRules(text, prefiltered, engine, drops, lineage && { basis: lineage.basis });
  if (found.carried) lineage?.remember(found.carried);
  if (depth > MAX_DECODE_DEPTH || budget.remaining <= 0) return found;
  const segments = findEncodedSegments(text, prefiltered.base64Runs, budget);
  if (segments.length === 0) return found;

  // All segments decoded into one text (one per line), scanned once.
  const decoded = segments.map((segment) => segment.decoded).join('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const segment of segments) {
    offsets.push(offset);
    offset += segment.decoded.length + 1;
  }
  const segmentAt = (at: number): EncodedSegment => segments[countBelow(offsets, at + 1) - 1]!;
  const innerDrops: Drop[] | undefined = drops ? [] : undefined;
  const inner = scanLevel(decoded, engine.prefilter.scan(decoded), engine, depth + 1, budget, innerDrops);

  const { candidates, shadows } = found;
  const direct = inner.candidates.length > 0 ? directPlaces(candidates) : undefined;
  for (const candidate of inner.candidates) {
    const segment = segmentAt(candidate.start);
    // The same secret found as plain text inside the segment is reported there already.
    if (foundDirectly(direct!, candidate, segment)) continue;
    candidates.push({
      ...candidate,
      start: segment.start,
      end: segment.end,
      spanStart: segment.start,
      spanEnd: segment.end,
      decodedFrom: [segment.encoding, ...candidate.decodedFrom],
    });
  }
  for (const shadow of inner.shadows) {
    const segment = segmentAt(shadow.start);
    shadows.push({ ...shadow, start: segment.start, end: segment.end });
  }
  for (const stop of inner.stopped) found.stopped.push(stop);
  for (const drop of innerDrops ?? []) drops!.push({ ...drop, offset: segmentAt(drop.offset).start });
  return found;
}

/** Starts of the plain-text candidates, ascending, by rule and secret. */
function directPlaces(candidates: readonly Candidate[]): Map<string, number[]> {
  const places = new Map<string, number[]>();
  for (const { ruleIndex, secret, start } of candidates) {
    const key = `${ruleIndex}:${secret}`;
    const starts = places.get(key);
    if (starts) starts.push(start);
    else places.set(key, [start]);
  }
  for (const starts of places.values()) starts.sort((a, b) => a - b);
  return places;
}

function foundDirectly(direct: ReadonlyMap<string, readonly number[]>, decoded: Candidate, segment: EncodedSegment): boolean {
  const starts = direct.get(`${decoded.ruleIndex}:${decoded.secret}`);
  if (!starts) return false;
  const first = starts[countBelow(starts, segment.start)];
  return first !== undefined && first + decoded.secret.length <= segment.end;
}

/** Candidates in position order (then rule, then end; found order within), each (rule, place, secret) once. */
function sortAndDedupe(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || a.ruleIndex - b.ruleIndex || a.end - b.end);
  const samePlace = (a: Candidate, b: Candidate) => a.start === b.start && a.ruleIndex === b.ruleIndex && a.end === b.end;
  const unique: Candidate[] = [];
  // Only an encoded segment holds several secrets of one rule at one place: the secrets seen there.
  let secrets: Set<string> | undefined;
  for (const candidate of candidates) {
    const previous = unique.at(-1);
    if (!previous || !samePlace(previous, candidate)) {
      secrets = undefined;
      unique.push(candidate);
      continue;
    }
    secrets ??= new Set([previous.secret]);
    if (secrets.has(candidate.secret)) continue;
    secrets.add(candidate.secret);
    unique.push(candidate);
  }
  return unique;
}
