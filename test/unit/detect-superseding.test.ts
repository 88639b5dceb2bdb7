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

/**
 * CPU milliseconds of one detection: unlike the wall clock, not stretched while the process
 * waits for a core on a busy machine.
 */
function cpuTime(text: string): number {
  const started = process.cpuUsage();
  detectContent(text, fixture.engine);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The fastest of five runs of each, taken in turns: the least disturbed by anything else. */
function fastestOfFive(small: string, large: string): { small: number; large: number } {
  const best = { small: Number.POSITIVE_INFINITY, large: Number.POSITIVE_INFINITY };
  for (let run = 0; run < 5; run++) {
    best.small = Math.min(best.small, cpuTime(small));
    best.large = Math.min(best.large, cpuTime(large));
  }
  return best;
}

describe('superseding', () => {
  it('keeps the provider finding of each line and drops the generic one', () => {
    const matches = detectContent(linesOfTokens(3), fixture.engine);
    expect(matches.map((match) => [match.ruleId, match.line])).toEqual([['demo-token', 1], ['demo-token', 2], ['demo-token', 3]]);
  });

  it('grows linearly with the matches in one text, not with their square', () => {
    // 4× the matches: ~4× the time when linear (n log n and garbage collection add a little),
    // up to 16× when quadratic. Measured (CPU time, on a loaded 2-core machine): the sweep 4–4.6×,
    // the pairwise comparison it replaced 13.6–17×; the bound sits between them.
    const small = linesOfTokens(6_000);
    const large = linesOfTokens(24_000);
    // Warm-up: the regexes compiled and the engine's code optimised before anything is timed.
    cpuTime(small);
    cpuTime(small);
    cpuTime(large);
    const best = fastestOfFive(small, large);
    expect(best.large / best.small).toBeLessThan(8);
  });
});
