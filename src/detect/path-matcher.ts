// Path criteria of rules and allowlists: minimatch globs (a glob without "/" matches the base
// name anywhere, as in .gitignore) and regexes (gitleaks configs).
import { Minimatch } from 'minimatch';

export type PathMatcher = (path: string) => boolean;

/** Paths as the scanners give them, made comparable: forward slashes, no leading "./". */
export function normalizePath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '');
}

export function compilePathMatcher(globs: readonly string[], regexes: readonly RegExp[] = []): PathMatcher | undefined {
  if (globs.length === 0 && regexes.length === 0) return undefined;
  const matchers = globs.map((glob) => new Minimatch(glob, { dot: true, matchBase: true, nocomment: true }));
  const tests = regexes.map((regex) => new RegExp(regex.source, regex.flags.replace(/[gy]/g, '')));
  return (path) => {
    const normalized = normalizePath(path);
    return matchers.some((matcher) => matcher.match(normalized)) || tests.some((regex) => regex.test(normalized));
  };
}
