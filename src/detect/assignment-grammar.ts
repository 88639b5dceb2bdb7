// The assignment-context grammar every keyword-anchored rule shares: a name holding the
// rule's keyword, then whatever real files put between a name and its value, then the value.
// A rule says only which keyword and what the value looks like; this builds the regex.
//
// Between name and value it accepts: operators (`=` `:=` `==` `!=` `?=` `::=` `:::=` `+=`
// `.=` `||=` `=>` `->` `<-` `:` `,` `|`), typed declarations (`var k string =`, `k: string =`,
// `let k: &str =`), a quoted or bracketed name (`"k":`, `ENV["k"] ||=`, `("k", v)`, JSON
// inside a string with `\"`), YAML block scalars (`k: |` and the value on the next line), XML
// elements (`<k>` and the value, on the same or the next line) and attribute or list pairs
// (`key="k" value="…"`, `name: k` then `value: …`), a space before a quoted value (`k "v"`, as
// Gradle and `#define` write it), and a plain space after a command-line flag (`--k v`) or a
// Dockerfile `ENV`/`ARG`. The value may be quoted (`"` `'` `` ` ``, escaped
// or not, `@"…"`, `r'…'`) and preceded by `Bearer `.
//
// The regex starts with the keyword itself (no leading name characters), so the engine tries
// it only where the prefilter saw the keyword (see literal-prefixes.ts and select-rules.ts).
// Keyword and grammar are case-insensitive and the keyword separator-insensitive (`stripeKey`,
// `STRIPE_KEY`, `stripe-key`, `stripe.key`); the value is matched as written, case included.
//
// A command line names a value by a flag instead (`mysql -u root -p…`, `curl -u user:…`). A
// short flag means different things to different commands (`mkdir -p`, `ssh -p 22`), so a
// rule giving `flag` names the commands it means a password to, and the grammar takes the
// flag's argument only on their command lines.
import type { Pattern } from '../types.js';
import { patternOf } from './pattern-of.js';

export interface AssignmentSpec {
  /**
   * Words the name holds, e.g. `algolia` or `spark post`: a space, `_`, `-` or `.` between words stands for any
   * separator or none; one at the end for a separator that must follow (`meta_`). A word in capitals is the
   * one matches start at (see anchorIndex).
   */
  keywords: string[];
  /** Words at least one of which the name must also hold after the keyword (e.g. `key`, `secret`); empty: any name. */
  names: string[];
  /** The value's regex source, e.g. `[0-9a-f]{32}`; a leading `(?i)` makes the whole regex case-insensitive. */
  value: string;
  /** Regex source of text that may stand in the value before the secret (e.g. `(?:oauth:)?`). */
  lead?: string;
  /**
   * Flags whose argument is the value (`-p`, `--password`). The keywords are then commands, as
   * typed (`mysql`, `docker login`), and the value is that flag's argument on their command line.
   */
  flag?: string[];
}

/** The name of the capture group holding the secret in an assignment regex. */
export const ASSIGNMENT_SECRET_GROUP = 'secret';

/** Keywords this short are only taken at the start of a word: `cf_token`, not `pdf_token`. */
const SHORT_KEYWORD = 3;

