import { readFileSync } from 'node:fs';
import type { NewsDocument } from '@newsprism/core';
import { openStore } from '../store.js';

/**
 * A child process for the interruption and concurrency tests: ingests the analysed documents
 * of a JSONL file in batches and prints `committed N` after each transaction.
 * Usage: ingest-child.ts DB DOCS.jsonl BATCH
 */
const [db, file, batch] = process.argv.slice(2);
const docs = readFileSync(file!, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as NewsDocument);
const store = await openStore(db);
const size = Number(batch);
for (let i = 0; i < docs.length; i += size) {
  await store.ingest(docs.slice(i, i + size));
  process.stdout.write(`committed ${Math.min(i + size, docs.length)}\n`);
}
await store.close();
