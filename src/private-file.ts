// Files Leakstop writes that may hold a secret — reports (with --reveal), baselines, claimed
// keys — are owner-only: created mode 0600, and tightened to 0600 when they already exist.
// A file is opened before the work that fills it, so an unwritable path fails before a scan
// rather than after it, and its old content stays until the new content is written.
import fs from 'node:fs';
import { OutputError } from './errors.js';
import { errnoText } from './errno-text.js';

const OWNER_ONLY = 0o600;

function cannotWrite(file: string, error: unknown): OutputError {
  return new OutputError(`cannot write ${file}: ${errnoText(error)}`, { cause: error });
}

export class PrivateFile {
  #open = true;

  private constructor(
    readonly path: string,
    private readonly fd: number,
    /** Made by this open: removed again if nothing is written to it. */
    private readonly created: boolean,
    /** A regular file is replaced; a device or pipe (`/dev/stdout`) is written as it is. */
    private readonly regular: boolean,
  ) {}

  /** Opens `file` for writing, creating it owner-only; `exclusive`: never an existing file. */
  static open(file: string, options: { exclusive?: boolean } = {}): PrivateFile {
    const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
    let fd: number;
    let created = true;
    try {
      fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL, OWNER_ONLY);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || options.exclusive) throw cannotWrite(file, error);
      created = false;
      try {
        fd = fs.openSync(file, O_WRONLY);
      } catch (reopenError) {
        throw cannotWrite(file, reopenError);
      }
    }
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isFile() && (stat.mode & 0o077) !== 0) fs.fchmodSync(fd, OWNER_ONLY);
      return new PrivateFile(file, fd, created, stat.isFile());
    } catch (error) {
      fs.closeSync(fd);
      throw cannotWrite(file, error);
    }
  }

  /** Replaces the content and closes the file; an OutputError names the path and the reason. */
  write(content: string): void {
    try {
      if (this.regular) fs.ftruncateSync(this.fd, 0);
      fs.writeFileSync(this.fd, content);
      this.#close();
    } catch (error) {
      this.abandon();
      throw cannotWrite(this.path, error);
    }
  }

  /** Nothing will be written after all: closed, and removed if this open created it. */
  abandon(): void {
    if (!this.#open) return;
    this.#close();
    if (this.created) fs.rmSync(this.path, { force: true });
  }

  #close(): void {
    if (!this.#open) return;
    this.#open = false;
    fs.closeSync(this.fd);
  }
}

/** Writes `content` to an owner-only file at once. */
export function writePrivateFile(file: string, content: string, options: { exclusive?: boolean } = {}): void {
  PrivateFile.open(file, options).write(content);
}
