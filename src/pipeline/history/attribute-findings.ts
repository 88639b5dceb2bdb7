// From blob matches to findings: each match is placed at every (path, commit) that introduced
// its blob, then each secret at each place keeps only its first introduction — a key that
// stays in a file through a hundred later edits is one finding, at the commit that added it.
import { placeMatches } from '../../detect/place-matches.js';
import type { Finding, Match } from '../../types.js';
import type { BlobIndex } from '../../sources/history/blob-index.js';
import type { Engine } from '../../detect/engine.js';
import { shownPlace } from '../../sources/history/commit-texts.js';

export interface BlobMatches {
  blob: number;
  matches: Match[];
}

export interface AttributedFinding {
  finding: Finding;
  /** Walk index of the introducing commit: larger is older. */
  commit: number;
}

interface Placed extends AttributedFinding {
  /** The place of a secret: path (and which text of a commit), rule, secret and which occurrence of it there (in line order). */
  occurrence: string;
}

const byPosition = (a: Finding, b: Finding): number => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

function placeAll(found: readonly BlobMatches[], index: BlobIndex, engine: Engine, repo: string | undefined): Placed[] {
  const placed: Placed[] = [];
  for (const { blob, matches } of found) {
    for (const place of index.placesOf(blob)) {
      const { path, within } = shownPlace(index, place);
      const origin = { repo, commit: index.commitSha(place.commit), path, ...(within === undefined ? {} : { within }) };
      const findings = placeMatches(matches, origin, engine).sort(byPosition);
      const occurrences = new Map<string, number>();
      for (const finding of findings) {
        const secret = `${finding.ruleId}\0${finding.secretHash}`;
        const nth = occurrences.get(secret) ?? 0;
        occurrences.set(secret, nth + 1);
        placed.push({ finding, commit: place.commit, occurrence: `${path}\0${within ?? ''}\0${secret}\0${nth}` });
      }
    }
  }
  return placed;
}

/** Findings at their first introductions, newest commit first, then by path and position. */
export function attributeFindings(found: readonly BlobMatches[], index: BlobIndex, engine: Engine, repo?: string): AttributedFinding[] {
  const oldest = new Map<string, Placed>();
  for (const placed of placeAll(found, index, engine, repo)) {
    const kept = oldest.get(placed.occurrence);
    if (!kept || placed.commit > kept.commit) oldest.set(placed.occurrence, placed);
  }
  return [...oldest.values()]
    .sort((a, b) => a.commit - b.commit || (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : 0) || byPosition(a.finding, b.finding))
    .map(({ finding, commit }) => ({ finding, commit }));
}
