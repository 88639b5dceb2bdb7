// A text's prefilter pass kept whole (every accepting state and base64 run), so that the next
// version of the same file is passed over only where it differs from this one. The automaton's
// state at an offset depends only on the `reach` code units before it (the longest keyword), and a
// base64 run ends at the first unit that is not a base64 digit: inside the stretches the versions
// share (their common prefix and suffix, and blocks between, shared-blocks.ts), narrowed by those
// margins, the events are the earlier version's, shifted; only the rest is scanned. The trace so
// composed is the one a pass over the whole text makes, event for event (prefilter-trace.test.ts).
import type { DfaPass, DfaScanner } from './dfa-scanner.js';
import { BASE64_ALPHABET } from './encoded-segments.js';
import { commonPrefix, commonSuffix } from './common-ends.js';
import { countBelow } from './count-below.js';
import { findSharedBlocks, type SharedBlock } from './shared-blocks.js';

export interface PrefilterTrace extends DfaPass {
  /** The text's UTF-16 code units: the scanner's until its next load, so a trace kept is a copy (file-lineage.ts). */
  units: Uint16Array;
  /** A composed trace: how many code units at the start and at the end the earlier text shares with this one. */
  unchanged?: { prefix: number; suffix: number; shift: number };
}

const BASE64 = new Uint8Array(65536);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64[BASE64_ALPHABET.charCodeAt(i)] = 1;

/** Below this share of the text left unchanged, composing saves too little: the text is passed over whole. */
const WORTH_COMPOSING = 0.25;

/** `reach`: the longest keyword's length. `earlier`: a trace of another version of the same file, if any. */
export function traceText(text: string, scanner: DfaScanner, reach: number, earlier?: PrefilterTrace): PrefilterTrace {
  const units = scanner.load(text);
  return (earlier && composeTrace(units, scanner, reach, earlier)) ?? { units, ...scanner.scan(0, units.length) };
}

/**
 * A stretch of this text whose events and runs are the earlier text's, shifted: events ending in
 * (eventsFrom, end] and runs starting in [eventsFrom, runsTo). An offset here plus `shift` is the
 * same place in the earlier text.
 */
interface Reused {
  eventsFrom: number;
  end: number;
  runsTo: number;
  shift: number;
}

function composeTrace(units: Uint16Array, scanner: DfaScanner, reach: number, earlier: PrefilterTrace): PrefilterTrace | undefined {
  const before = earlier.units;
  const length = units.length;
  const prefix = commonPrefix(before, units);
  const suffix = commonSuffix(before, units, Math.min(before.length, length) - prefix);
  const shift = before.length - length;
  const blocks: SharedBlock[] = [{ start: 0, end: prefix, shift: 0 }];
  findSharedBlocks(units, before, prefix, length - suffix, prefix, before.length - suffix, blocks);
  blocks.push({ start: length - suffix, end: length, shift });
  const reused = blocks.flatMap((block) => reusedPart(units, before.length, reach, block) ?? []);
  if (reused.reduce((sum, part) => sum + part.end - part.eventsFrom, 0) < WORTH_COMPOSING * length) return undefined;

  const old = earlier.events;
  const pieces: Int32Array[] = [];
  const runs: number[] = [];
  const take = (part: Reused) => {
    const piece = old.slice(pairsEndingBy(old, part.eventsFrom + part.shift), pairsEndingBy(old, part.end + part.shift));
    for (let k = 0; k < piece.length; k += 2) piece[k]! -= part.shift;
    pieces.push(piece);
    const oldRuns = earlier.runs;
    for (let k = countBelow(oldRuns, part.eventsFrom + part.shift); k < oldRuns.length && oldRuns[k]! < part.runsTo + part.shift; k++) {
      runs.push(oldRuns[k]! - part.shift);
    }
  };
  // Between two reused stretches the text is scanned, from the first one's runsTo to the next
  // one's eventsFrom (or the text's end), keeping the events that end past the first one.
  const scan = (left: Reused, to: number) => {
    const scanned = scanner.scan(left.runsTo, to);
    pieces.push(scanned.events.subarray(pairsEndingBy(scanned.events, left.end)));
    for (const start of scanned.runs) runs.push(start);
  };
  take(reused[0]!);
  for (let k = 1; k < reused.length; k++) {
    scan(reused[k - 1]!, reused[k]!.eventsFrom);
    take(reused[k]!);
  }
  const last = reused[reused.length - 1]!;
  if (last.runsTo < length) scan(last, length);
  const events = new Int32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    events.set(piece, at);
    at += piece.length;
  }
  return { units, events, runs, unchanged: { prefix, suffix, shift } };
}

/**
 * What of a shared block is reused. Its events from `reach` units past its start, just past a
 * non-base64 unit (so the state reads only the block, and no run continues into it); a block
 * that starts both texts, from its start. Its runs up to `reach` units before its end, back to a non-base64
 * unit (so a scan from there starts in the right state, and a run there ends in the block); a
 * block that ends both texts, to its end. Undefined: too short to reuse.
 */
function reusedPart(units: Uint16Array, earlierLength: number, reach: number, block: SharedBlock): Reused | undefined {
  let eventsFrom = block.start;
  if (block.start > 0 || block.shift !== 0) {
    let at = block.start + reach;
    while (at < block.end && BASE64[units[at]!] === 1) at++;
    if (at >= block.end) return undefined;
    eventsFrom = at + 1;
  }
  let runsTo = block.end;
  if (block.end < units.length || block.end + block.shift < earlierLength) {
    runsTo = Math.max(0, block.end - reach);
    if (runsTo < eventsFrom) return undefined;
    while (runsTo > eventsFrom && BASE64[units[runsTo - 1]!] === 1) runsTo--;
  }
  return { eventsFrom, end: block.end, runsTo, shift: block.shift };
}

/** How many of the flattened (end, state) pairs' numbers belong to pairs ending at or before `offset`. */
function pairsEndingBy(events: Int32Array, offset: number): number {
  let low = 0;
  let high = events.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[2 * mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return 2 * low;
}
