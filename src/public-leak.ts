// A key GitHub's secret-scanning partner program found somewhere public (any repository, gist,
// issue or package): not a repository of ours, so its incidents share one pseudo-repository —
// one incident per key, each public place a sighting — and its issue goes to the provider's
// security repository. The response log's sighting columns hold what GitHub tells us: the
// public URL as the path, and GitHub's `source` (commit, gist, npm …) where a commit's author
// would stand; the token type GitHub named is in the incident's rule id.
import type { Incident, NewSighting, Sighting } from './types.js';

/** Not `owner/name`: no repository of that name can exist on GitHub. */
export const PUBLIC_LEAK_REPO = 'public (GitHub secret scanning)';

const RULE_PREFIX = 'github-secret-scanning:';

export interface PublicPlace {
  url: string;
  source: string;
}

export const isPublicLeak = (incident: Pick<Incident, 'repo'>): boolean => incident.repo === PUBLIC_LEAK_REPO;

export function publicLeakRuleId(tokenType: string): string {
  return `${RULE_PREFIX}${tokenType}`;
}

/** The token type GitHub named when it first reported the key. */
export function tokenTypeOf(incident: Pick<Incident, 'ruleId'>): string {
  return incident.ruleId.startsWith(RULE_PREFIX) ? incident.ruleId.slice(RULE_PREFIX.length) : incident.ruleId;
}

export function publicSighting(place: PublicPlace): NewSighting {
  return { path: place.url, line: 0, author: place.source };
}

export function publicPlaceOf(sighting: Pick<Sighting, 'path' | 'author'>): PublicPlace {
  return { url: sighting.path, source: sighting.author ?? 'unknown' };
}

/** One line for a person: `https://… (gist, reported 2025-…)`. */
export function describePublicPlace(sighting: Pick<Sighting, 'path' | 'author' | 'seenAt'>): string {
  const { url, source } = publicPlaceOf(sighting);
  return `${url} (${source}, reported ${sighting.seenAt})`;
}
