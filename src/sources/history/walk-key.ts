// What decides the commits a selection walks, as one key: a scan whose key was walked before
// takes that walk's list of commits instead of listing them again. The commits reachable from
// given tips are the same whatever the repository, so the key is the selection with every ref
// and HEAD resolved (`git show-ref --head`: replace refs included), and the environment that
// changes what git reads. No key where the tips alone do not decide: a shallow repository (its
// boundary moves with a deepening fetch), grafts, or a revision that is a name, not a commit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { askGit } from '../git-command.js';
import type { RevSelection, Repository } from './select-revs.js';

const COMMIT_ID = /^\^?[0-9a-f]{40}([0-9a-f]{24})?$/;

export function walkKey(repo: Repository, selection: RevSelection): string | undefined {
  if (repo.shallow || fs.existsSync(path.join(repo.commonDir, 'info', 'grafts'))) return undefined;
  if (!selection.stdin.every((rev) => COMMIT_ID.test(rev))) return undefined;
  const refs = askGit(repo.dir, ['show-ref', '--head']);
  // Exit 1 with nothing printed: no ref at all, so there is nothing to walk again.
  if (!refs.ok) return undefined;
  return createHash('sha256')
    .update(JSON.stringify({
      walk: 1,
      args: selection.args,
      stdin: selection.stdin,
      refs: refs.stdout.toString('latin1'),
      replace: [process.env.GIT_REPLACE_REF_BASE ?? null, process.env.GIT_NO_REPLACE_OBJECTS ?? null],
    }))
    .digest('hex');
}
