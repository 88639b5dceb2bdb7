// The lineages of the files a history scan detects, by path (see file-lineage.ts). The least
// recently used are forgotten past a bound, so memory stays flat however many files a history holds.
import { FileLineage } from '../detect/file-lineage.js';

/** Code units of file versions kept per thread (2 bytes each): a file's versions come one after another, so a few files' worth. */
const KEPT_UNITS = 2 << 20;

export class FileLineages {
  readonly #byPath = new Map<string, FileLineage>();
  #units = 0;

  /** Runs `detect` with the lineage of `path` (none: without one), which then remembers this version. */
  detect<T>(path: string | undefined, detect: (lineage?: FileLineage) => T): T {
    if (path === undefined) return detect();
    const lineage = this.#byPath.get(path) ?? new FileLineage();
    this.#byPath.delete(path);
    this.#units -= lineage.size;
    try {
      return detect(lineage);
    } finally {
      this.#byPath.set(path, lineage);
      this.#units += lineage.size;
      for (const [oldest, kept] of this.#byPath) {
        if (this.#units <= KEPT_UNITS) break;
        this.#byPath.delete(oldest);
        this.#units -= kept.size;
      }
    }
  }
}
