// Whether a regex only ever reads the line a match is on: it consumes no line break, and its
// lookarounds read at most the line break just before or just after (`(?<![A-Za-z0-9])`). A rule
// whose regex is line-local finds, on an unchanged line of a new version of a file, exactly what
// it found there before (file-lineage.ts). Conservative: what this parser does not know is not local.

interface Item {
  /** Can consume a line break somewhere inside. */
  breaks: boolean;
  quantified: boolean;
  /** A group's alternatives (undefined for an atom). */
  alternatives?: Item[][];
}

const HEX = /^[0-9a-fA-F]+$/;

class NotLocal extends Error {}

class Parser {
  #at = 0;

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
    else if (char === '[') item = { breaks: this.#class(), quantified: false };
    else if (char === '\\') item = this.#escape();
    else if (char === '^' || char === '$') {
      this.#at++;
      return undefined;
    } else if ('*+?{'.includes(char)) throw new NotLocal(); // a quantifier with nothing before it
    else {
      this.#at++;
      item = { breaks: char === '.' ? this.dotAll : char === '\n', quantified: false };
    }
    if (item && this.#quantifier()) item.quantified = true;
    return item;
  }

  #quantifier(): boolean {
    const rest = this.source.slice(this.#at);
    const found = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(rest);
    if (!found) return false;
    this.#at += found[0].length;
    return true;
  }

  #group(): Item | undefined {
    const rest = this.source.slice(this.#at);
    const look = /^\(\?(<?[=!])/.exec(rest);
    const opening = look?.[0] ?? /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(rest)![0];
    this.#at += opening.length;
    const alternatives = this.#alternatives();
    if (this.source[this.#at] !== ')') throw new NotLocal();
    this.#at++;
    if (!look) return { breaks: alternatives.some((items) => items.some((item) => item.breaks)), quantified: false, alternatives };
    // A lookaround consumes nothing; what it reads must stay within the line break next to the match.
    const behind = look[1]!.startsWith('<');
    if (!alternatives.every((items) => readsOneBreakAtMost(behind ? [...items].reverse() : items, behind))) throw new NotLocal();
    if (this.#quantifier()) throw new NotLocal();
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
    return { breaks: unit === 'break' || unit === 10, quantified: false };
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
      return 'other'; // what a group captured: line-local when the rest is
    }
    if (/[0-9]/.test(next)) {
      if (next === '0' && !/[0-9]/.test(this.source[this.#at] ?? '')) return 0;
      while (/[0-9]/.test(this.source[this.#at] ?? '')) this.#at++;
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

export function isLineLocal(regex: RegExp): boolean {
  if (regex.flags.includes('v')) return false;
  try {
    const alternatives = new Parser(regex.source, regex.flags.includes('s')).parse();
    return alternatives.every((items) => items.every((item) => !item.breaks));
  } catch (error) {
    if (error instanceof NotLocal) return false;
    throw error;
  }
}
