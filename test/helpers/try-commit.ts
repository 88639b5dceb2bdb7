// `git commit` through whatever hooks a test repository has installed, reporting a refusal instead of throwing.
import type { TestRepo } from './git-repo.js';

export function tryCommit(repo: TestRepo, message: string, env: Record<string, string> = {}): { committed: boolean; output: string } {
  try {
    repo.git(['commit', '-q', '-m', message], env);
    return { committed: true, output: '' };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { committed: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
