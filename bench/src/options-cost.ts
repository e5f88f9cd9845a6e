import { createPipeline } from '@newsprism/core';
import { builtinCatalog } from '@newsprism/core/node';
import { heavyLayers } from '@newsprism/core/schema';

/**
 * `node --conditions=source --import tsx bench/src/options-cost.ts [--sets N]` (issue 14): what
 * a request's own analyzer options cost the server. A worker thread builds a pipeline for each
 * option set it meets (`Prepared.withOptions`, models shared with its first pipeline): this
 * builds the server's default pipeline (every layer but the heavy ones) once, cold, then N more
 * with distinct genre options, and prints the CPU milliseconds of each (this thread's
 * `process.cpuUsage`, so other processes' load does not count) as JSON: `cold`, `warm` mean ± sd.
 */
const at = process.argv.indexOf('--sets');
const sets = at > 0 ? Number(process.argv[at + 1]) : 8;
const layers = builtinCatalog.map((a) => a.produces).filter((l) => !heavyLayers.includes(l));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t = cpu();
// Kept alive: the thread's model store holds models weakly, as a worker's first pipeline does.
const kept = [await createPipeline({ layers })];
const cold = cpu() - t;
const warm: number[] = [];
for (let i = 0; i < sets; i++) {
  t = cpu();
  const prior = i % 2 ? 'newspaper' : 'news-wire';
  kept.push(await createPipeline({ layers, options: { genre: { prior, why: i } } }));
  warm.push(cpu() - t);
}
const mean = warm.reduce((a, b) => a + b, 0) / warm.length;
const sd = Math.sqrt(warm.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, warm.length - 1));
console.log(
  JSON.stringify({
    pipelines: kept.length,
    cold: Math.round(cold),
    warmMean: +mean.toFixed(1),
    warmSd: +sd.toFixed(1),
  }),
);
