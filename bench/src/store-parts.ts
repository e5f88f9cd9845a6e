/**
 * Parts of the store's `prepareDocument` alone, for A/B runs (docs/benchmarks.md, issue 14):
 *
 *   node --expose-gc --import tsx bench/src/store-parts.ts PART FILE [STORE_SRC]
 *
 * FILE is what `store-only.ts dump` writes (the 2,000 analysed documents); PART is `stem` (the
 * titles and bodies stemmed in a fresh process: every form new, as in a first ingest), `json`
 * (the layers' JSON), `pack` (Brotli of that JSON) or `vocab` (words, distinct forms, distinct
 * lower-cased forms and distinct stems: the index's vocabulary by stem or by form). Prints CPU
 * ms a document. STORE_SRC as for store-only.ts: another checkout's (or a patched copy's) `src`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NewsDocument } from '@newsprism/core';

const [part, file, src] = process.argv.slice(2);
if (!file || !['stem', 'json', 'pack', 'vocab'].includes(part ?? '')) {
  console.error('usage: store-parts.ts stem|json|pack|vocab FILE [STORE_SRC]');
  process.exit(2);
}
const dir = pathToFileURL(`${resolve(src ?? join(import.meta.dirname, '../../packages/store/src'))}/`);
const { stemText, stemWord } = await import(new URL('stem.ts', dir).href);
const { pack } = await import(new URL('packed.ts', dir).href);
const docs = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as NewsDocument);
const layersJson = (d: NewsDocument) => {
  const { text: _, ...rest } = d;
  return JSON.stringify(rest);
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (part === 'vocab') {
  const forms = new Set<string>();
  let words = 0;
  for (const d of docs)
    for (const t of [d.meta?.title ?? '', d.text])
      for (const w of t.match(/[\p{L}\p{N}]+/gu) ?? []) {
        words++;
        forms.add(w);
      }
  const lower = new Set([...forms].map((w) => w.toLowerCase().replaceAll('ё', 'е')));
  const stems = new Set([...forms].map((w) => stemWord(w) as string));
  console.log(
    `${docs.length} documents: ${words} words, ${forms.size} forms, ${lower.size} lower-cased forms, ${stems.size} stems`,
  );
} else {
  // The JSON is made before the clock starts when only its packing is timed.
  const json = part === 'pack' ? docs.map(layersJson) : [];
  globalThis.gc?.();
  const t = cpuMs();
  if (part === 'stem')
    for (const d of docs) {
      const counts = new Map<string, number>();
      stemText(d.meta?.title ?? '', counts, 2);
      stemText(d.text, counts);
    }
  else if (part === 'json') for (const d of docs) layersJson(d);
  else for (const j of json) pack(j);
  console.log(`${part}: ${((cpuMs() - t) / docs.length).toFixed(3)} ms CPU a document`);
}
