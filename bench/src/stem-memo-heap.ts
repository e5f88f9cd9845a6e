/**
 * Heap the store's stem memo keeps as documents are stemmed (docs/benchmarks.md, issue 14):
 *
 *   node --expose-gc --import tsx bench/src/stem-memo-heap.ts [SRC] [N…]
 *
 * SRC is a store `src` folder (default: this checkout's). Synthetic documents of ~30 KB
 * (English and Russian words of a small vocabulary, plus five unique words of 13 letters or
 * more) are stemmed one after another through `stemText` (title and body, as the ingest does)
 * and `stemWord` (one long word matched in the body, as snippets.ts does), then dropped; after
 * each N documents (default 250 500 1000 2000 4000) the heap used after a full GC is printed.
 * One version a process: the memo is the module's, and another version's would share the heap.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [src = 'packages/store/src', ...ns] = process.argv.slice(2);
const steps = (ns.length ? ns : ['250', '500', '1000', '2000', '4000']).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const { stemText, stemWord } = await import(new URL('stem.ts', pathToFileURL(`${resolve(src)}/`)).href);

const VOCABULARY = (
  'the government said on monday that talks would continue after the elections ' +
  'правительство заявило в понедельник что переговоры продолжатся после выборов'
).split(' ');
/** A word of letters only, unique to (document, k): 13 letters or more. */
const unique = (doc: number, k: number) =>
  `Unprecedented${(doc * 5 + k).toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!)}`;
function documentText(doc: number): string {
  const words: string[] = [];
  for (let i = 0, chars = 0; chars < 30_000; i++) {
    const w = i % 800 === 400 ? unique(doc, (i / 800) | 0) : VOCABULARY[(i * 7 + doc) % VOCABULARY.length]!;
    words.push(w);
    chars += w.length + 1;
  }
  return words.join(' ');
}

const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
gc();
console.log(`${src}: 0 documents, heap used ${mb()} MB`);
let done = 0;
for (const n of steps) {
  for (; done < n; done++) {
    const text = documentText(done);
    const counts = new Map<string, number>();
    stemText(`Title ${unique(done, 9)}`, counts, 2);
    stemText(text, counts);
    const long = /\p{L}{13,}/u.exec(text);
    if (long) stemWord(long[0]);
  }
  gc();
  console.log(`${src}: ${n} documents, heap used ${mb()} MB`);
}
