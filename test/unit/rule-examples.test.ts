// Every built-in rule's examples run as tests, through the whole engine (prefilter, checksum,
// entropy, placeholders, allowlists, decoding) with all rules loaded, as a scan would run them.
// The templates expand to fresh random text on every run, so nothing realistic is committed.
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig, OPT_IN_TAGS } from '../../src/rules/load-config.js';
import { realisticExample } from '../helpers/realistic-example.js';

const config = loadConfig({ enableTags: [...OPT_IN_TAGS] });
const engine = compileEngine(config);


/** The secrets one rule reports in a text. */
function secretsFound(ruleId: string, text: string): string[] {
  return detectContent(text, engine)
    .filter((match) => match.ruleId === ruleId)
    .map((match) => match.secret.reveal());
}

describe.each(config.rules.map((rule) => [rule.id, rule] as const))('rule %s', (ruleId, rule) => {
  it.each(rule.examples.match.map((example) => [example.text]))('reports exactly the marked secret in %j', (template) => {
    const { text, secret } = realisticExample(template, rule);
    expect(secret, 'a positive example must mark its secret with «…»').toBeDefined();
    expect(secretsFound(ruleId, text)).toEqual([secret]);
  });

  it.each(rule.examples.noMatch.map((template) => [template]))('reports nothing in %j', (template) => {
    expect(secretsFound(ruleId, expandTemplate(template))).toEqual([]);
  });
});
