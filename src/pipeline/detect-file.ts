// Detection of one file by path, read where it is detected (a worker thread, or the main
// thread for small scans): the size limit is judged before the bytes are read.
import type { Engine } from '../detect/engine.js';
import { readFileBytes, type FileBytes } from '../sources/read-file-bytes.js';
import { readStream } from '../sources/read-stream.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';

export type FileVerdict =
  | (BlobVerdict & { size: number })
  | { kind: 'large'; size: number }
  | { kind: 'unreadable'; reason: string };

function detectBytes(read: FileBytes, engine: Engine): FileVerdict {
  if (read.kind !== 'bytes') return read;
  return { ...detectBlob(read.bytes, engine), size: read.bytes.byteLength };
}

/** Files up to this size are read into one buffer per thread, reused: fewer allocations for the GC. */
const REUSED_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/** A file's bytes are decoded into text (a copy) before the next file is read: they may share a buffer. */
function reusedBuffer(size: number): Uint8Array {
  if (size > REUSED_BYTES) return Buffer.allocUnsafe(size);
  scratch ??= Buffer.allocUnsafeSlow(REUSED_BYTES);
  return scratch.subarray(0, size);
}

export function detectFile(file: string, engine: Engine): FileVerdict {
  return detectBytes(readFileBytes(file, engine.maxFileSize, reusedBuffer), engine);
}

/** A FIFO or pipe, read on this thread as it arrives: its size is judged as it is read. */
export async function detectStream(file: string, engine: Engine): Promise<FileVerdict> {
  return detectBytes(await readStream(file, engine.maxFileSize), engine);
}
