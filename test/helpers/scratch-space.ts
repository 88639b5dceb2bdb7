// Repositories and directories for one test file, removed when its tests are done.
import fs from 'node:fs';
import { afterAll } from 'vitest';
import { TestRepo, tempDir } from './git-repo.js';

export function scratchSpace(): { repo(): TestRepo; dir(): string } {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));
  return {
    repo() {
      const made = TestRepo.init();
      cleanups.push(() => made.remove());
      return made;
    },
    dir() {
      const made = tempDir();
      cleanups.push(() => fs.rmSync(made, { recursive: true, force: true }));
      return made;
    },
  };
}
