// Detection of one file by path, read where it is detected (a worker thread, or the main
// thread for small scans): the size limit is judged before the bytes are read.
import type { Engine } from '../detect/engine.js';
import { readFileBytes } from '../sources/read-file-bytes.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';

export type FileVerdict =
  | (BlobVerdict & { size: number })
  | { kind: 'large'; size: number }
  | { kind: 'unreadable'; reason: string };

export function detectFile(file: string, engine: Engine): FileVerdict {
  const read = readFileBytes(file, engine.maxFileSize);
  if (read.kind !== 'bytes') return read;
  return { ...detectBlob(read.bytes, engine), size: read.bytes.byteLength };
}
