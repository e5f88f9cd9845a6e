import { createPipeline } from '@newsprism/core';
import { openStore } from '../store.js';
import { runWorker } from '../worker.js';

/**
 * A `newsprism worker` as a child process for the queue test: prints `start ID` when it begins
 * a job and `done ID` when the job is committed, and waits DELAY ms inside each job so that the
 * test can kill it mid-job. Usage: worker-child.ts DB NAME LEASE_MS DELAY_MS
 */
const [db, name, lease, delay] = process.argv.slice(2);
const pipeline = await createPipeline({ layers: ['sentences', 'frames'] });
const store = await openStore(db);
await runWorker(store, {
  name,
  batch: 1,
  leaseMs: Number(lease),
  pollMs: 100,
  exitWhenEmpty: true,
  analyze: async (input) => {
    process.stdout.write(`start ${input.id}\n`);
    await new Promise((r) => setTimeout(r, Number(delay)));
    return pipeline.run(input);
  },
  onJob: (j) => process.stdout.write(`${j.ok ? 'done' : 'failed'} ${j.id}\n`),
});
await store.close();
