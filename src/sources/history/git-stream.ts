// A git child process whose output is read as a stream: its exit is awaited separately and a
// failure becomes a one-line SourceError naming the command and git's first line of complaint.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { SourceError } from '../../errors.js';

export interface GitStream {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  /** Resolves when git exits 0; rejects with a SourceError otherwise. */
  finished: Promise<void>;
  /** Ends git early (the reader stopped) and waits for it. */
  stop(): Promise<void>;
  /** Throws the signal's reason once the caller's signal has stopped git. */
  throwIfAborted(): void;
  /** What git wrote on stderr so far (its first few KB). */
  complaint(): string;
}

/** `signal` ends git when it aborts; the reader then gets the signal's reason, not git's complaint. */
export function startGit(repoDir: string, args: string[], signal?: AbortSignal): GitStream {
  const child = spawn('git', args, { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const onAbort = () => child.kill();
  if (signal?.aborted) child.kill();
  else signal?.addEventListener('abort', onAbort, { once: true });
  child.on('close', () => signal?.removeEventListener('abort', onAbort));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 4096) stderr += text;
  });
  // git may exit before reading all its input; its exit status says why.
  child.stdin.on('error', () => undefined);
  const command = args.find((arg) => !arg.startsWith('-') && !arg.includes('=')) ?? 'git';
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => reject(new SourceError(`cannot run git: ${error.message}`)));
    child.on('close', resolve);
  });
  const finished = exited.then((status) => {
    signal?.throwIfAborted();
    if (status !== 0) throw new SourceError(`git ${command} failed in ${repoDir}: ${stderr.trim().split('\n')[0] ?? ''}`);
  });
  finished.catch(() => undefined); // awaited by the reader; this only keeps an early failure from going unhandled
  return {
    child,
    finished,
    stop: async () => {
      child.kill();
      await exited.catch(() => undefined);
    },
    throwIfAborted: () => signal?.throwIfAborted(),
    complaint: () => stderr,
  };
}

/** Writes one line per item to git's stdin, minding backpressure, then closes it. */
export async function writeLines(stdin: Writable, count: number, line: (index: number) => string): Promise<void> {
  const perWrite = 4096;
  try {
    for (let start = 0; start < count && !stdin.destroyed; start += perWrite) {
      let text = '';
      for (let i = start; i < Math.min(count, start + perWrite); i++) text += `${line(i)}\n`;
      if (!stdin.write(text)) await once(stdin, 'drain');
    }
    stdin.end();
  } catch {
    // git stopped reading: its exit status, awaited by the reader, says why
  }
}
