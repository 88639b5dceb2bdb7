// Detection of one blob's content, the same in a worker thread and on the main thread.
// A Secret cannot cross a thread boundary, so matches travel with the plaintext as a string
// and are wrapped again on arrival; nothing here is logged or stored.
import { detectContent } from '../detect/detect-content.js';
import type { Engine } from '../detect/engine.js';
import type { FileLineage } from '../detect/file-lineage.js';
import { Secret, type Match } from '../types.js';
import { toText } from '../sources/read-text.js';

export type PlainMatch = Omit<Match, 'secret'> & { secret: string };

/** A user rule that did not run to the end on a blob: its matches there are missing. */
export interface StoppedRule {
  ruleId: string;
  reason: string;
}

/** `stopped`: the verdict is incomplete, so not one to cache. */
export type BlobVerdict =
  | { kind: 'binary' }
  | { kind: 'clean'; stopped?: StoppedRule[] }
  | { kind: 'matches'; matches: PlainMatch[]; stopped?: StoppedRule[] };

/** Content-only detection: what the history cache may remember per blob (when clean). */
export function detectBlob(bytes: Uint8Array, engine: Engine, lineage?: FileLineage): BlobVerdict {
  // Size was judged before reading, so only the binary check applies here.
  const text = toText(bytes, Number.POSITIVE_INFINITY);
  if (text.kind !== 'text') return { kind: 'binary' };
  const stopped: StoppedRule[] = [];
  const matches = detectContent(text.text, engine, { onRuleStopped: (ruleId, reason) => stopped.push({ ruleId, reason }), lineage });
  const incomplete = stopped.length > 0 ? { stopped } : {};
  if (matches.length === 0) return { kind: 'clean', ...incomplete };
  return { kind: 'matches', matches: matches.map((match) => ({ ...match, secret: match.secret.reveal() })), ...incomplete };
}

export function wrapMatches(matches: PlainMatch[]): Match[] {
  return matches.map((match) => ({ ...match, secret: new Secret(match.secret) }));
}
