// The example matrix: every built-in rule's examples re-placed in every context of
// test/helpers/assignment-contexts.ts (env files, YAML, JSON — also inside a JSON string —,
// XML, HCL, Dockerfiles, Makefiles, PHP, PowerShell, command lines, markdown, declarations
// and calls in a dozen languages), through the whole engine. A positive example must be
// found with its secret on its line in each; a negative one in none. A rule that cannot hold
// in a context names it in its `examples.excludeContexts`.
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig, OPT_IN_TAGS } from '../../src/rules/load-config.js';
import { realisticExample } from '../helpers/realistic-example.js';
import type { Rule } from '../../src/types.js';
import { ASSIGNMENT_CONTEXTS } from '../helpers/assignment-contexts.js';

const config = loadConfig({ enableTags: [...OPT_IN_TAGS] });
const engine = compileEngine(config);
const CONTEXT_NAMES = new Set(ASSIGNMENT_CONTEXTS.map((context) => context.name));

/** The name a value is given when the example does not name it. */
const NEUTRAL_NAME = 'setting';

const IDENTIFIER = /[A-Za-z_][\w.-]*/g;
/** What stands between a name and its value in an example: closing quote, operator, opening quote. */
const BETWEEN = /^["'\x60\]]*[ \t]*(?::[ \t]*[\w&'<>[\]]+[ \t]*(?==))?(?::=|=>|==|=|:|,)?[ \t]*["'\x60]?/;

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

interface Placement {
  name: string;
  value: string;
  secret?: string;
}

/**
 * The name and value an example assigns: `NAME = value` (quotes, operator and trailing `;`
 * stripped) is that name and value; in any other example an assignment rule's name is the
 * last identifier holding one of its keywords and its value what follows the operator (a lead
 * such as `Bearer ` included), and any other rule's value is the whole example.
 */
function placement(rule: Rule, text: string, secret: string): Placement {
  const assigned = assignment(text);
  if (assigned?.value.includes(secret)) return { ...assigned, secret };
  const at = text.indexOf(secret);
  if (rule.assignment && at >= 0) {
    const before = text.slice(0, at);
    const keywords = rule.assignment.keywords.map(squash);
    const named = [...before.matchAll(IDENTIFIER)].reverse()
      .find((found) => keywords.some((keyword) => squash(found[0]).includes(keyword)));
    if (named) {
      const rest = before.slice(named.index! + named[0].length);
      return { name: named[0], value: rest.slice(BETWEEN.exec(rest)![0].length) + secret, secret };
    }
  }
  return { name: NEUTRAL_NAME, value: text.trim(), secret };
}

/** `NAME = value` on one line; a value holding assignments itself (`Server=…;Password=…`) is a whole value. */
function assignment(text: string): Placement | undefined {
  const assigned = /^[ \t]*["']?([A-Za-z_$][\w.$-]*)["']?[ \t]*(?::=|=>|=|:(?=[ \t"'\x60]))[ \t]*(["'\x60]?)([^\n]*?)\2[ \t;,]*$/.exec(text);
  return assigned && !/=[^=\s]/.test(assigned[3]!) ? { name: assigned[1]!, value: assigned[3]! } : undefined;
}

/** A negative example, placed as a positive one would be. */
function negativePlacement(text: string): Placement {
  return assignment(text) ?? { name: NEUTRAL_NAME, value: text.trim() };
}


function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * `excludeContexts = ["all"]`: a file-format rule (a .pypirc, a pwdump), whose examples are whole files, not values.
 * A keyword-anchored rule's data says it needs its name, so a nameless context applies to it only when it is
 * generic: its value is then one a more specific rule (a password on a command line) reports. A value glued to
 * `-p` is only ever a password, so only generic rules' values are placed there.
 */
const contextsOf = (rule: Rule) => rule.examples.excludeContexts?.includes('all') ? []
  : ASSIGNMENT_CONTEXTS.filter((context) => !rule.examples.excludeContexts?.includes(context.name)
    && !(context.nameless && rule.assignment && !rule.tags.includes('generic'))
    && !(context.passwordOnly && !rule.tags.includes('generic')));

describe('the example matrix', () => {
  it('has at least 25 contexts, and rules exclude only contexts it has', () => {
    expect(ASSIGNMENT_CONTEXTS.length).toBeGreaterThanOrEqual(25);
    for (const rule of config.rules) {
      for (const name of rule.examples.excludeContexts ?? []) expect(CONTEXT_NAMES.has(name) || name === 'all', `${rule.id}: ${name}`).toBe(true);
    }
  });
});

describe.each(config.rules.map((rule) => [rule.id, rule] as const))('rule %s', (ruleId, rule) => {
  it.each(rule.examples.match.map((example) => [example.text]))('finds %j in every context', (template) => {
    const { text, secret } = realisticExample(template, rule);
    const place = placement(rule, text, secret!);
    const generic = rule.tags.includes('generic');
    const failures: string[] = [];
    for (const context of contextsOf(rule)) {
      const rendered = context.render(place.name, place.value);
      const at = rendered.indexOf(secret!);
      if (at < 0) {
        failures.push(`${context.name}: the context changes the secret's text (exclude it)`);
        continue;
      }
      const matches = detectContent(rendered, engine);
      let found = matches.filter((match) => match.ruleId === ruleId);
      // A generic rule's secret may be reported by a more specific rule instead (`<password>` in a Maven settings file).
      if (generic && found.length === 0) found = matches.filter((match) => match.secret.reveal() === secret).slice(0, 1);
      const reported = found.map((match) => ({ secret: match.secret.reveal(), line: match.line }));
      const expected = [{ secret, line: lineOf(rendered, at) }];
      if (JSON.stringify(reported) !== JSON.stringify(expected)) failures.push(`${context.name}: ${JSON.stringify(rendered)} → ${JSON.stringify(reported)}`);
    }
    expect(failures.join('\n')).toBe('');
  });

  it.each(rule.examples.noMatch.map((template) => [template]))('finds nothing for %j in any context', (template) => {
    const place = negativePlacement(expandTemplate(template));
    const failures: string[] = [];
    for (const context of contextsOf(rule)) {
      const rendered = context.render(place.name, place.value);
      const found = detectContent(rendered, engine).filter((match) => match.ruleId === ruleId);
      if (found.length > 0) failures.push(`${context.name}: ${JSON.stringify(rendered)}`);
    }
    expect(failures.join('\n')).toBe('');
  });
});
