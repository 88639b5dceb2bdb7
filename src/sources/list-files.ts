// Which files a working-tree scan reads: every file under the given paths, minus what
// .gitignore files (at every level, as git reads them) exclude, and never `.git/`.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { errnoText } from '../errno-text.js';

export interface ListedFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the scan root, with `/` separators: what reports show. */
  relative: string;
  /** A FIFO or pipe named as a root (`mkfifo`, `<(…)`): read as a stream, it has no size. */
  stream?: boolean;
  /** A FIFO, socket or device met in a directory: listed as skipped, never opened. */
  special?: string;
}

/** A path that could not be listed, with why. */
export interface Unlistable {
  path: string;
  reason: string;
}

/** What a non-regular file is, for the summary; undefined for files, directories and symlinks. */
function specialKind(entry: fs.Stats | fs.Dirent): string | undefined {
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return 'character device';
  if (entry.isBlockDevice()) return 'block device';
  return undefined;
}

interface IgnoreLayer {
  /** Directory the .gitignore sits in, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

function readIgnoreFile(dir: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isIgnored(layers: IgnoreLayer[], relative: string, isDir: boolean): boolean {
  return layers.some(({ base, rules }) => {
    const inner = base === '' ? relative : relative.slice(base.length + 1);
    return rules.ignores(isDir ? `${inner}/` : inner);
  });
}

/**
 * Yields the files under `root` (a directory or a single file) as the walk finds them, in
 * name order, honouring .gitignore unless told not to: detection starts before the walk ends.
 * A FIFO named as the root is what the user means to scan; one met in a directory is skipped.
 */
export function* listFiles(root: string, options: { gitignore: boolean }, unlistable: Unlistable[]): Generator<ListedFile> {
  const absoluteRoot = path.resolve(root);
  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(absoluteRoot);
  } catch (error) {
    unlistable.push({ path: root, reason: errnoText(error) });
    return;
  }
  if (!rootStat.isDirectory()) {
    const relative = root.split(path.sep).join('/');
    const kind = specialKind(rootStat);
    if (kind === 'FIFO') yield { absolute: absoluteRoot, relative, stream: true };
    else if (kind) unlistable.push({ path: root, reason: `a ${kind}, not a file or a pipe` });
    else yield { absolute: absoluteRoot, relative };
    return;
  }

  function* walk(dir: string, relativeDir: string, layers: IgnoreLayer[]): Generator<ListedFile> {
    const own = options.gitignore ? readIgnoreFile(dir) : undefined;
    const active = own ? [...layers, { base: relativeDir, rules: own }] : layers;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unlistable.push({ path: relativeDir || '.', reason: errnoText(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnored(active, relative, true)) yield* walk(absolute, relative, active);
      } else if (entry.isFile()) {
        if (!isIgnored(active, relative, false)) yield { absolute, relative };
      } else {
        // Opening a FIFO would wait for a writer, a device could be endless: listed, not read.
        const special = specialKind(entry);
        if (special && !isIgnored(active, relative, false)) yield { absolute, relative, special };
      }
      // Symlinks are not followed: a scan reads what the tree holds.
    }
  }
  yield* walk(absoluteRoot, '', []);
}
