// This project as a fresh clone would see it, working-tree edits included: a throw-away git repository
// holding every tracked and untracked-but-not-ignored file, committed, for tests of install paths.
import fs from 'node:fs';
import path from 'node:path';
import { TestRepo } from './git-repo.js';
import { PROJECT_ROOT } from './run-cli.js';

export function projectSnapshot(): { repo: TestRepo; commit: string } {
  const repo = TestRepo.init();
  const listing = new TestRepo(PROJECT_ROOT).git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  for (const file of new Set(listing.split('\0').filter(Boolean))) {
    const source = path.join(PROJECT_ROOT, file);
    if (!fs.existsSync(source) || !fs.lstatSync(source).isFile()) continue; // deleted, or a symlink such as node_modules
    const target = path.join(repo.dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  }
  return { repo, commit: repo.commit('snapshot of the working tree') };
}

/** The environment without what an enclosing `npm test` exports (npm_config_*, npm_lifecycle_*), as in a user's shell. */
export function userShellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return { ...env, ...extra };
}
