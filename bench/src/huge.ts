import { readFileSync, writeFileSync } from 'node:fs';
import { createPipeline } from '@newsprism/core';
import { benchLanguage, loadArticles, sharedData } from './corpus.js';

/**
 * Huge documents (issue 14): `tsx bench/src/huge.ts gen <MB> <out.txt> [--lang en|ru|any]` writes
 * one text of about `MB` megabytes (UTF-8) made of the bench corpus's articles concatenated in
 * name order (repeated when the corpus is shorter), each a paragraph block separated by a blank
 * line — a book or a forum dump as a user would feed it (paragraphs of a second pass over the
 * corpus numbered, so they do not repeat). Write it outside the repo (`/tmp`).
 *
 * `node --expose-gc --import tsx bench/src/huge.ts probe <file> [--layers a,b]` analyses it in
 * this process with a collection after each analyzer and prints, per layer, its process CPU
 * seconds, the live heap it left and the peak RSS so far (for the per-layer table; the whole
 * process figures come from `/usr/bin/time -v newsprism analyze`).
 */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function gen(mb: number, out: string, lang: string): void {
  const data = sharedData();
  if (!data) throw new Error('huge: no shared data (set NEWSPRISM_SHARED)');
  const texts = loadArticles(data)
    .filter((a) => lang === 'any' || benchLanguage(a.set) === lang)
    .map((a) => a.text.trim().replace(/\r\n?/g, '\n'));
  if (texts.length === 0) throw new Error(`huge: no ${lang} articles`);
  const want = mb * 1_000_000;
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < want; i++) {
    // A corpus read again numbers its paragraphs by the pass (`(2) …`), so a repeat is not a
    // duplicate paragraph (the paragraphs layer marks those, and layers skip them).
    const pass = Math.floor(i / texts.length);
    const t = pass === 0 ? texts[i]! : texts[i % texts.length]!.replace(/^(?=\S)/gm, `(${pass + 1}) `);
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
  }
  writeFileSync(out, `${parts.join('\n\n')}\n`);
  console.log(`${out}: ${parts.length} articles, ${(bytes / 1e6).toFixed(2)} MB`);
}

async function probe(file: string, layers?: string[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('huge: run with node --expose-gc');
  const text = readFileSync(file, 'utf8');
  const rows: [string, number, number, number][] = [];
  let cpu = process.cpuUsage();
  const pipeline = await createPipeline({
    layers,
    onTiming(name) {
      const c = process.cpuUsage(cpu);
      gc();
      const m = process.memoryUsage();
      rows.push([
        name,
        (c.user + c.system) / 1e6,
        m.heapUsed / 1048576,
        process.resourceUsage().maxRSS / 1024,
      ]);
      cpu = process.cpuUsage();
    },
  });
  gc();
  const base = process.memoryUsage().heapUsed / 1048576;
  const c0 = process.cpuUsage();
  cpu = c0;
  const doc = pipeline.run({ id: file, text });
  const total = process.cpuUsage(c0);
  let prev = base;
  console.log(`text ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB; heap before ${base.toFixed(0)} MB`);
  console.log('layer\tcpu s\tretained MB\tmaxRSS MB');
  for (const [name, s, heap, rss] of rows) {
    console.log(`${name}\t${s.toFixed(2)}\t${(heap - prev).toFixed(0)}\t${rss.toFixed(0)}`);
    prev = heap;
  }
  console.log(`all\t${((total.user + total.system) / 1e6).toFixed(2)}\t${(prev - base).toFixed(0)}`);
  const c1 = process.cpuUsage();
  const json = JSON.stringify(doc);
  const js = process.cpuUsage(c1);
  console.log(
    `JSON.stringify\t${((js.user + js.system) / 1e6).toFixed(2)}\t${(json.length / 1e6).toFixed(1)} M chars\t${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`,
  );
  const sizes = Object.entries(doc).map(([k, v]) => [k, JSON.stringify(v)?.length ?? 0] as const);
  console.log(
    'JSON chars by field:',
    sizes
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${(n / 1e6).toFixed(1)}M`)
      .join(', '),
  );
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'gen') gen(Number(a), b, arg('--lang') ?? 'en');
else if (mode === 'probe') await probe(a, arg('--layers')?.split(','));
else throw new Error('usage: huge.ts gen <MB> <out.txt> [--lang en|ru|any] | probe <file> [--layers a,b]');
