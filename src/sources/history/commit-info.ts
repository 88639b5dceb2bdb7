// Author, date and message of the commits that findings are attributed to — read only for
// those, at the end, so the walk never holds metadata for every commit of a long history.
import { runGit } from '../git-command.js';

export interface CommitInfo {
  author: string;
  email: string;
  /** Author date, ISO 8601. */
  date: string;
  /** First line of the message. */
  message: string;
}

const FIELD = '\x1f';

export function readCommitInfo(repoDir: string, shas: readonly string[]): Map<string, CommitInfo> {
  const info = new Map<string, CommitInfo>();
  if (shas.length === 0) return info;
  const format = ['%H', '%an', '%ae', '%aI', '%s'].join('%x1f');
  const input = Buffer.from(shas.map((sha) => `${sha}\n`).join(''));
  const output = runGit(repoDir, ['log', '--no-walk=unsorted', '--stdin', '-z', '--no-color', `--format=${format}`], input).toString('utf8');
  for (const record of output.split('\0')) {
    const [sha, author = '', email = '', date = '', message = ''] = record.split(FIELD);
    if (sha) info.set(sha, { author, email, date, message });
  }
  return info;
}
