// Files written in a fresh temp directory for a test, removed by the caller's cleanups.
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './git-repo.js';

/** A temp directory holding `files` (name → content); its removal is added to `cleanups`. */
export function dirWith(files: Record<string, string>, cleanups: (() => void)[]): string {
  const dir = tempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}
