// The top of the work tree a path is in, found as git finds it (the nearest `.git` directory
// upwards) without starting git: every git process costs a pre-commit scan about 4 ms. Whenever
// something may move the work tree or the search (the environment, a `.git` file of a linked
// work tree or submodule, `core.worktree`, a bare repository, an included config), git answers.
import fs from 'node:fs';
import path from 'node:path';
import { gitTopLevel } from './git-command.js';

/** Variables that change where git looks for a repository or its work tree. */
const DISCOVERY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/** Config lines that make the directory holding `.git` something other than the top. */
const MOVES_WORK_TREE = /^\s*(?:worktree\s*=|bare\s*=\s*(?:true|yes|on|1)\s*$|\[include)/im;

export function workTreeTop(cwd: string): string {
  if (DISCOVERY_VARIABLES.some((name) => process.env[name] !== undefined)) return gitTopLevel(cwd);
  const start = path.resolve(cwd);
  for (let dir = start; ;) {
    const dotGit = path.join(dir, '.git');
    const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() && !isInside(start, dotGit) && topIsItsDirectory(dotGit) ? dir : gitTopLevel(cwd);
    const parent = path.dirname(dir);
    if (parent === dir) return gitTopLevel(cwd);
    dir = parent;
  }
}

function isInside(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

function topIsItsDirectory(gitDir: string): boolean {
  try {
    return !MOVES_WORK_TREE.test(fs.readFileSync(path.join(gitDir, 'config'), 'utf8'));
  } catch {
    return false;
  }
}
