// The installed package's root: found from this module's own location, so the built-in rules
// are found from src/ (tests), dist/ (the built CLI) and an installed package alike.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('leakstop: package.json not found above the module');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();

/** The built-in rule files: `<package root>/rules`. */
export const BUILT_IN_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
