import { afterAll, describe, expect, it } from 'vitest';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { DEMO_TOKEN_RULE, ruleFixture } from '../helpers/rule-fixtures.js';

// A provider rule and a guessing rule that both match every line: each line's generic match
// gives way to the provider's, so every candidate takes part in superseding.
const RULES = `${DEMO_TOKEN_RULE}
[[rules]]
id = "demo-generic"
description = "Anything assigned to token"
regex = '''token = "([0-9A-Za-z_]{20,})"'''
keywords = ["token"]
tags = ["generic"]
`;

const fixture = ruleFixture({ 'demo.toml': RULES });
afterAll(() => fixture.remove());

function linesOfTokens(count: number): string {
  return Array.from({ length: count }, () => expandTemplate('token = "dmo_{base62:30}"')).join('\n');
}

/** The fastest of three runs, in ms: the least disturbed by other work on the machine. */
function bestOfThree(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    detectContent(text, fixture.engine);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('superseding', () => {
  it('keeps the provider finding of each line and drops the generic one', () => {
    const matches = detectContent(linesOfTokens(3), fixture.engine);
    expect(matches.map((match) => [match.ruleId, match.line])).toEqual([['demo-token', 1], ['demo-token', 2], ['demo-token', 3]]);
  });

  it('grows linearly with the matches in one text, not with their square', () => {
    // 4× the matches: ~4× the time when linear (n log n: a little more), up to 16× when
    // quadratic. At these sizes the pairwise comparison measured ≈ 13×, the sweep ≈ 4.2×: the
    // bound leaves room for a loaded machine and garbage collection, and none for n².
    const small = linesOfTokens(3_000);
    const large = linesOfTokens(12_000);
    bestOfThree(small); // warm-up: compile the regexes and the engine's code paths
    const ratio = bestOfThree(large) / bestOfThree(small);
    expect(ratio).toBeLessThan(6.5);
  });
});
