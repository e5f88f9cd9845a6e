import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type DocumentInput } from '@newsprism/core';

/**
 * A worker thread of `analyze --jobs`: builds the pipeline for the run's layers once, then
 * analyses each document it is sent and posts the document back (or the analyzer's error).
 */
const pipeline = createPipeline({ layers: (workerData as { layers: string[] }).layers });
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (m: { seq: number; input: DocumentInput }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, doc: pipeline.run(m.input) });
  } catch (err) {
    parentPort!.postMessage({ seq: m.seq, error: (err as Error).message });
  }
});
