// Translates a Go RE2 regex (gitleaks configs) into JavaScript RegExp source and flags.
//
// Flags that hold for the whole pattern become JS flags (fast, readable). Flags switched on
// or off part-way — `p8e-(?i)[a-z0-9]{32}`, `(?-i:ATLASSIAN|[Aa]tlassian)` — have no JS
// equivalent in Node 20, so the pattern is rewritten instead: letters under `i` become
// `[aA]` classes, `.` under `s` becomes `[\s\S]`, `^`/`$` under `m` become lookarounds.

export type GoRegexResult = { ok: true; source: string; flags: string } | { ok: false; error: string };

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
}

class Unsupported extends Error {}
/** Thrown when a flag changes mid-pattern while translating in whole-pattern-flags mode. */
class NeedsRewrite extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Characters JS lets (and sometimes requires) be escaped outside a class, with or without `u`. */
const SYNTAX = '^$\\.*+?()[]{}|/';
const LEADING_FLAGS = /^\(\?([a-zA-Z]+)\)/;

export function translateGoRegex(go: string): GoRegexResult {
  try {
    return translate(go, true);
  } catch (error) {
    if (error instanceof NeedsRewrite) {
      try {
        return translate(go, false);
      } catch (inner) {
        if (inner instanceof Unsupported) return { ok: false, error: inner.message };
        throw inner;
      }
    }
    if (error instanceof Unsupported) return { ok: false, error: error.message };
    throw error;
  }
}

function translate(go: string, wholePatternFlags: boolean): GoRegexResult {
  let rest = go;
  const flags: Flags = { i: false, s: false, m: false };
  // Leading flag groups apply to the whole pattern.
  for (let leading = LEADING_FLAGS.exec(rest); leading; leading = LEADING_FLAGS.exec(rest)) {
    applyFlags(flags, leading[1]!);
    rest = rest.slice(leading[0].length);
  }
  const translator = new Translator(rest, wholePatternFlags, { ...flags });
  const source = translator.run();
  let jsFlags = '';
  if (wholePatternFlags) jsFlags = (flags.i ? 'i' : '') + (flags.m ? 'm' : '') + (flags.s ? 's' : '');
  if (translator.needsUnicode) jsFlags += 'u';
  return { ok: true, source, flags: jsFlags };
}

function applyFlags(flags: Flags, spec: string): void {
  let on = true;
  for (const ch of spec) {
    if (ch === '-') on = false;
    else if (ch === 'i' || ch === 's' || ch === 'm') flags[ch] = on;
    else if (ch === 'U') throw new Unsupported('the (?U) ungreedy flag has no JavaScript equivalent');
    else throw new Unsupported(`unknown flag '${ch}'`);
  }
}

