// Reads blobs (and the commits and tags whose messages a scan reads) through one long-lived `git cat-file --batch`: the SHAs go in on stdin while the
// contents stream out, parsed as they arrive, so memory holds only the blobs being scanned.
// A damaged object is reported as corrupt, never taken for a missing one or left unsaid.
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { SourceError } from '../../errors.js';
import { startGit, writeLines } from './git-stream.js';

export type GitBlob =
  /** `type`: `blob`, or `commit` / `tag` when a scan reads their messages. */
  | { sha: string; kind: 'content'; type: string; size: number; content: Buffer }
  /** Over the size limit: its bytes streamed past unread. */
  | { sha: string; kind: 'large'; size: number }
  /** Not in the object database (a partial or broken clone). */
  | { sha: string; kind: 'missing' }
  /** In the object database but unreadable (a damaged loose object or pack); `reason` is git's. */
  | { sha: string; kind: 'corrupt'; reason: string };

interface Pending {
  sha: string;
  type: string;
  size: number;
  /** Undefined while the blob is skipped (over the limit). */
  content: Buffer | undefined;
  /** Bytes still to come, including the newline git puts after the content. */
  remaining: number;
}

/**
 * Bounds on git's memory while it reads a scan's blobs: its cache of delta bases (96 MB by
 * default; a scan asks for a file's versions one after another, whose deltas are mostly on each
 * other) and its pack windows (by default the whole pack mapped, every page read counted in its
 * RSS). On lodash's 2.6 GB of versions, in scan order, git alone took 1.22–1.28 s with these
 * bounds against 1.17 s with a 32 MB cache and the whole pack mapped; its peak RSS fell from
 * 114 MB (197 MB with git's defaults) to 46 MB.
 */
const GIT_MEMORY_BOUNDS = ['-c', 'core.deltaBaseCacheLimit=16m', '-c', 'core.packedGitWindowSize=4m', '-c', 'core.packedGitLimit=16m'];

/**
 * Output read ahead of the scan. A pipe holds 64 KB: while the scan detects a batch git gets only
 * that far ahead, then waits. Read into this buffer whenever the scan yields (inlineDetector),
 * git's output overlaps detection instead: express's history on one thread took 1.87 s against
 * 1.97 s (median of 7); 4 MB was no faster and held 50 MB more.
 */
const READ_AHEAD_BYTES = 1 << 20;

/** Parses `git cat-file --batch` output: `<sha> <type> <size>\n<content>\n` or `<sha> missing\n`. */
class BatchParser {
  #header: Buffer[] = [];
  #pending: Pending | undefined;

  constructor(private readonly maxSize: number) {}

  *push(chunk: Buffer): Generator<GitBlob> {
    let offset = 0;
    while (offset < chunk.length) {
      const pending = this.#pending;
      if (pending) {
        const take = Math.min(pending.remaining, chunk.length - offset);
        const contentLeft = pending.remaining - 1;
        const copy = Math.min(take, contentLeft);
        if (pending.content && copy > 0) chunk.copy(pending.content, pending.size - contentLeft, offset, offset + copy);
        pending.remaining -= take;
        offset += take;
        if (pending.remaining === 0) {
          this.#pending = undefined;
          yield pending.content
            ? { sha: pending.sha, kind: 'content', type: pending.type, size: pending.size, content: pending.content }
            : { sha: pending.sha, kind: 'large', size: pending.size };
        }
        continue;
      }
      const newline = chunk.indexOf(10, offset);
      if (newline < 0) {
        this.#header.push(chunk.subarray(offset));
        return;
      }
      this.#header.push(chunk.subarray(offset, newline));
      const header = Buffer.concat(this.#header).toString('latin1');
      this.#header = [];
      offset = newline + 1;
      const [sha = '', type = '', sizeText] = header.split(' ');
      if (type === 'missing') {
        yield { sha, kind: 'missing' };
        continue;
      }
      const size = Number(sizeText);
      if (!Number.isSafeInteger(size)) throw new SourceError(`git cat-file gave an unreadable header "${header.slice(0, 80)}"`);
      // A blob wholly inside this chunk is handed on without a copy.
      if (size <= this.maxSize && chunk.length - offset > size) {
        yield { sha, kind: 'content', type, size, content: chunk.subarray(offset, offset + size) };
        offset += size + 1;
        continue;
      }
      this.#pending = { sha, type, size, content: size <= this.maxSize ? Buffer.allocUnsafeSlow(size) : undefined, remaining: size + 1 };
    }
  }
}

/** Git's first complaint, without its `error:` or `fatal:`. */
function gitReason(stderr: string): string {
  return (stderr.trim().split('\n')[0] ?? '').replace(/^(error|fatal): /, '') || 'unreadable';
}

/**
 * `cat-file --batch` answers `missing` for an object it cannot even unpack the header of;
 * `cat-file -e` still finds such an object there (and complains about it), a missing one not.
 */
function missingOrCorrupt(repoDir: string, sha: string): GitBlob {
  const check = spawnSync('git', ['cat-file', '-e', sha], { cwd: repoDir, encoding: 'utf8', env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } });
  return check.status === 0 ? { sha, kind: 'corrupt', reason: gitReason(check.stderr) } : { sha, kind: 'missing' };
}

/**
 * Yields the blobs in the order asked. Blobs over `maxSize` are reported by size, not read into
 * memory. Stopping early (a `break`, an error in the consumer, or `signal`) ends the git process.
 * A corrupt blob stops git midway: it is reported, and git starts again after it.
 */
export async function* streamBlobs(repoDir: string, shas: readonly string[], maxSize: number, signal?: AbortSignal): AsyncGenerator<GitBlob> {
  let next = 0;
  while (next < shas.length) {
    const first = next;
    const git = startGit(repoDir, [...GIT_MEMORY_BOUNDS, 'cat-file', '--batch', '--buffer'], signal);
    const writing = writeLines(git.child.stdin, shas.length - first, (i) => shas[first + i]!);
    const parser = new BatchParser(maxSize);
    let exited = false;
    const output = git.child.stdout.pipe(new PassThrough({ highWaterMark: READ_AHEAD_BYTES }));
    git.child.stdout.on('error', (error) => output.destroy(error));
    try {
      for await (const chunk of output) {
        // Output git wrote before it was stopped is not read any further.
        git.throwIfAborted();
        for (const blob of parser.push(chunk as Buffer)) {
          next++;
          yield blob.kind === 'missing' ? missingOrCorrupt(repoDir, blob.sha) : blob;
        }
      }
      await writing;
      const failure = await git.finished.then(() => undefined, (error: unknown) => error);
      exited = true;
      if (failure === undefined) return;
      git.throwIfAborted();
      // Git answers in order and stops at the object it cannot read, naming it.
      const culprit = shas[next];
      if (culprit === undefined || !git.complaint().includes(culprit)) throw failure;
      next++;
      yield { sha: culprit, kind: 'corrupt', reason: gitReason(git.complaint()) };
    } finally {
      if (!exited) await git.stop();
    }
  }
}
