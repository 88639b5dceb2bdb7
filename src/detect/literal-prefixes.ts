// The literal texts that every match of a regex starts with, read off its source. A rule whose
// every match starts with one of its own keywords needs its regex tried only where the
// prefilter saw one of them, instead of at every offset of the text.
//
// Sound rather than complete: reading stops at the first construct that is not a plain
// character (a class, `.`, `\w`, a back-reference, an optional item), keeping what it has.

interface Parsed {
  /** Undefined: some match may start with anything. */
  prefixes: string[] | undefined;
  /** Offset just past what was parsed. */
  end: number;
}

/**
 * Every match starts with one of these (case aside), or undefined when that cannot be told.
 * `exact`: with case, reading stops at a class that holds both cases of a letter (`[kK]`).
 */
export function literalPrefixes(source: string, cased: 'caseless' | 'exact' = 'caseless'): string[] | undefined {
  const parsed = alternation(source, 0, cased === 'exact');
  if (parsed.end !== source.length || !parsed.prefixes) return undefined;
  return parsed.prefixes.some((prefix) => prefix === '') ? undefined : parsed.prefixes;
}

/** Alternatives up to an unmatched `)` or the end. */
function alternation(source: string, start: number, exact: boolean): Parsed {
  const prefixes: string[] = [];
  let known = true;
  let pos = start;
  for (;;) {
    const branch = sequence(source, pos, exact);
    if (branch.prefixes) for (const prefix of branch.prefixes) prefixes.push(prefix);
    else known = false;
    pos = branch.end;
    if (source[pos] !== '|') break;
    pos++;
  }
  return { prefixes: known ? prefixes : undefined, end: pos };
}

/** One alternative: its items until `|`, `)` or the end. */
function sequence(source: string, start: number, exact: boolean): Parsed {
  let prefixes = [''];
  let reading = true;
  let pos = start;
  while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
    if (!reading) {
      pos = skipItem(source, pos);
      continue;
    }
    const zeroWidth = zeroWidthEnd(source, pos);
    if (zeroWidth !== undefined) {
      pos = zeroWidth;
      continue;
    }
    if (source[pos] === '(') {
      const inner = alternation(source, groupBodyStart(source, pos), exact);
      if (source[inner.end] !== ')') return { prefixes: undefined, end: source.length };
      const quantifier = readQuantifier(source, inner.end + 1);
      if (quantifier.min > 0 && inner.prefixes) prefixes = prefixes.flatMap((head) => inner.prefixes!.map((tail) => head + tail));
      pos = quantifier.end;
      reading = false; // what follows a group is not read: the group may end anywhere
      continue;
    }
    const choice = source[pos] === '[' ? readSmallClass(source, pos, exact) : readLiteral(source, pos);
    if (choice === undefined) {
      reading = false;
      continue;
    }
    const quantifier = readQuantifier(source, choice.end);
    if (quantifier.min > 0) prefixes = prefixes.flatMap((head) => choice.chars.map((char) => head + char));
    if (quantifier.end !== choice.end) reading = false; // repeated or optional: nothing after it is certain
    pos = quantifier.end;
  }
  return { prefixes: prefixes.every((prefix) => prefix !== '') ? prefixes : undefined, end: pos };
}

/** End of a zero-width assertion at pos (`^`, `\b`, `\B`, lookaround), else undefined. */
function zeroWidthEnd(source: string, pos: number): number | undefined {
  if (source[pos] === '^') return pos + 1;
  if (source.startsWith('\\b', pos) || source.startsWith('\\B', pos)) return pos + 2;
  if (/^\(\?<?[=!]/.test(source.slice(pos, pos + 4))) return skipGroup(source, pos);
  return undefined;
}

/** Where a group's body starts: after `(`, `(?:` or `(?<name>`. */
function groupBodyStart(source: string, pos: number): number {
  if (source.startsWith('(?:', pos)) return pos + 3;
  if (source.startsWith('(?<', pos)) return source.indexOf('>', pos) + 1;
  return pos + 1;
}

const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };

/** Characters one item at pos may match, ending where the item ends. */
interface Choice {
  chars: string[];
  end: number;
}

/** A single plain character at pos, escapes decoded, or undefined for anything else. */
function readLiteral(source: string, pos: number): Choice | undefined {
  const char = source[pos]!;
  if (char !== '\\') return '[.(*+?{$'.includes(char) ? undefined : { chars: [char], end: pos + 1 };
  const next = source[pos + 1];
  if (next === undefined) return undefined;
  if (CONTROL_ESCAPES[next]) return { chars: [CONTROL_ESCAPES[next]], end: pos + 2 };
  const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(source.slice(pos + 1, pos + 6));
  if (hex) return { chars: [String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16))], end: pos + 1 + hex[0].length };
  return /[A-Za-z0-9]/.test(next) ? undefined : { chars: [next], end: pos + 2 };
}

/** A class of a few plain characters (`[_.-]`), or undefined for ranges, negation and the like. */
function readSmallClass(source: string, pos: number, exact: boolean): Choice | undefined {
  const chars: string[] = [];
  let at = pos + 1;
  while (at < source.length && source[at] !== ']') {
    const last = source[at + 1] === ']';
    if (source[at] === '-' && at !== pos + 1 && !last) return undefined; // a range
    if (source[at] === '^' && at === pos + 1) return undefined;
    const literal = readLiteral(source, at) ?? ('[.(*+?{$'.includes(source[at]!) ? { chars: [source[at]!], end: at + 1 } : undefined);
    if (!literal) return undefined;
    for (const char of literal.chars) chars.push(char);
    at = literal.end;
  }
  // Case aside, `[aA]` is one character: a caseless keyword spelt letter by letter stays one prefix, not 2ⁿ.
  const caseless = chars.filter((char, i) => chars.findIndex((other) => other.toLowerCase() === char.toLowerCase()) === i);
  if (exact && caseless.length < chars.length) return undefined;
  return at < source.length && chars.length > 0 && chars.length <= 8 ? { chars: caseless, end: at + 1 } : undefined;
}

/** The quantifier at pos (none: exactly once), with any lazy marker. */
function readQuantifier(source: string, pos: number): { min: number; end: number } {
  const char = source[pos];
  let min = 1;
  let end = pos;
  if (char === '?' || char === '*') (min = 0), (end = pos + 1);
  else if (char === '+') end = pos + 1;
  else if (char === '{') {
    const bounds = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(pos, pos + 24));
    if (bounds) (min = Number(bounds[1])), (end = pos + bounds[0].length);
  }
  if (end !== pos && source[end] === '?') end++;
  return { min, end };
}

/** Past one item: an escape, a character class, a group, or one character. */
function skipItem(source: string, pos: number): number {
  const char = source[pos];
  if (char === '\\') return pos + 2;
  if (char === '[') return skipClass(source, pos);
  if (char === '(') return skipGroup(source, pos);
  return pos + 1;
}

function skipClass(source: string, pos: number): number {
  let at = pos + 1;
  while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
  return at + 1;
}

function skipGroup(source: string, pos: number): number {
  let depth = 0;
  let at = pos;
  while (at < source.length) {
    const char = source[at];
    if (char === '\\') at += 2;
    else if (char === '[') at = skipClass(source, at);
    else {
      if (char === '(') depth++;
      else if (char === ')' && --depth === 0) return at + 1;
      at++;
    }
  }
  return at;
}
