// Allowlists, compiled. Content criteria (regexes, stopwords) are judged while detecting;
// place criteria (paths, commits) only once a match is tied to a path and commit.
import type { Allowlist, AllowlistTarget, DropReason } from '../types.js';
import { compilePathMatcher, type PathMatcher } from './path-matcher.js';

export interface CompiledAllowlist {
  /** Stable name within an engine, kept in Match.pendingAllowlists. */
  key: string;
  /** 'and': every criterion present must hold; otherwise any one does. */
  and: boolean;
  regexes: RegExp[];
  target: AllowlistTarget;
  /** Lower-case. */
  stopwords: string[];
  paths?: PathMatcher;
  commits?: ReadonlySet<string>;
}

export function compileAllowlist(allowlist: Allowlist, key: string): CompiledAllowlist {
  const compiled: CompiledAllowlist = {
    key,
    and: allowlist.condition === 'and',
    regexes: allowlist.regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''))),
    target: allowlist.regexTarget,
    stopwords: allowlist.stopwords.map((word) => word.toLowerCase()),
  };
  const paths = compilePathMatcher(allowlist.paths, allowlist.pathRegexes);
  if (paths) compiled.paths = paths;
  if (allowlist.commits?.length) compiled.commits = new Set(allowlist.commits);
  return compiled;
}

export function hasPlaceCriteria(allowlist: CompiledAllowlist): boolean {
  return allowlist.paths !== undefined || allowlist.commits !== undefined;
}

/** The texts a content criterion may test, computed only when asked. */
export interface CandidateText {
  secret: string;
  match(): string;
  line(): string;
}

/**
 * What an allowlist's content criteria say of a candidate: a reason to drop it, 'pending'
 * (an 'and'-allowlist whose remaining criteria are about the place), or undefined (keep).
 */
export function contentVerdict(allowlist: CompiledAllowlist, candidate: CandidateText): DropReason | 'pending' | undefined {
  const { regexes, stopwords } = allowlist;
  const regexHit = regexes.length > 0 && regexes.some((regex) => regex.test(targetText(allowlist.target, candidate)));
  const stopwordHit = stopwords.length > 0 && containsStopword(candidate.secret, stopwords);
  const reason: DropReason = regexHit ? 'allowlist-regex' : 'allowlist-stopword';
  if (!allowlist.and) return regexHit || stopwordHit ? reason : undefined;
  if ((regexes.length > 0 && !regexHit) || (stopwords.length > 0 && !stopwordHit)) return undefined;
  return hasPlaceCriteria(allowlist) ? 'pending' : reason;
}

/** Whether an allowlist's place criteria allow a match at this path and commit. */
export function placeAllows(allowlist: CompiledAllowlist, path: string, commit: string | undefined): boolean {
  const pathHit = allowlist.paths?.(path);
  const commitHit = allowlist.commits && commit !== undefined ? allowlist.commits.has(commit) : allowlist.commits ? false : undefined;
  if (allowlist.and) return pathHit !== false && commitHit !== false && (pathHit === true || commitHit === true);
  return pathHit === true || commitHit === true;
}

function targetText(target: AllowlistTarget, candidate: CandidateText): string {
  return target === 'secret' ? candidate.secret : target === 'match' ? candidate.match() : candidate.line();
}

function containsStopword(secret: string, stopwords: readonly string[]): boolean {
  const lower = secret.toLowerCase();
  return stopwords.some((word) => lower.includes(word));
}
