import type { Finding, Fragment } from '../types.js';
import { detectContent } from './detect-content.js';
import type { Engine } from './engine.js';
import { placeMatches } from './place-matches.js';

/** Findings in one fragment: its content detected, then placed at its origin. */
export function detectFragment(fragment: Fragment, engine: Engine): Finding[] {
  return placeMatches(detectContent(fragment.text, engine, undefined, fragment.lines), fragment.origin, engine);
}
