import { createPipeline, type NewsDocument } from '@newsprism/core';
import { benchLanguage, loadArticles, sharedData } from './corpus.js';

/**
 * The cost of the quotes option `subjects` (sources from the cue verb's subject in a parse of
 * the sentences whose cue has no speaker phrase): CPU ms per article of the `quotes` step with
 * and without it, alternated article by article over several passes (the machine is shared:
 * CPU time, not wall time), on the bench corpus's articles of one language, and the set-up cost.
 * `node --expose-gc --import tsx bench/src/subjects-cost.ts [--docs N] [--passes K] [--lang en|ru]`.
 */
const data = sharedData();
if (!data) {
  console.log('subjects-cost: ../shared/data not found; set NEWSPRISM_SHARED. Skipped.');
  process.exit(0);
}
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const lang = arg('lang') ?? 'en';
const articles = loadArticles(data)
  .filter((a) => benchLanguage(a.set) === lang)
  .slice(0, Number(arg('docs') ?? 300));
const passes = Number(arg('passes') ?? 3);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const base = await createPipeline({ layers: ['paragraphs', 'sentences', 'tokens', 'language'] });
let t = cpu();
const off = await createPipeline({ layers: ['quotes'], options: { quotes: { subjects: false } } });
const setupOff = cpu() - t;
t = cpu();
const on = await createPipeline({ layers: ['quotes'], options: { quotes: { subjects: true } } });
const setupOn = cpu() - t;
const docs: NewsDocument[] = articles.map((a) => base.run({ id: a.id, text: a.text, meta: { lang } }));
// A first pass over every article, untimed: the tagger's word cache and the JIT warm up.
for (const d of docs) {
  off.extend(d, ['quotes']);
  on.extend(d, ['quotes']);
}
const per: { off: number[]; on: number[] } = { off: [], on: [] };
for (let p = 0; p < passes; p++) {
  let msOff = 0;
  let msOn = 0;
  docs.forEach((d, i) => {
    for (const which of (i + p) % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
      t = cpu();
      (which === 'on' ? on : off).extend(d, ['quotes']);
      if (which === 'on') msOn += cpu() - t;
      else msOff += cpu() - t;
    }
  });
  per.off.push(msOff / docs.length);
  per.on.push(msOn / docs.length);
}
const stat = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(3)} ± ${sd.toFixed(3)}`;
};
const added = per.on.map((v, i) => v - per.off[i]!);
console.log(`${docs.length} ${lang} articles, ${passes} passes, quotes CPU ms an article`);
console.log(`subjects off ${stat(per.off)}; on ${stat(per.on)}; added ${stat(added)}`);
console.log(`added per pass: ${added.map((v) => v.toFixed(3)).join(' ')}`);
console.log(
  `set-up CPU ms: off ${setupOff.toFixed(0)}, on ${setupOn.toFixed(0)} (models shared by the store after the first)`,
);
