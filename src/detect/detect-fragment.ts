import type { Finding, Fragment, RuleStopped } from '../types.js';
import { detectContent } from './detect-content.js';
import type { Engine } from './engine.js';
import { placeMatches } from './place-matches.js';

/** Findings in one fragment: its content detected, then placed at its origin. */
export function detectFragment(fragment: Fragment, engine: Engine, onRuleStopped?: (stopped: RuleStopped) => void): Finding[] {
  const matches = detectContent(fragment.text, engine, {
    lines: fragment.lines,
    onRuleStopped: (ruleId, reason) => onRuleStopped?.({ path: fragment.origin.path, ruleId, reason }),
  });
  return placeMatches(matches, fragment.origin, engine);
}
