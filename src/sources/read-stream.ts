// Reading a FIFO or pipe named on the command line (`mkfifo`, `<(…)`, which is /dev/fd/N): it
// has no size to judge first and may have no writer yet, so it is opened without waiting and
// read as a stream, and a stream that sends nothing in time is a warning rather than a hang.
import { errnoText } from '../errno-text.js';
import fs from 'node:fs';
import net from 'node:net';
import type { FileBytes } from './read-file-bytes.js';

/** How long a stream may take to start (its first byte, or its end) before it is given up. */
const STREAM_START_SECONDS = 5;

export async function readStream(file: string, maxSize: number): Promise<FileBytes> {
  let fd: number;
  try {
    // Opening a FIFO to read waits for a writer, unless it is opened non-blocking.
    fd = await new Promise<number>((resolve, reject) =>
      fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK, (error, opened) => (error ? reject(error) : resolve(opened))));
  } catch (error) {
    return { kind: 'unreadable', reason: errnoText(error) };
  }
  // A socket over the descriptor waits in the event loop: for data, or for the writer to close.
  const socket = new net.Socket({ fd, readable: true, writable: false });
  return new Promise<FileBytes>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: FileBytes): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ kind: 'unreadable', reason: `nothing was written to it within ${STREAM_START_SECONDS} s` }),
      STREAM_START_SECONDS * 1000,
    );
    socket.on('data', (chunk: Buffer) => {
      // Started: from here on the stream is read to its end, however slow.
      clearTimeout(timer);
      size += chunk.byteLength;
      if (size > maxSize) finish({ kind: 'large', size });
      else chunks.push(chunk);
    });
    socket.on('end', () => finish({ kind: 'bytes', bytes: Buffer.concat(chunks) }));
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'unreadable', reason: errnoText(error) }));
  });
}
