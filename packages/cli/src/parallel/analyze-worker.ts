import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type DocumentInput } from '@newsprism/core';
import { makeFormat } from '../formats/index.js';
import type { RenderSettings } from './pool.js';

/**
 * A worker thread of `analyze --jobs`: builds the pipeline and the output format once, then
 * analyses and renders each document it is sent and posts back the text (or the error). Only
 * strings cross between threads: cloning a whole analysed document costs more than rendering it.
 */
const settings = workerData as RenderSettings;
const pipeline = await createPipeline({ layers: settings.layers });
const format = makeFormat(settings.format);
const ctx = { layers: new Set(settings.output), color: settings.color };
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (m: { seq: number; input: DocumentInput }) => {
  try {
    const doc = pipeline.run(m.input);
    parentPort!.postMessage({ seq: m.seq, id: doc.id, out: format.render(doc, ctx) });
  } catch (err) {
    parentPort!.postMessage({ seq: m.seq, error: (err as Error).message });
  }
});
