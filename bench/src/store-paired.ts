/**
 * Two versions of the store's ingest code in one process, between the analysis batches of the
 * `--only store --phase ingest` bench, for A/B runs that meet the same load and the same heap
 * (docs/benchmarks.md, issue 14):
 *
 *   NEWSPRISM_SHARED=… node --expose-gc --import tsx bench/src/store-paired.ts A_SRC B_SRC [stem|prepare|write|ingest]
 *
 * A_SRC and B_SRC are store `src` folders (this checkout's, another worktree's, a patched copy's
 * inside a checkout). The 2,000 documents are analysed 100 at a time, as in the bench; after each
 * batch both versions do the part asked for on it — the order alternating batch by batch — and
 * its CPU time (`process.cpuUsage`) is taken: `stem` the titles and bodies stemmed, `prepare`
 * `prepareDocument`, `write` `ingestPrepared` of the prepared batch into a store of each
 * version's own, `ingest` (the default) both, as `Store.ingest`. Prints ms a document for each
 * and the paired difference B − A by batch (mean ± standard error over the 20 batches).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPipeline, heavyLayers, keepLayers, type NewsDocument } from '@newsprism/core';
import { loadArticles, sharedData } from './corpus.js';
import { spread } from './store.js';

const [srcA, srcB, part = 'ingest'] = process.argv.slice(2);
if (!srcA || !srcB || !['stem', 'prepare', 'write', 'ingest'].includes(part)) {
  console.error('usage: store-paired.ts A_SRC B_SRC [stem|prepare|write|ingest]');
  process.exit(2);
}
const data = sharedData();
if (!data) throw new Error('no shared data: set NEWSPRISM_SHARED');
const tmp = mkdtempSync(join(tmpdir(), 'newsprism-store-paired-'));

/** One version: its modules, and a store of its own when the part writes. */
async function version(src: string, name: string) {
  const dir = pathToFileURL(`${resolve(src)}/`);
  const stem = await import(new URL('stem.ts', dir).href);
  const prepare = await import(new URL('prepare.ts', dir).href);
  const { openStore } = await import(new URL('index.ts', dir).href);
  const store = part === 'write' || part === 'ingest' ? await openStore(join(tmp, `${name}.db`)) : undefined;
  return { stem, prepare, store };
}
type Version = Awaited<ReturnType<typeof version>>;
const a = await version(srcA, 'a');
const b = await version(srcB, 'b');

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU ms of the part on a batch. */
async function timed(v: Version, docs: NewsDocument[]): Promise<number> {
  if (part === 'write') {
    const rows = docs.map(v.prepare.prepareDocument);
    const t = cpu();
    await v.store!.ingestPrepared(rows);
    return cpu() - t;
  }
  const t = cpu();
  if (part === 'ingest') await v.store!.ingest(docs);
  else if (part === 'prepare') for (const d of docs) v.prepare.prepareDocument(d);
  else
    for (const d of docs) {
      const counts = new Map<string, number>();
      v.stem.stemText(d.meta?.title ?? '', counts, 2);
      v.stem.stemText(d.text, counts);
    }
  return cpu() - t;
}

const all = await createPipeline();
const wanted = all.layers.filter((l) => !heavyLayers.includes(l));
const keep = new Set(wanted);
const pipeline = await createPipeline({ layers: wanted });
const articles = spread(loadArticles(data), 2000);
for (const x of articles.slice(0, 50)) pipeline.run({ id: x.id, text: x.text });
let msA = 0;
let msB = 0;
const diffs: number[] = [];
for (let i = 0; i < articles.length; i += 100) {
  const batch = articles
    .slice(i, i + 100)
    .map((x) => keepLayers(pipeline.run({ id: x.id, text: x.text }), keep));
  const first = (i / 100) % 2 === 0;
  const ta = first ? await timed(a, batch) : 0;
  const tb = await timed(b, batch);
  const ta2 = first ? ta : await timed(a, batch);
  msA += ta2;
  msB += tb;
  diffs.push((tb - ta2) / batch.length);
}
await a.store?.close();
await b.store?.close();
rmSync(tmp, { recursive: true, force: true });
const n = articles.length;
const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
const se = Math.sqrt(diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / (diffs.length - 1) / diffs.length);
console.log(
  `${part}: A ${(msA / n).toFixed(3)}, B ${(msB / n).toFixed(3)} ms CPU a document; B − A by batch ${mean.toFixed(3)} ± ${se.toFixed(3)} (standard error, ${diffs.length} batches)`,
);
