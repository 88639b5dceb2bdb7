// How many lines a regex reads around where a match attempt starts. Line-local: it consumes no
// line break, and its lookarounds read at most the line break just before or just after
// (`(?<![A-Za-z0-9])`); such a rule finds, on an unchanged line of a new version of a file,
// exactly what it found there before (file-lineage.ts). Otherwise its reach, when bounded (the
// assignment grammar's `\s{0,64}`): the line breaks an attempt may read forward and backward.
// Conservative: what this parser does not know is neither local nor bounded.

interface Item {
  /** Can consume a line break somewhere inside. */
  breaks: boolean;
  /** The most line breaks one match of the item consumes (Infinity: unbounded). */
  count: number;
  quantified: boolean;
  /** A group's alternatives (undefined for an atom). */
  alternatives?: Item[][];
}

/** Line breaks an attempt may read past its start: forward (consumed or looked ahead at) and looked behind at. */
export interface LineReach {
  forward: number;
  backward: number;
}

/** Past this, carrying a rule's findings saves little: its dirty region is most of a file. */
const MAX_REACH = 256;

const HEX = /^[0-9a-fA-F]+$/;

class NotLocal extends Error {}

class Parser {
  #at = 0;
  /** Every lookaround reads at most the line break next to the match. */
  aroundLocal = true;
  /** The line breaks lookaheads and lookbehinds read, summed over them all (a bound). */
  ahead = 0;
  behind = 0;
  backReference = false;

  constructor(private readonly source: string, private readonly dotAll: boolean) {}

