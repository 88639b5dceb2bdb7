// A detection worker thread: compiles its own engine once, then answers batches of blobs or files.
import { parentPort, workerData } from 'node:worker_threads';
import { assembleEngine, compileEngine } from '../detect/compile-engine.js';
import { detectBlob, type BlobVerdict } from './detect-blob.js';
import { detectFile } from './detect-file.js';
import type { DetectTask, DetectWorkerData } from './detect-pool.js';
import { FileLineages } from './file-lineages.js';

const { config, extraRules, plan } = workerData as DetectWorkerData;
const engine = plan ? assembleEngine(config, extraRules, plan) : compileEngine(config, extraRules);
const lineages = new FileLineages();
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (task: DetectTask) => {
  if ('files' in task) {
    parentPort!.postMessage({ id: task.id, verdicts: task.files.map((file) => detectFile(file, engine)) });
    return;
  }
  const bytes = new Uint8Array(task.buffer);
  const verdicts: BlobVerdict[] = [];
  let start = 0;
  task.ends.forEach((end, i) => {
    const content = bytes.subarray(start, end);
    verdicts.push(lineages.detect(task.paths?.[i], (lineage) => detectBlob(content, engine, lineage)));
    start = end;
  });
  // The batch's buffer goes back to be filled again: no new one per batch on either side.
  parentPort!.postMessage({ id: task.id, verdicts, buffer: task.buffer }, [task.buffer]);
});
