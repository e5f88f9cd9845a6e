import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentInput } from '../schema.js';
import { failure, optionVariants, prepare } from './build-pipeline.js';
import type { PipelineSpec, RendererSpec } from './run-options.js';
import { threadId } from './thread-clock.js';

/**
 * A worker thread of the runner: builds the pipeline and renderer once, says `ready`, then
 * analyses each document it is sent, one at a time, and posts back the rendered string (or the
 * document when no renderer was given), or the error's code and message. A message with
 * `options` is analysed by a pipeline with those options laid over the run's, built on first
 * use and kept (the last eight: {@link optionVariants}); a message with no input only checks its options, answered with the producers they make.
 */
const data = workerData as { spec: PipelineSpec; render?: RendererSpec };
const port = parentPort!;
try {
  const base = await prepare(data.spec, data.render);
  const forOptions = optionVariants(base);
  // Answers go back in the order the messages came (the pool matches them so): one at a time.
  let last: Promise<void> = Promise.resolve();
  port.on('message', (m: { seq: number; input?: DocumentInput; options?: unknown }) => {
    last = last.then(async () => {
      try {
        const { run, render, producers } = await forOptions(m.options);
        if (!m.input) return port.postMessage({ seq: m.seq, out: producers });
        const doc = run(m.input);
        port.postMessage({ seq: m.seq, out: render ? render(doc) : doc });
      } catch (err) {
        port.postMessage({ seq: m.seq, error: failure(err) });
      }
    });
  });
  port.postMessage({ ready: true, tid: threadId() });
} catch (err) {
  port.postMessage({ fatal: failure(err) });
}