/** A word in either case, letter by letter, so the value after it can stay case-sensitive. */
function caseless(word: string): string {
  let out = '';
  for (const char of word) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    out += lower !== upper ? `[${lower}${upper}]` : escapeRegex(char);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Where a short keyword may start: not inside a word, but after a `\n` escape (JSON strings). */
const WORD_START = '(?:^|[^A-Za-z0-9]|\\\\[nrt])';

/** Where a keyword starting with `_` may start: a key of its own (`:_authToken`), not a member (`self._auth…`) or inside a name. */
const NAME_START = '(?:^|[\\s/:"\'\\x60<$]|\\\\[nrt])';

/** A keyword written with a trailing separator must be followed by one, or by camelCase (`meta_`: `metaSecret`, not `metadata`). */
const SEPARATOR_AFTER = '(?:[_.-]|(?<=[a-z])(?=[A-Z]))';

function parts(words: string): string[] {
  return words.trim().split(/[\s_.-]+/).filter((part) => part !== '');
}

/** Name words: their parts in any case, joined by an optional separator. */
function wordPattern(words: string): string {
  return parts(words).map(caseless).join('[_.-]?');
}

/**
 * The word of a keyword its matches start at: one written in capitals (`api KEY`: where the
 * value follows, and a word the rule's other keywords share), else the longest (the most
 * distinctive to the prefilter: `spark post` at `spark`, `azure ai` at `azure`), the last of
 * equally long ones.
 */
function anchorIndex(spec: string, words: readonly string[]): number {
  const marked = spec.trim().split(/[\s_.-]+/).filter((part) => part !== '')
    .findIndex((word) => /^[A-Z0-9]*[A-Z][A-Z0-9]*$/.test(word));
  if (marked >= 0 && /[a-z]/.test(spec)) return marked;
  let best = 0;
  words.forEach((word, i) => {
    if (word.length >= words[best]!.length) best = i;
  });
  return best;
}

/**
 * A keyword's regex: from its anchor word, with the words before it in a lookbehind and the
 * words after it following, so the match starts where the prefilter sees keywordLiteral. A
 * short first word must start a word.
 */
function keywordPattern(keyword: string): string {
  const trimmed = keyword.trim();
  const words = parts(trimmed);
  const lead = trimmed.startsWith('_') ? '_' : '';
  const start = lead !== '' ? `(?<=${NAME_START}` : words[0]!.length <= SHORT_KEYWORD ? `(?<=${WORD_START}` : '(?<=';
  const after = /[_.-]$/.test(trimmed) ? SEPARATOR_AFTER : '';
  const anchor = anchorIndex(trimmed, words);
  const spelt = words.map(caseless);
  spelt[0] = lead + spelt[0];
  const following = spelt.slice(anchor + 1).map((word) => `[_.-]?${word}`).join('');
  const behind = anchor > 0 || start !== '(?<=' ? `${start}${spelt.slice(0, anchor + 1).join('[_.-]?')})` : '';
  return `${spelt[anchor]}${behind}${following}${after}`;
}

/** The literals the spec's matches start with (lower case): what the prefilter looks for. */
export function assignmentLiterals(spec: AssignmentSpec): string[] {
  const literals = spec.flag
    ? spec.keywords.map((command) => {
      const words = commandWords(command);
      return words[anchorIndex(command, words)]!.toLowerCase();
    })
    : spec.keywords.map(keywordLiteral);
  return [...new Set(literals)];
}

/** The literal a keyword's matches start with (lower case). */
function keywordLiteral(keyword: string): string {
  const trimmed = keyword.trim();
  const words = parts(trimmed);
  const anchor = anchorIndex(trimmed, words);
  return (anchor === 0 && trimmed.startsWith('_') ? '_' : '') + words[anchor]!.toLowerCase();
}

/** Name characters after the keyword: the rest of an identifier, dotted path or kebab name. */
const NAME_TAIL = '[\\w.-]{0,30}';

/** A name ending in one of these words names something about a secret, not the secret. */
const NOT_SECRET_NAMES = ['id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'path', 'file', 'dir', 'host', 'endpoint',
  'region', 'user', 'username', 'email', 'version', 'type', 'mode', 'enabled', 'length', 'size', 'count', 'prefix', 'format'];

/**
 * Matches (they start at the keyword) whose name ends in one of NOT_SECRET_NAMES: after a
 * separator in any case (`_ID`, `.url`), or capitalised in camelCase (`appId`), so `plaid` is
 * no `id`. Judged as an allowlist on the few matches rather than in every rule's regex, which
 * it would double in size and in compile time.
 */
export const NOT_SECRET_NAME: readonly Pattern[] = [
  new RegExp(`^[\\w.-]*[_.-](?:${NOT_SECRET_NAMES.join('|')})(?![\\w.-])`, 'i'),
  new RegExp(`^[\\w.-]*[a-z0-9](?:${NOT_SECRET_NAMES.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('|')})(?![\\w.-])`),
].map(patternOf);

/** A quote closing the name (possibly escaped, as in JSON inside a string) and a closing `]`. */
const NAME_CLOSE = `(?:\\\\{0,3}["'\\x60])?\\]?`;

/** A type annotation between a declared name and its `=`: `: string`, ` string`, `: &'static str`. */
const TYPE = `(?:[ \\t]*:[ \\t]*|[ \\t]+)&?(?:'static[ \\t]+)?[A-Za-z_][\\w.<>\\[\\]|?]{0,40}[ \\t]*(?==)`;

const OPERATOR = '(?:::?:?=|[?+.!|]=|\\|\\|=|!==|={1,3}>?|->|<-|:(?!:)|\\|(?!\\|))';

/** What stands between a name and its value. */
const SEPARATOR = [
  // `k: |` (YAML block scalar): the value is on the next, indented line.
  `[ \\t]{0,5}:[ \\t]{0,5}[|>][-+]?[0-9]?[ \\t]*\\r?\\n[ \\t]{1,40}`,
  `(?:${TYPE})?[ \\t]{0,5}${OPERATOR}[ \\t]{0,5}`,
  // `("k", v)`, `put("k", v)`: a comma only after a quoted name, not between two arguments.
  `(?<=["'\\x60])[ \\t]{0,5},[ \\t]{0,5}`,
  // `<k>value</k>`, on one line or across lines.
  `>\\s{0,64}`,
  // `<add key="k" value="v"/>`, `- name: k` / `  value: v`, `name = "k"` / `value = "v"`.
  `\\s{1,40}${caseless('value')}[ \\t]{0,5}[=:][ \\t]{0,5}`,
  // `k "v"`: Groovy and Gradle DSLs, C `#define`, nginx and Apache directives.
  `[ \\t]{1,5}(?=[@rRbBuU]?\\\\{0,3}["'])`,
  // A space after a command-line flag or subcommand (`--k v`, `-k v`, `add-k v`) or Dockerfile `ENV k v`.
  `(?<=(?:(?:^|[\\s"'\\x60])(?:--?|${caseless('add-')}|${caseless('set-')})|\\b(?:${caseless('env')}|${caseless('arg')}|${caseless('setx')})[ \\t]+)[\\w.-]{1,80})[ \\t]{1,5}`,
].map((form) => `(?:${form})`).join('|');

/** What may open the value: a quote (escaped, verbatim `@"`, raw `r'`), a bracket, `Bearer `. */
const VALUE_OPEN = `(?:\\[[ \\t]*)?(?:[@$rRbBuU]?\\\\{0,3}["'\\x60])?(?:(?:${caseless('bearer')}|${caseless('token')})[ \\t]+)?`;

/** The value ends where the token would go on: not before more token characters or a `.` in a name. */
const VALUE_END = '(?![\\w+/=([-]|\\.[\\w-])';

/**
 * One argument on a command line: characters and quoted runs (spaces and all), up to a space or
 * a shell operator. One character at a time, so no two ways to split it (no backtracking blow-up).
 */
const ARGUMENT = `(?:"[^"\\n]{0,200}"|'[^'\\n]{0,200}'|[^\\s"'|;&<>]){1,200}`;

/**
 * A command as typed (`docker login`), not inside a longer name: `/usr/bin/mysql` is one,
 * `mysqlx` and `my-mysql` are not. Like a keyword, its match starts at its longest word (what
 * the prefilter looks for: `login` of `oc login`, not `oc`, which half the words of a text
 * hold), the words before it and the guard in a lookbehind.
 */
function commandPattern(command: string): string {
  const words = commandWords(command);
  const anchor = anchorIndex(command, words);
  const spelt = words.map(escapeRegex);
  const behind = `(?<=(?:^|[^\\w.-])${spelt.slice(0, anchor + 1).join('[ \\t]+')})`;
  return `${spelt[anchor]}${behind}${spelt.slice(anchor + 1).map((word) => `[ \\t]+${word}`).join('')}(?=[ \\t])`;
}

function commandWords(command: string): string[] {
  return command.trim().split(/\s+/);
}

/** A short flag's argument may be attached (`-pS3cret`) or follow; a long one's follows a space or `=`. Never another flag. */
function flagPattern(flag: string): string {
  const after = /^-[A-Za-z0-9]$/.test(flag) ? '[ \\t]{0,5}' : '(?:=|[ \\t]{1,5})';
  return `${escapeRegex(flag)}${after}(?!-)`;
}

/** An argument ends at a space, a shell operator or its closing quote. */
const ARGUMENT_END = `(?=\\\\{0,3}["'\\x60]|[\\s;&|)]|\\\\[nrt]|$)`;

/** The regex of a `flag` spec: a listed command, its other arguments, the flag, and the flag's argument. */
function commandLineRegex(spec: AssignmentSpec, value: string): string {
  const commands = spec.keywords.map(commandPattern).join('|');
  const flags = spec.flag!.map(flagPattern).join('|');
  return `(?:${commands})(?:[ \\t]+${ARGUMENT}){0,20}?[ \\t]+(?:${flags})${VALUE_OPEN}` +
    `${spec.lead ?? ''}(?<${ASSIGNMENT_SECRET_GROUP}>${value})${ARGUMENT_END}`;
}

/** The regex source (and flags) of an assignment rule. */
export function assignmentRegex(spec: AssignmentSpec): { source: string; flags: string } {
  const insensitive = spec.value.startsWith('(?i)');
  const value = insensitive ? spec.value.slice(4) : spec.value;
  if (spec.flag) return { source: commandLineRegex(spec, value), flags: insensitive ? 'i' : '' };
  const keywords = spec.keywords.map(keywordPattern);
  const names = spec.names.length > 0 ? `[\\w.-]{0,24}?(?:${spec.names.map(wordPattern).join('|')})` : '';
  const source = `(?:${keywords.join('|')})${names}${NAME_TAIL}${NAME_CLOSE}(?:${SEPARATOR})${VALUE_OPEN}` +
    `${spec.lead ?? ''}(?<${ASSIGNMENT_SECRET_GROUP}>${value})${VALUE_END}`;
  return { source, flags: insensitive ? 'i' : '' };
}