  parse(): Item[][] {
    const alternatives = this.#alternatives();
    if (this.#at !== this.source.length) throw new NotLocal();
    return alternatives;
  }

  #alternatives(): Item[][] {
    const alternatives: Item[][] = [[]];
    while (this.#at < this.source.length) {
      const char = this.source[this.#at]!;
      if (char === ')') break;
      if (char === '|') {
        this.#at++;
        alternatives.push([]);
        continue;
      }
      const item = this.#item();
      if (item) alternatives.at(-1)!.push(item);
    }
    return alternatives;
  }

  /** One atom or group and its quantifier; undefined for an assertion that reads no character of its own. */
  #item(): Item | undefined {
    const char = this.source[this.#at]!;
    let item: Item | undefined;
    if (char === '(') item = this.#group();
    else if (char === '[') item = atom(this.#class());
    else if (char === '\\') item = this.#escape();
    else if (char === '^' || char === '$') {
      this.#at++;
      return undefined;
    } else if ('*+?{'.includes(char)) throw new NotLocal(); // a quantifier with nothing before it
    else {
      this.#at++;
      item = atom(char === '.' ? this.dotAll : char === '\n');
    }
    const most = item && this.#quantifier();
    if (item && most !== undefined) {
      item.quantified = true;
      if (item.count > 0) item.count *= most;
    }
    return item;
  }

  /** The most repetitions the quantifier here allows, past it; undefined when there is none. */
  #quantifier(): number | undefined {
    const rest = this.source.slice(this.#at);
    const found = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (!found) return undefined;
    this.#at += found[0].length;
    const [, sign, exact, comma, upTo] = found;
    if (sign) return sign === '?' ? 1 : Infinity;
    return comma === undefined ? Number(exact) : upTo ? Number(upTo) : Infinity;
  }

  #group(): Item | undefined {
    const rest = this.source.slice(this.#at);
    const look = /^\(\?(<?[=!])/.exec(rest);
    const opening = look?.[0] ?? /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(rest)![0];
    this.#at += opening.length;
    const alternatives = this.#alternatives();
    if (this.source[this.#at] !== ')') throw new NotLocal();
    this.#at++;
    const count = Math.max(...alternatives.map(sumOfCounts));
    if (!look) return { breaks: count > 0, count, quantified: false, alternatives };
    // A lookaround consumes nothing; line-local, what it reads stays within the line break next to the match.
    const behind = look[1]!.startsWith('<');
    if (!alternatives.every((items) => readsOneBreakAtMost(behind ? [...items].reverse() : items, behind))) this.aroundLocal = false;
    if (behind) this.behind += count;
    else this.ahead += count;
    if (this.#quantifier() !== undefined) throw new NotLocal();
    return undefined;
  }

  /** A class; whether it matches a line break. */
  #class(): boolean {
    this.#at++;
    const negated = this.source[this.#at] === '^';
    if (negated) this.#at++;
    let holdsBreak = false;
    while (this.source[this.#at] !== ']') {
      if (this.#at >= this.source.length) throw new NotLocal();
      let code: number | undefined;
      if (this.source[this.#at] === '\\') {
        const escaped = this.#escapedUnit();
        if (escaped === 'break') holdsBreak = true;
        code = typeof escaped === 'number' ? escaped : undefined;
      } else {
        code = this.source.charCodeAt(this.#at++);
      }
      if (this.source[this.#at] === '-' && this.source[this.#at + 1] !== ']' && code !== undefined) {
        this.#at++;
        const end = this.source[this.#at] === '\\' ? this.#escapedUnit() : this.source.charCodeAt(this.#at++);
        if (typeof end !== 'number') throw new NotLocal();
        if (code <= 10 && end >= 10) holdsBreak = true;
        continue;
      }
      if (code === 10) holdsBreak = true;
    }
    this.#at++;
    return negated ? !holdsBreak : holdsBreak;
  }

  #escape(): Item {
    const unit = this.#escapedUnit();
    return atom(unit === 'break' || unit === 10);
  }

  /** The code unit an escape stands for, 'break' for a class holding the line break, 'other' for any other class or reference. */
  #escapedUnit(): number | 'break' | 'other' {
    const next = this.source[this.#at + 1];
    if (next === undefined) throw new NotLocal();
    this.#at += 2;
    if ('sWDpP'.includes(next)) {
      if (next === 'p' || next === 'P') {
        const end = this.source.indexOf('}', this.#at);
        if (end < 0) throw new NotLocal();
        this.#at = end + 1;
      }
      return 'break';
    }
    if ('SwdbB'.includes(next)) return 'other';
    if (next === 'n') return 10;
    if (next === 'r') return 13;
    if (next === 't') return 9;
    if (next === 'f') return 12;
    if (next === 'v') return 11;
    if (next === 'x' || next === 'u') {
      const braced = next === 'u' && this.source[this.#at] === '{';
      const digits = braced ? this.source.slice(this.#at + 1, this.source.indexOf('}', this.#at)) : this.source.slice(this.#at, this.#at + (next === 'x' ? 2 : 4));
      if (!HEX.test(digits)) throw new NotLocal();
      this.#at += digits.length + (braced ? 2 : 0);
      return parseInt(digits, 16);
    }
    if (next === 'c') throw new NotLocal();
    if (next === 'k') {
      const end = this.source.indexOf('>', this.#at);
      if (end < 0) throw new NotLocal();
      this.#at = end + 1;
      this.backReference = true;
      return 'other'; // what a group captured: line-local when the rest is
    }
    if (/[0-9]/.test(next)) {
      if (next === '0' && !/[0-9]/.test(this.source[this.#at] ?? '')) return 0;
      while (/[0-9]/.test(this.source[this.#at] ?? '')) this.#at++;
      this.backReference = true;
      return 'other'; // a back reference
    }
    return next.charCodeAt(0);
  }
}

/**
 * Read in the order the lookaround reads (a lookbehind's items reversed): only the last thing read
 * may be a line break, an unquantified one, so reading stops at the break next to the match.
 */
function readsOneBreakAtMost(items: readonly Item[], behind: boolean): boolean {
  return items.every((item, i) => {
    if (!item.breaks) return true;
    if (i !== items.length - 1 || item.quantified) return false;
    if (!item.alternatives) return true;
    return item.alternatives.every((inner) => readsOneBreakAtMost(behind ? [...inner].reverse() : inner, behind));
  });
}

function atom(breaks: boolean): Item {
  return { breaks, count: breaks ? 1 : 0, quantified: false };
}

function sumOfCounts(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + item.count, 0);
}

/** The regex's reach, 0 both ways when line-local; undefined when unbounded or not understood. */
export function lineReach(regex: RegExp): LineReach | undefined {
  if (regex.flags.includes('v')) return undefined;
  let parser: Parser;
  let consumed: number;
  try {
    parser = new Parser(regex.source, regex.flags.includes('s'));
    consumed = Math.max(...parser.parse().map(sumOfCounts));
  } catch (error) {
    if (error instanceof NotLocal) return undefined;
    throw error;
  }
  if (consumed === 0 && parser.aroundLocal) return { forward: 0, backward: 0 };
  // A back reference reads again what its group consumed, line breaks included.
  const forward = (consumed + parser.ahead) * (parser.backReference ? 2 : 1);
  return forward <= MAX_REACH && parser.behind <= MAX_REACH ? { forward, backward: parser.behind } : undefined;
}

export function isLocalReach(reach: LineReach): boolean {
  return reach.forward === 0 && reach.backward === 0;
}

export function isLineLocal(regex: RegExp): boolean {
  const reach = lineReach(regex);
  return reach !== undefined && isLocalReach(reach);
}
