// Reading one file for a scan: its size judged before its bytes are read, with one open.
import fs from 'node:fs';
import { errnoText } from '../errno-text.js';

export type FileBytes =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'large'; size: number }
  | { kind: 'unreadable'; reason: string };

/** `allocate`: where the bytes go, of exactly the size asked for (default: a new buffer). */
export function readFileBytes(file: string, maxSize: number, allocate: (size: number) => Uint8Array = Buffer.allocUnsafe): FileBytes {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return unreadable(error);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size > maxSize) return { kind: 'large', size };
    const bytes = allocate(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break; // the file shrank since fstat
      read += n;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, read) };
  } catch (error) {
    return unreadable(error);
  } finally {
    fs.closeSync(fd);
  }
}

function unreadable(error: unknown): FileBytes {
  return { kind: 'unreadable', reason: errnoText(error) };
}
