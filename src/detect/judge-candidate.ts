// The filters a rule match passes to become a Match, in order: checksum → structure → entropy floor →
// built-in placeholders → global and rule allowlists. Each is a small pure function; this
// composes them and says why a candidate was dropped.
import type { DropReason } from '../types.js';
import { contentVerdict, type CandidateText } from './allowlist.js';
import { hasValidChecksum } from './checksum.js';
import type { Engine, EngineRule } from './engine.js';
import { shannonEntropy } from './entropy.js';
import { linesAround } from './line-index.js';
import { placeholderReason } from './placeholder.js';
import type { RuleMatch } from './rule-matches.js';
import { structuredValue } from './structure.js';

export type Judgement =
  | { kept: true; entropy: number; checksumValid: boolean; pending?: string[] }
  | { kept: false; reason: DropReason };

export function judgeCandidate(engine: Engine, rule: EngineRule, match: RuleMatch, text: string): Judgement {
  const { secret } = match;
  const kind = rule.rule.checksum;
  const checksumValid = kind !== undefined && hasValidChecksum(kind, secret);
  if (kind !== undefined && !checksumValid) return { kept: false, reason: 'checksum' };
  const structure = rule.rule.structure;
  const carried = structure === undefined ? secret : structuredValue(structure, secret);
  if (carried === undefined) return { kept: false, reason: 'structure' };
  const entropy = shannonEntropy(secret);
  if (rule.bypass) return { kept: true, entropy, checksumValid };
  if (entropy < rule.rule.entropy) return { kept: false, reason: 'entropy' };

  // A valid checksum proves a real token: no placeholder carries one by accident.
  const placeholder = checksumValid ? undefined : placeholderReason(carried);
  if (placeholder) return { kept: false, reason: placeholder };

  let pending: string[] | undefined;
  if (engine.allowlists.length > 0 || rule.allowlists.length > 0) {
    const candidate: CandidateText = {
      secret,
      match: () => text.slice(match.matchStart, match.matchEnd),
      line: () => linesAround(text, match.matchStart, match.matchEnd),
    };
    for (const allowlist of [...engine.allowlists, ...rule.allowlists]) {
      const verdict = contentVerdict(allowlist, candidate);
      if (verdict === 'pending') (pending ??= []).push(allowlist.key);
      else if (verdict !== undefined) return { kept: false, reason: verdict };
    }
  }
  return pending ? { kept: true, entropy, checksumValid, pending } : { kept: true, entropy, checksumValid };
}
