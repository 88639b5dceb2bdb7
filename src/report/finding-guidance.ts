// What a reader should do about a finding, in one sentence: the rule's own guidance, or the general remedy.
import type { Finding } from '../types.js';

export const GENERAL_REMEDY = 'Revoke the secret at its provider, replace it, and remove it from the history.';

export function guidanceFor(finding: Pick<Finding, 'guidance'>): string {
  return finding.guidance ?? GENERAL_REMEDY;
}
