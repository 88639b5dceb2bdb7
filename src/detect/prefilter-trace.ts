// A text's prefilter pass kept whole (every accepting state and base64 run), so that the next
// version of the same file is passed over only where it differs from this one. The automaton's
// state at an offset depends only on the `reach` code units before it (the longest keyword), and a
// base64 run ends at the first unit that is not a base64 digit: outside the changed span, widened
// by those margins, the events are the earlier version's, shifted. The trace so composed is the
// one a pass over the whole text makes, event for event (prefilter-trace.test.ts).
import type { DfaPass, DfaScanner } from './dfa-scanner.js';
import { BASE64_ALPHABET } from './encoded-segments.js';
import { commonPrefix, commonSuffix } from './common-ends.js';

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

function composeTrace(units: Uint16Array, scanner: DfaScanner, reach: number, earlier: PrefilterTrace): PrefilterTrace | undefined {
  const before = earlier.units;
  const length = units.length;
  const prefix = commonPrefix(before, units);
  const suffix = commonSuffix(before, units, Math.min(before.length, length) - prefix);
  if (prefix + suffix < WORTH_COMPOSING * length) return undefined;
  const shift = before.length - length; // an offset in the suffix plus shift is the same place in the earlier text

  // Scanned from `from`: far enough back for every keyword ending past the prefix, and where no base64 run continues.
  let from = Math.max(0, prefix - reach);
  while (from > 0 && BASE64[units[from - 1]!] === 1) from--;
  // To `to`: far enough into the suffix for the state to be the earlier text's again, just past a non-base64 unit.
  let to = length;
  for (let at = length - suffix + reach; at < length; at++) {
    if (BASE64[units[at]!] === 0) {
      to = at + 1;
      break;
    }
  }

  const old = earlier.events;
  const scanned = scanner.scan(from, to);
  // Events are (end, state) pairs: the earlier text's up to the prefix's end, the scan's past it, the earlier text's past `to`, shifted.
  const head = pairsEndingBy(old, prefix);
  const middle = scanned.events.subarray(pairsEndingBy(scanned.events, prefix));
  const tail = old.subarray(pairsEndingBy(old, to + shift));
  const events = new Int32Array(head + middle.length + tail.length);
  events.set(old.subarray(0, head));
  events.set(middle, head);
  events.set(tail, head + middle.length);
  for (let k = head + middle.length; k < events.length; k += 2) events[k]! -= shift;
  const runs = earlier.runs.filter((start) => start < from);
  for (const start of scanned.runs) runs.push(start);
  for (const start of earlier.runs) if (start >= to + shift) runs.push(start - shift);
  return { units, events, runs, unchanged: { prefix, suffix, shift } };
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
