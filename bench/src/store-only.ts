/**
 * The store alone, for A/B runs of its ingest code (docs/benchmarks.md, issue 14):
 *
 *   node --import tsx bench/src/store-only.ts dump FILE
 *     analyses the 2,000 documents of `--only store --phase ingest` once (the layers `ingest`
 *     keeps) and writes them to FILE as JSONL;
 *   node --expose-gc --import tsx bench/src/store-only.ts run FILE [STORE_SRC]
 *     stores them into a fresh SQLite store in batches of 100, timing `prepareDocument` and
 *     `ingestPrepared` in CPU time (`process.cpuUsage`), ms a document. STORE_SRC is the store's
 *     `src` folder to import (default: this checkout's), e.g. a copy of another commit's, so
 *     that two versions can be run alternately on the same machine load.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPipeline, heavyLayers, keepLayers, type NewsDocument } from '@newsprism/core';
import { loadArticles, sharedData } from './corpus.js';
import { spread } from './store.js';

const [mode, file, src] = process.argv.slice(2);
if (!file || (mode !== 'dump' && mode !== 'run')) {
  console.error('usage: store-only.ts dump FILE | run FILE [STORE_SRC]');
  process.exit(2);
}

if (mode === 'dump') {
  const data = sharedData();
  if (!data) throw new Error('no shared data: set NEWSPRISM_SHARED');
  const all = await createPipeline();
  const wanted = all.layers.filter((l) => !heavyLayers.includes(l));
  const keep = new Set(wanted);
  const pipeline = await createPipeline({ layers: wanted });
  const lines = spread(loadArticles(data), 2000).map((a) =>
    JSON.stringify(keepLayers(pipeline.run({ id: a.id, text: a.text }), keep)),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`${lines.length} documents written to ${file}`);
} else {
  const dir = pathToFileURL(`${resolve(src ?? join(import.meta.dirname, '../../packages/store/src'))}/`);
  const { prepareDocument } = await import(new URL('prepare.ts', dir).href);
  const { openStore } = await import(new URL('index.ts', dir).href);
  const docs = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as NewsDocument);
  const tmp = mkdtempSync(join(tmpdir(), 'newsprism-store-only-'));
  const store = await openStore(join(tmp, 'store.db'));
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  let prepare = 0;
  let write = 0;
  globalThis.gc?.();
  for (let i = 0; i < docs.length; i += 100) {
    let c = process.cpuUsage();
    const rows = docs.slice(i, i + 100).map(prepareDocument);
    prepare += cpuMs(c);
    c = process.cpuUsage();
    await store.ingestPrepared(rows);
    write += cpuMs(c);
  }
  await store.close();
  const bytes = statSync(join(tmp, 'store.db')).size;
  rmSync(tmp, { recursive: true, force: true });
  const n = docs.length;
  const ms = (x: number) => (x / n).toFixed(3);
  console.log(
    `${n} documents: prepare ${ms(prepare)} + write ${ms(write)} = ${ms(prepare + write)} ms CPU a document, ${Math.round(bytes / n)} bytes a document`,
  );
}
