// The built-in global allowlist: values that stand in for a secret — templates, masks,
// "your-api-key-here", documentation stopwords. Each pattern is chosen so that a real random
// token essentially never contains it (test/unit/detect-placeholder.test.ts checks that on
// many thousands of seeded random tokens).
import type { DropReason } from '../types.js';

/** Template and variable syntax a real key never contains: ${VAR}, {{ var }}, <secret>, %s. */
const TEMPLATE = /\$\{|\{\{|<[A-Za-z][\w .-]*>|%(?:\(\w+\))?[sv]|^\$\(?[A-Za-z_][\w.]*\)?$|^%[A-Za-z_]\w*%$|^@[A-Za-z_]\w*@$/;

/** Literal non-values a loose rule may capture. */
const NON_VALUES = new Set(['true', 'false', 'null', 'nil', 'none', 'undefined', 'empty', 'secret', 'password', 'token']);

/**
 * Masks: a run of x, *, •, # or dots, or an ellipsis. Runs of other characters are no sign:
 * real formats carry them (Twitter bearer tokens start with 21 "A"s, Dropbox tokens hold ten).
 */
const MASK = /([xX*•#.])\1{4,}|…/;

/** Phrases that say "put your key here" (case-insensitive). */
const PHRASE = new RegExp(
  [
    'your[-_. ]?(?:[a-z]+[-_. ]?){0,2}(?:key|token|secret|password|passwd|pass|pwd)',
    '(?:some|my)[-_. ]?(?:secret|password|passwd)',
    '(?:key|token|secret|password)[-_. ]?here',
    'change[-_. ]?(?:me|it|this)',
    'replace[-_. ]?(?:me|this|with)',
    '(?:insert|enter|put|paste)[-_. ]?(?:your|here|the)',
    'not[-_. ]?a[-_. ]?real',
    'placeholder',
    'redacted',
    '123456789',
    'abcdefghij',
    'qwerty',
  ].join('|'),
  'i',
);

/**
 * Documentation stopwords: long ones in any case; five-letter ones as lower, UPPER or Title
 * case; four-letter ones only as a word of their own, since random upper-case letters spell
 * "FAKE" about once in 5,000 tokens.
 */
const STOPWORDS_CASELESS = /example|sample/i;
const STOPWORDS = new RegExp([
  'test123|foobar|dummy|DUMMY|Dummy|lorem|LOREM|Lorem',
  '(?<![a-z])(?:fake|mock)(?![a-z])',
  '(?<![A-Z])(?:FAKE|MOCK)(?![A-Z])',
  '(?:Fake|Mock)(?![a-z])',
].join('|'));

/** Above this length a secret is a key block (PEM, OpenSSH) whose base64 may hold any run or word by chance. */
const BLOCK_LENGTH = 200;

/**
 * AWS's documentation writes EXAMPLE into the key blocks it shows, line after line. Random
 * base64 holds that word about once in 10^12 places: twice is never chance.
 */
const DOCUMENTATION_BLOCK = /EXAMPLE[^]*EXAMPLE/;

/** Why a secret is a placeholder rather than a secret, or undefined when it may be real. */
export function placeholderReason(secret: string): DropReason | undefined {
  if (TEMPLATE.test(secret)) return 'placeholder';
  if (secret.length > BLOCK_LENGTH) return DOCUMENTATION_BLOCK.test(secret) ? 'stopword' : undefined;
  if (NON_VALUES.has(secret.toLowerCase())) return 'placeholder';
  if (MASK.test(secret) || PHRASE.test(secret) || mostlyOneCharacter(secret) || digitsCountUp(secret)) return 'placeholder';
  if (STOPWORDS.test(secret) || STOPWORDS_CASELESS.test(secret)) return 'stopword';
  return undefined;
}

/** "0000000000000000", "sk_live_111111111111": one character is half the value or more. */
function mostlyOneCharacter(secret: string): boolean {
  if (secret.length < 8) return false;
  const counts = new Map<string, number>();
  for (const ch of secret) {
    const count = (counts.get(ch) ?? 0) + 1;
    if (count * 2 >= secret.length) return true;
    counts.set(ch, count);
  }
  return false;
}

/** Digits a random value has by the dozen but never in order. */
const COUNTING_DIGITS = 12;

/**
 * "a123b45c6d78e9f012a34…": a documentation value typed by counting. A random value's digits
 * follow each other (1 then 2, 9 then 0) once in ten; these nine in ten times.
 */
function digitsCountUp(secret: string): boolean {
  const digits = secret.replace(/[^0-9]/g, '');
  if (digits.length < COUNTING_DIGITS) return false;
  let successive = 0;
  for (let index = 1; index < digits.length; index++) {
    if ((Number(digits[index - 1]) + 1) % 10 === Number(digits[index])) successive++;
  }
  return successive >= 0.9 * (digits.length - 1);
}
