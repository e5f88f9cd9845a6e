import { readFileSync } from 'node:fs';
import type { NewsDocument } from '@newsprism/core';
import { openStore } from '@newsprism/store';
import { ingestRange } from './store-scale.js';

// One writer of a parallel ingest (see benchScale): `store-writer.ts URL BASE_FILE FROM TO`
// ingests documents FROM to TO of the generated corpus and prints its RSS list
// (MiB after each quarter) as JSON on its last line.
const [url, baseFile, from, to] = process.argv.slice(2) as [string, string, string, string];
const base = readFileSync(baseFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as NewsDocument);
const store = await openStore(url);
const rss = await ingestRange(store, base, Number(from), Number(to));
await store.close();
console.log(JSON.stringify(rss));
