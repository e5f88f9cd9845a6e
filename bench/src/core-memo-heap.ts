/**
 * Heap the core's per-word caches keep as documents are analysed (docs/benchmarks.md, issue 18):
 *
 *   node --expose-gc --import tsx bench/src/core-memo-heap.ts [SRC] [--layers a,b] [--set analyzer.option=value] [N…]
 *
 * SRC is a core `src` folder (default: this checkout's). Synthetic documents of ~30 KB
 * (English or Russian sentences of a small vocabulary, alternately, each with five words of
 * 13 letters or more unique to the document) are analysed one after another with the named
 * layers (default `syntax`) and dropped; after each N documents (default 100 200 400 800) the
 * heap used after a full GC is printed. One version a process: caches are the modules'.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let src = 'packages/core/src';
let layers = ['syntax'];
const options: Record<string, Record<string, unknown>> = {};
const ns: number[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--layers') layers = args[++i]!.split(',');
  else if (a === '--set') {
    const [key, value] = args[++i]!.split('=');
    const [analyzer, option] = key!.split('.');
    options[analyzer!] = { ...options[analyzer!], [option!]: value === 'true' ? true : value };
  } else if (/^\d+$/.test(a)) ns.push(Number(a));
  else src = a;
}
const steps = ns.length ? ns : [100, 200, 400, 800];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const core = await import(new URL('index.ts', pathToFileURL(`${resolve(src)}/`)).href);
const pipeline = await core.createPipeline({ layers, options });

const EN =
  'The government said on Monday that the talks would continue after the elections, ' +
  '"we will not give up", the minister told reporters in the capital.';
const RU =
  'Правительство заявило в понедельник, что переговоры продолжатся после выборов. ' +
  '«Мы не сдадимся», — сказал министр журналистам в столице.';
const letters = (n: number, a: string) =>
  n
    .toString(26)
    .split('')
    .map((d) => String.fromCharCode(a.charCodeAt(0) + Number.parseInt(d, 26)))
    .join('');
/** A word of letters only, unique to (document, k): 13 letters or more. */
const unique = (doc: number, k: number) =>
  doc % 2 ? `Unprecedented${letters(doc * 5 + k, 'a')}` : `Беспрецедентный${letters(doc * 5 + k, 'а')}`;
function documentText(doc: number): string {
  const parts: string[] = [];
  for (let i = 0, chars = 0; chars < 30_000; i++) {
    const s = doc % 2 ? EN : RU;
    const p = i % 40 === 20 ? s.replace(/^\S+/, unique(doc, (i / 40) | 0)) : s;
    parts.push(p);
    chars += p.length + 1;
  }
  return parts.join(' ');
}

const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
gc();
console.log(`${src} ${layers.join(',')}: 0 documents, heap used ${mb()} MB`);
let done = 0;
for (const n of steps) {
  for (; done < n; done++) pipeline.run({ id: `d${done}`, text: documentText(done) });
  gc();
  console.log(`${src} ${layers.join(',')}: ${n} documents, heap used ${mb()} MB`);
}