function hasCase(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function hex(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

class Translator {
  private pos = 0;
  private out = '';
  private readonly stack: Flags[] = [];
  needsUnicode = false;

  constructor(
    private readonly src: string,
    /** true: flags are JS flags and must not change; false: emulate them by rewriting. */
    private readonly wholePatternFlags: boolean,
    private flags: Flags,
  ) {}

  run(): string {
    while (this.pos < this.src.length) this.atom();
    return this.out;
  }

  private atom(): void {
    const ch = this.src[this.pos]!;
    switch (ch) {
      case '\\':
        this.escape();
        return;
      case '[':
        this.characterClass();
        return;
      case '(':
        this.groupOpen();
        return;
      case ')':
        this.flags = this.stack.pop() ?? this.flags;
        this.emit(')', 1);
        return;
      case '.':
        // Go's `.` excludes only \n; JavaScript's also excludes \r, \u2028 and \u2029.
        this.emit(!this.flags.s ? '[^\\n]' : this.wholePatternFlags ? '.' : '[\\s\\S]', 1);
        return;
      case '^':
        this.emit(!this.wholePatternFlags && this.flags.m ? '(?<![^\\n])' : '^', 1);
        return;
      case '$':
        this.emit(!this.wholePatternFlags && this.flags.m ? '(?![^\\n])' : '$', 1);
        return;
      case '{': {
        const quantifier = /^\{\d+(?:,\d*)?\}/.exec(this.src.slice(this.pos));
        if (quantifier) this.emit(quantifier[0], quantifier[0].length);
        else this.emit('\\{', 1); // Go reads a brace that starts no repetition as a literal
        return;
      }
      case '}':
      case ']':
        this.emit(`\\${ch}`, 1);
        return;
      case '*':
      case '+':
      case '?':
      case '|':
        this.emit(ch, 1);
        return;
      default:
        this.emit(this.literal(ch), 1);
    }
  }

  private emit(text: string, advance: number): void {
    this.out += text;
    this.pos += advance;
  }

  /** A character outside a class that stands for itself, case-expanded where `i` is emulated. */
  private literal(ch: string): string {
    if (!this.wholePatternFlags && this.flags.i && hasCase(ch)) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    return SYNTAX.includes(ch) ? `\\${ch}` : ch;
  }

  private groupOpen(): void {
    const rest = this.src.slice(this.pos);
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.stack.push({ ...this.flags });
      this.emit(`(?<${named[1]}>`, named[0].length);
      return;
    }
    if (rest.startsWith('(?:')) {
      this.stack.push({ ...this.flags });
      this.emit('(?:', 3);
      return;
    }
    const flagGroup = /^\(\?([-a-zA-Z]*)([:)])/.exec(rest);
    if (flagGroup) {
      if (this.wholePatternFlags) throw new NeedsRewrite();
      const changed = { ...this.flags };
      applyFlags(changed, flagGroup[1]!);
      if (flagGroup[2] === ')') {
        // `(?i)` mid-pattern: holds until the enclosing group closes.
        this.flags = changed;
        this.pos += flagGroup[0].length;
      } else {
        this.stack.push({ ...this.flags });
        this.flags = changed;
        this.emit('(?:', flagGroup[0].length);
      }
      return;
    }
    if (rest.startsWith('(?')) throw new Unsupported(`unsupported group syntax '${rest.slice(0, 4)}'`);
    this.stack.push({ ...this.flags });
    this.emit('(', 1);
  }

  private escape(): void {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new Unsupported('trailing backslash');
    switch (next) {
      case 'A':
        this.emit(this.wholePatternFlags && this.flags.m ? '(?<![\\s\\S])' : '^', 2);
        return;
      case 'z':
        this.emit(this.wholePatternFlags && this.flags.m ? '(?![\\s\\S])' : '$', 2);
        return;
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos + 2);
        const literal = this.src.slice(this.pos + 2, end < 0 ? undefined : end);
        this.out += [...literal].map((ch) => this.literal(ch)).join('');
        this.pos = end < 0 ? this.src.length : end + 2;
        return;
      }
      case 'C':
        throw new Unsupported('\\C (any byte) has no JavaScript equivalent');
      case 'Z':
        throw new Unsupported('\\Z is not RE2 syntax');
      default: {
        const { text, length } = this.commonEscape(false);
        this.emit(text, length);
      }
    }
  }

  /** Escapes valid both outside and inside a class. */
  private commonEscape(inClass: boolean): { text: string; length: number } {
    const rest = this.src.slice(this.pos);
    const next = rest[1]!;
    if ('dDsSwW'.includes(next)) return { text: `\\${next}`, length: 2 };
    if (!inClass && 'bB'.includes(next)) return { text: `\\${next}`, length: 2 };
    if ('ftnrv'.includes(next)) return { text: `\\${next}`, length: 2 };
    if (next === 'a') return { text: '\\x07', length: 2 };
    const unicode = /^\\([pP])(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(rest);
    if (unicode) {
      this.needsUnicode = true;
      const negated = (unicode[1] === 'P') !== (unicode[2] === '^');
      const name = unicode[3] ?? unicode[4]!;
      const property = name.length <= 2 || name === 'Any' ? name : `Script=${name}`;
      return { text: `\\${negated ? 'P' : 'p'}{${property}}`, length: unicode[0].length };
    }
    const hexEscape = /^\\x(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(rest);
    if (hexEscape) {
      const code = parseInt(hexEscape[1] ?? hexEscape[2]!, 16);
      if (code > 0xffff) {
        this.needsUnicode = true;
        return { text: `\\u{${code.toString(16)}}`, length: hexEscape[0].length };
      }
      return { text: hex(code), length: hexEscape[0].length };
    }
    const octal = /^\\([0-7]{1,3})/.exec(rest);
    if (octal) return { text: hex(parseInt(octal[1]!, 8)), length: octal[0].length };
    if (/[A-Za-z0-9]/.test(next)) throw new Unsupported(`unsupported escape '\\${next}'`);
    // Escaped punctuation is a literal in Go; JS (with `u`) accepts escapes of syntax characters only.
    if (inClass) return { text: classLiteral(next), length: 2 };
    return { text: SYNTAX.includes(next) ? `\\${next}` : next, length: 2 };
  }

  private characterClass(): void {
    this.pos += 1; // '['
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos += 1;
    }
    let body = '';
    /** Literal code-point ranges, to add their other case under an emulated `i`. */
    const ranges: [number, number][] = [];
    let first = true;
    while (this.pos < this.src.length && (this.src[this.pos] !== ']' || first)) {
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        const expansion = POSIX_CLASSES[posix[2]!];
        if (!expansion || posix[1]) throw new Unsupported(`unsupported character class '${posix[0]}'`);
        body += expansion;
        this.pos += posix[0].length;
        continue;
      }
      const low = this.classChar();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos += 1;
        const high = this.classChar();
        if (low.code === undefined || high.code === undefined) throw new Unsupported('a class range needs single-character ends');
        body += `${low.text}-${high.text}`;
        ranges.push([low.code, high.code]);
      } else {
        body += low.text;
        if (low.code !== undefined) ranges.push([low.code, low.code]);
      }
    }
    if (this.src[this.pos] !== ']') throw new Unsupported('missing ] at the end of a character class');
    this.pos += 1;
    if (!this.wholePatternFlags && this.flags.i) body += otherCase(ranges);
    this.out += `[${negated ? '^' : ''}${body}]`;
  }

  /** One class member: its JS text and, when it is a single character, its code. */
  private classChar(): { text: string; code?: number } {
    const ch = this.src[this.pos]!;
    if (ch !== '\\') {
      this.pos += 1;
      return { text: classLiteral(ch), code: ch.charCodeAt(0) };
    }
    const { text, length } = this.commonEscape(true);
    const literal = this.src.slice(this.pos, this.pos + length);
    this.pos += length;
    const code = literalCode(literal);
    return code === undefined ? { text } : { text, code };
  }
}

