// The stretches two versions of a text share between their common prefix and suffix: an edit at
// the top of a file (a version number) and another far below leave most of the file between them
// unchanged. Found by searching the earlier text for a window of the changed part and extending
// the hit both ways, then the same on either side; any block found is shared, so a wrong guess
// only costs reuse, never exactness.
import { commonPrefix, commonSuffix, indexOfUnits } from './common-ends.js';

/** Units [start, end) of a text that are units [start + shift, end + shift) of its earlier version. */
export interface SharedBlock {
  start: number;
  end: number;
  shift: number;
}

/** A differing stretch shorter than this is passed over, not searched. */
const SEARCHED = 4096;
/** Units searched for: long enough to be rare in code. */
const WINDOW = 64;
/** A shared block shorter than this saves less than finding it costs. */
const KEPT = 1024;
/** Units either side of where a window is likeliest to be in the earlier text, searched first. */
const NEAR = 8192;
/** Where in a differing stretch a window is taken, in turn, until one extends to a block. */
const TRIED_AT = [0.5, 0.25, 0.75];

/**
 * Appends, in order, shared blocks of `units` [from, to) and `earlier` [earlierFrom, earlierTo),
 * each block's earlier place after the one before it.
 */
export function findSharedBlocks(units: Uint16Array, earlier: Uint16Array, from: number, to: number, earlierFrom: number, earlierTo: number,
  blocks: SharedBlock[]): void {
  if (to - from < SEARCHED || earlierTo - earlierFrom < SEARCHED) return;
  for (const fraction of TRIED_AT) {
    const at = from + Math.floor((to - from - WINDOW) * fraction);
    const earlierAt = search(units.subarray(at, at + WINDOW), earlier, earlierFrom, earlierTo,
      earlierFrom + Math.floor((at - from) * (earlierTo - earlierFrom) / (to - from)));
    if (earlierAt < 0) continue;
    const found = earlierAt - earlierFrom;
    const back = commonSuffix(earlier.subarray(earlierFrom, earlierAt), units.subarray(from, at), Math.min(found, at - from));
    const ahead = commonPrefix(earlier.subarray(earlierAt, earlierTo), units.subarray(at, to));
    if (back + ahead < KEPT) continue;
    const block = { start: at - back, end: at + ahead, shift: earlierAt - at };
    findSharedBlocks(units, earlier, from, block.start, earlierFrom, block.start + block.shift, blocks);
    blocks.push(block);
    findSharedBlocks(units, earlier, block.end, to, block.end + block.shift, earlierTo, blocks);
    return;
  }
}

/** Where `window` is in `earlier` [from, to): looked for first near `likely` (the same share of the way in), then anywhere. */
function search(window: Uint16Array, earlier: Uint16Array, from: number, to: number, likely: number): number {
  const nearFrom = Math.max(from, likely - NEAR);
  const near = indexOfUnits(earlier.subarray(nearFrom, Math.min(to, likely + NEAR + window.length)), window);
  if (near >= 0) return nearFrom + near;
  const anywhere = indexOfUnits(earlier.subarray(from, to), window);
  return anywhere < 0 ? -1 : from + anywhere;
}
