// Path criteria of rules and allowlists: minimatch globs (a glob without "/" matches the base
// name anywhere, as in .gitignore) and regexes (gitleaks configs).
import { Minimatch } from 'minimatch';
import type { Pattern } from '../types.js';

export type PathMatcher = (path: string) => boolean;

/** Paths as the scanners give them, made comparable: forward slashes, no leading "./". */
export function normalizePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '');
}

export function compilePathMatcher(globs: readonly string[], regexes: readonly Pattern[] = []): PathMatcher | undefined {
  if (globs.length === 0 && regexes.length === 0) return undefined;
  // Compiled on first use: a rule's paths are asked only about its matches, and compiling every
  // rule's globs was a fortieth of a pre-commit scan.
  let matcher: PathMatcher | undefined;
  return (path) => (matcher ??= buildMatcher(globs, regexes))(path);
}

function buildMatcher(globs: readonly string[], regexes: readonly Pattern[]): PathMatcher {
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, matchBase: true, nocomment: true }));
  const tests = regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, '')));
  return (path) => {
    const normalized = normalizePath(path);
    return matchers.some((matcher) => matcher.match(normalized)) || tests.some((regex) => regex.test(normalized));
  };
}
