import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentInput } from '../schema.js';
import { failure, prepare } from './build-pipeline.js';
import type { PipelineSpec, RendererSpec } from './run-options.js';
import { threadId } from './thread-clock.js';

/**
 * A worker thread of the runner: builds the pipeline and renderer once, says `ready`, then
 * analyses each document it is sent, one at a time, and posts back the rendered string (or the
 * document when no renderer was given), or the error's code and message.
 */
const data = workerData as { spec: PipelineSpec; render?: RendererSpec };
const port = parentPort!;
try {
  const { run, render } = await prepare(data.spec, data.render);
  port.on('message', (m: { seq: number; input: DocumentInput }) => {
    try {
      const doc = run(m.input);
      port.postMessage({ seq: m.seq, out: render ? render(doc) : doc });
    } catch (err) {
      port.postMessage({ seq: m.seq, error: failure(err) });
    }
  });
  port.postMessage({ ready: true, tid: threadId() });
} catch (err) {
  port.postMessage({ fatal: failure(err) });
}
