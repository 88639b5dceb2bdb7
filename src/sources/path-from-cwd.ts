// How reports name a file: relative to the working directory when the file is under it (what
// the user typed, and what SARIF uploads expect), else absolute — never relative to some scan
// root, or two roots holding `x.env` would both print `x.env`.
import path from 'node:path';

/** `''` for the working directory itself; `/` separators for a relative path. */
export function pathFromCwd(absolute: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
