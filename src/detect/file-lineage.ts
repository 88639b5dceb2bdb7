// What detection keeps of the last version of one file, so that the next version of it (a history
// scan meets hundreds of versions of a file, most of them small edits) is passed over only where
// the two differ. Whatever the earlier version, the result is the whole-text result.
import type { KeywordPrefilter, PrefilterResult } from './keyword-prefilter.js';
import type { PrefilterTrace } from './prefilter-trace.js';

export class FileLineage {
  #trace: PrefilterTrace | undefined;
  /** Holds the last version's code units: reused from version to version, not a string kept per version. */
  #buffer = new Uint16Array(0);

  /** The prefilter's result for `text`, the next version of this file; remembered for the one after. */
  prefilter(text: string, prefilter: KeywordPrefilter): PrefilterResult {
    const { result, trace } = prefilter.scanTraced(text, this.#trace);
    if (this.#buffer.length < trace.units.length) this.#buffer = new Uint16Array(Math.max(trace.units.length, 2 * this.#buffer.length));
    const units = this.#buffer.subarray(0, trace.units.length);
    units.set(trace.units);
    this.#trace = { ...trace, units };
    return result;
  }

  /** Code units this lineage holds on to. */
  get size(): number {
    return this.#buffer.length;
  }
}
