// What a rule keeps of a regex it has checked: its source and flags as plain data (types.ts, Pattern).
import type { Pattern } from '../types.js';

export function patternOf(regex: RegExp): Pattern {
  return { source: regex.source, flags: regex.flags };
}
