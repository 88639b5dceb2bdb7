// Temporary directories and git repositories for one test file, removed together afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { TestRepo, tempDir } from './git-repo.js';

export class Scratch {
  readonly #cleanups: (() => void)[] = [];

  /** A temp directory holding `files` (paths relative to it, parents made as needed). */
  dirWith(files: Record<string, string | Buffer> = {}): string {
    const dir = tempDir();
    this.onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
  }

  repo(): TestRepo {
    const r = TestRepo.init();
    this.onCleanup(() => r.remove());
    return r;
  }

  onCleanup(cleanup: () => void): void {
    this.#cleanups.push(cleanup);
  }

  cleanup(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}
