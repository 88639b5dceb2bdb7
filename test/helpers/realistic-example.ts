// A rule's positive example as the tests use it: its template expanded again until the random
// secret is one the rule is meant to report. A draw can spell a documentation word ("FAKE",
// "mock", "qwerty" …), which the global placeholder filter drops on purpose, or come out too
// uniform for the rule's entropy floor (a hex string of mostly digits): about one run in several
// hundred would otherwise draw one somewhere in the pack.
import { shannonEntropy } from '../../src/detect/entropy.js';
import { placeholderReason } from '../../src/detect/placeholder.js';
import { expandExample, type ExpandedExample } from '../../src/rules/example-template.js';
import type { Rule } from '../../src/types.js';

const DRAWS = 50;

const reportable = (secret: string, rule: Rule): boolean => !placeholderReason(secret) && shannonEntropy(secret) >= rule.entropy;

export function realisticExample(template: string, rule: Rule): ExpandedExample {
  let example = expandExample(template);
  for (let draw = 1; draw < DRAWS && example.secret !== undefined && !reportable(example.secret, rule); draw++) {
    example = expandExample(template);
  }
  return example;
}