/** A character inside a JS class, escaped where it would otherwise be syntax. */
function classLiteral(ch: string): string {
  return ']\\^-['.includes(ch) ? `\\${ch}` : ch;
}

/** The character an escape stands for, when it stands for one. */
function literalCode(escape: string): number | undefined {
  const hexEscape = /^\\x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))$/.exec(escape);
  if (hexEscape) return parseInt(hexEscape[1] ?? hexEscape[2]!, 16);
  const octal = /^\\([0-7]{1,3})$/.exec(escape);
  if (octal) return parseInt(octal[1]!, 8);
  if (/^\\[^A-Za-z0-9]$/.test(escape)) return escape.charCodeAt(1);
  return undefined;
}

/** Class text adding the other case of every ASCII letter the ranges cover. */
function otherCase(ranges: [number, number][]): string {
  let extra = '';
  const add = (from: number, to: number, lo: number, hi: number, shift: number) => {
    const a = Math.max(from, lo);
    const b = Math.min(to, hi);
    if (a <= b) extra += a === b ? String.fromCharCode(a + shift) : `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  };
  for (const [from, to] of ranges) {
    add(from, to, 0x61, 0x7a, -32); // a-z → A-Z
    add(from, to, 0x41, 0x5a, 32); // A-Z → a-z
  }
  return extra;
}
