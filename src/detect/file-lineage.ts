// What detection keeps of the last version of one file, so that the next version of it (a history
// scan meets hundreds of versions of a file, most of them small edits) is passed over only where
// the two differ: the prefilter's trace (prefilter-trace.ts) and the carriable rules' findings
// (rule-carry.ts). Whatever the earlier version, the result is the whole-text result.
import type { KeywordPrefilter, PrefilterResult } from './keyword-prefilter.js';
import type { PrefilterTrace } from './prefilter-trace.js';
import type { CarryBasis, ChangedLines } from './rule-carry.js';
import type { CarriedRun } from './run-rules.js';

export class FileLineage {
  #trace: PrefilterTrace | undefined;
  /** Holds the last version's code units: reused from version to version, not a string kept per version. */
  #buffer = new Uint16Array(0);
  /** What the rules found on the version before the one just prefiltered (none: they were not remembered), and on this one. */
  #earlier: CarriedRun | undefined;
  #latest: CarriedRun | undefined;
  #changed: ChangedLines | undefined;

  /** The prefilter's result for `text`, the next version of this file; remembered for the one after. */
  prefilter(text: string, prefilter: KeywordPrefilter): PrefilterResult {
    const { result, trace } = prefilter.scanTraced(text, this.#trace);
    if (this.#buffer.length < trace.units.length) this.#buffer = new Uint16Array(Math.max(trace.units.length, 2 * this.#buffer.length));
    const units = this.#buffer.subarray(0, trace.units.length);
    units.set(trace.units);
    this.#trace = { ...trace, units };
    this.#earlier = this.#latest;
    this.#latest = undefined;
    this.#changed = trace.unchanged && changedLines(text, trace.unchanged);
    return result;
  }

  /** What the rules may carry from the earlier version to the one just prefiltered; undefined: they all run whole. */
  get basis(): CarryBasis | undefined {
    if (!this.#changed || !this.#earlier) return undefined;
    return { earlier: this.#earlier.carriable, ran: this.#earlier.ran, changed: this.#changed };
  }

  /** Keeps what the rules found on the version just prefiltered, for the next. */
  remember(run: CarriedRun): void {
    this.#latest = run;
  }

  /** Code units this lineage holds on to. */
  get size(): number {
    return this.#buffer.length;
  }
}

/** The whole lines holding every changed code unit: from the start of the line where the shared prefix ends to just past the first line break of the shared suffix. */
function changedLines(text: string, unchanged: { prefix: number; suffix: number; shift: number }): ChangedLines {
  const start = unchanged.prefix === 0 ? 0 : text.lastIndexOf('\n', unchanged.prefix - 1) + 1;
  const lineBreak = text.indexOf('\n', text.length - unchanged.suffix);
  return { start, end: lineBreak < 0 ? text.length : lineBreak + 1, shift: unchanged.shift };
}
