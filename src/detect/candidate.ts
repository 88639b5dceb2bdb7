// A rule match that passed the filters (Candidate) or did not (Drop), offsets in the scanned text.
import type { DropReason } from '../types.js';

export interface Candidate {
  ruleIndex: number;
  secret: string;
  /** Where it is reported: the secret, or the outermost encoded segment holding it. */
  start: number;
  end: number;
  /** The lines an inline allow must be on: the regex match, or the segment. */
  spanStart: number;
  spanEnd: number;
  entropy: number;
  checksumValid: boolean;
  decodedFrom: string[];
  pending?: string[];
}

export interface Drop {
  ruleIndex: number;
  offset: number;
  reason: DropReason;
  /** The dropped text, when known: `leakstop rules test` shows it redacted. */
  secret?: string;
}

/**
 * Where a specific rule recognised its kind of secret and rejected it (bad checksum,
 * placeholder, stopword): a guessing rule must not report the same string there after all.
 */
export interface Shadow {
  ruleIndex: number;
  secret: string;
  start: number;
  end: number;
}
