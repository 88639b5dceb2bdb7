// Real git repositories in temp dirs, for tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ada Tester',
  GIT_AUTHOR_EMAIL: 'ada@example.test',
  GIT_COMMITTER_NAME: 'Ada Tester',
  GIT_COMMITTER_EMAIL: 'ada@example.test',
};

export function tempDir(prefix = 'leakstop-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export class TestRepo {
  constructor(readonly dir: string) {}

  static init(options: { bare?: boolean; branch?: string } = {}): TestRepo {
    const dir = tempDir('leakstop-repo-');
    const args = ['init', '-q', '-b', options.branch ?? 'main'];
    if (options.bare) args.push('--bare');
    execFileSync('git', [...args, dir]);
    return new TestRepo(dir);
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY, ...env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  write(file: string, content: string | Buffer): void {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }

  /** Writes the files, stages everything and commits; returns the new commit's SHA. */
  commit(message: string, files: Record<string, string | Buffer> = {}, env: Record<string, string> = {}): string {
    for (const [file, content] of Object.entries(files)) this.write(file, content);
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], env);
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
