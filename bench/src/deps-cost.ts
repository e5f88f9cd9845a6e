import { createPipeline, loadDepsParser, type NewsDocument, parseSentences } from '@newsprism/core';
import { cueSentences, markOrCueSentences } from '@newsprism/core/train';
import { benchLanguage, loadArticles, sharedData } from './corpus.js';

/**
 * The cost of the syntax layer's dependency parser (`deps: true`) on the bench corpus's English
 * articles: CPU ms per article of the syntax layer with and without it, alternated article by
 * article (the machine is shared: CPU time, not wall time), and the parser's set-up cost.
 * `node --expose-gc --import tsx bench/src/deps-cost.ts [--docs N] [--model FILE]`.
 */
const data = sharedData();
if (!data) {
  console.log('deps-cost: ../shared/data not found; set NEWSPRISM_SHARED. Skipped.');
  process.exit(0);
}
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const docs = loadArticles(data)
  .filter((a) => benchLanguage(a.set) === 'en')
  .slice(0, Number(arg('docs') ?? 400));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const model = arg('model') ?? new URL('../../models/syntax/deps-en.json', import.meta.url).pathname;
globalThis.gc?.();
const before = process.memoryUsage();
let t = cpu();
loadDepsParser(model);
const setup = cpu() - t;
const after = process.memoryUsage();
const plain = await createPipeline({ layers: ['syntax'] });
const deps = await createPipeline({ layers: ['syntax'], options: { syntax: { deps: true } } });
// Both pipelines share the tokens and sentences they compute: time the syntax step by
// running each pipeline on the same article in alternation, after a warm-up pass.
for (const a of docs.slice(0, 20)) {
  plain.run({ id: a.id, text: a.text, meta: { lang: 'en' } });
  deps.run({ id: a.id, text: a.text, meta: { lang: 'en' } });
}
let ms0 = 0;
let ms1 = 0;
let tokens = 0;
docs.forEach((a, i) => {
  const order = i % 2 === 0 ? [plain, deps] : [deps, plain];
  for (const p of order) {
    t = cpu();
    const d = p.run({ id: a.id, text: a.text, meta: { lang: 'en' } });
    const ms = cpu() - t;
    if (p === plain) {
      ms0 += ms;
      tokens += d.tokens!.length;
    } else ms1 += ms;
  }
});
const n = docs.length;
console.log(`${n} English articles, ${(tokens / n).toFixed(0)} tokens each on average`);
console.log(
  `pipeline to syntax, CPU ms per article: without deps ${(ms0 / n).toFixed(2)}, with deps ${(ms1 / n).toFixed(2)}, parser ${((ms1 - ms0) / n).toFixed(2)}`,
);
console.log(
  `parser set-up: ${setup.toFixed(0)} ms CPU, +${((after.arrayBuffers - before.arrayBuffers) / 2 ** 20).toFixed(1)} MiB array buffers, +${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(1)} MiB heap`,
);

// The parse of a subset of sentences: tags and quotes first (not timed), then the parses alone.
const parser = loadDepsParser(model);
const tagged = await createPipeline({ layers: ['syntax', 'quotes'] });
const prepared = docs.map((a) => {
  const d: NewsDocument = tagged.run({ id: a.id, text: a.text, meta: { lang: 'en' } });
  const all = d.sentences!.map((_, i) => i);
  const quotes = d.quotes ?? [];
  const unsourced = cueSentences(
    d.sentences!,
    quotes.filter((q) => !q.source),
  );
  return { d, all, marks: markOrCueSentences(d), cues: cueSentences(d.sentences!, quotes), unsourced };
});
const sets = ['all', 'marks', 'cues', 'unsourced'] as const;
const spent = { all: 0, marks: 0, cues: 0, unsourced: 0 };
const count = { all: 0, marks: 0, cues: 0, unsourced: 0 };
const what = {
  all: 'every sentence',
  marks: 'sentences with a quotation mark or cue word',
  cues: "sentences with an attribution's cue",
  unsourced: 'sentences with the cue of an attribution without a source',
};
prepared.forEach((x, i) => {
  for (let k = 0; k < sets.length; k++) {
    const set = sets[(k + i) % sets.length]!;
    t = cpu();
    parseSentences(parser, x.d.text, x.d.tokens!, x.d.sentences!, x.d.syntax!, x[set]);
    spent[set] += cpu() - t;
    count[set] += x[set].length;
  }
});
for (const set of sets)
  console.log(
    `parse ${what[set]}: ${((100 * count[set]) / count.all).toFixed(1)} % of sentences, ${(spent[set] / n).toFixed(2)} ms CPU per article`,
  );
