// The repositories' git data: one bare repository per emulated repository, read with git
// itself (asynchronously: clients in the same process may be talking to the emulator).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Bytes, for blobs. */
  size: number;
  path: string;
}

/** The environment git runs in here: nothing inherited that could point it at another repository. */
export function isolatedGitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/** Runs git on a bare repository. */
export function runGit(gitDir: string, args: string[]): Promise<string> {
  return run('git', ['--git-dir', gitDir, ...args], { env: isolatedGitEnv(), maxBuffer: 256 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
  );
}

export class GitStore {
  constructor(readonly root: string) {}

  /** Where the bare repository lives, relative to the root (as `git http-backend` is told). */
  relativeDir(owner: string, name: string): string {
    return `${owner.toLowerCase()}/${name.toLowerCase()}.git`;
  }

  dir(owner: string, name: string): string {
    return path.join(this.root, this.relativeDir(owner, name));
  }

  async init(gitDir: string, defaultBranch: string): Promise<void> {
    await run('git', ['init', '--bare', '-q', '-b', defaultBranch, gitDir], { env: isolatedGitEnv() });
  }

  /** The commit a ref (branch, tag or SHA) names, or undefined. */
  async resolveCommit(gitDir: string, ref: string): Promise<string | undefined> {
    if (ref.startsWith('-')) return undefined;
    try {
      return (await runGit(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  async isEmpty(gitDir: string): Promise<boolean> {
    return (await runGit(gitDir, ['for-each-ref', '--count=1'])).trim() === '';
  }

  /** The entries of the tree at `dirPath` ('' for the root) in `commit`. */
  async listTree(gitDir: string, commit: string, dirPath: string): Promise<TreeEntry[]> {
    const spec = dirPath ? `${commit}:${dirPath}` : `${commit}^{tree}`;
    return (await runGit(gitDir, ['ls-tree', '-l', '-z', spec]))
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta = '', name = ''] = line.split('\t');
        const [mode = '', type = '', sha = '', size = ''] = meta.split(/\s+/);
        return { mode, type: type as TreeEntry['type'], sha, size: Number(size) || 0, path: dirPath ? `${dirPath}/${name}` : name };
      });
  }

  /** The entry at `filePath` in `commit`, if there is one. */
  async entry(gitDir: string, commit: string, filePath: string): Promise<TreeEntry | undefined> {
    const parent = path.posix.dirname(filePath);
    try {
      const entries = await this.listTree(gitDir, commit, parent === '.' ? '' : parent);
      return entries.find((entry) => entry.path === filePath);
    } catch {
      return undefined;
    }
  }

  async readBlob(gitDir: string, sha: string): Promise<Buffer> {
    const { stdout } = await run('git', ['--git-dir', gitDir, 'cat-file', 'blob', sha], {
      env: isolatedGitEnv(),
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  }
}
