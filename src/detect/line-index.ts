// Line and column of an offset (and back), from newline offsets indexed once per text on first use and
// searched by bisection: texts with no surviving match never pay for it.
import { countBelow } from './count-below.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

export class LineIndex {
  #newlines: Int32Array | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const newlines = this.#index();
    // The number of newlines before the offset is the 0-based line.
    const low = countBelow(newlines, offset);
    const lineStart = low === 0 ? 0 : newlines[low - 1]! + 1;
    return { line: low + 1, column: offset - lineStart + 1 };
  }

  /** The offset of a 1-based line and column: position()'s inverse. */
  offset(position: Position): number {
    const newlines = this.#index();
    const lineStart = position.line === 1 ? 0 : newlines[position.line - 2]! + 1;
    return lineStart + position.column - 1;
  }

  #index(): Int32Array {
    if (this.#newlines) return this.#newlines;
    const offsets: number[] = [];
    for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) offsets.push(at);
    this.#newlines = Int32Array.from(offsets);
    return this.#newlines;
  }
}

/** The text of the line(s) holding [start, end): from the start of start's line to the end of end's. */
export function linesAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(start, end - 1));
  return text.slice(from, newline < 0 ? text.length : newline);
}
