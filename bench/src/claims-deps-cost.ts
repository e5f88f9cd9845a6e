import { createPipeline, type NewsDocument } from '@newsprism/core';
import { benchLanguage, loadArticles, sharedData } from './corpus.js';

/**
 * The cost of the claims option `deps` (each English clause tagged and parsed for the
 * check-worthiness model that reads its main clause): CPU ms per article of the `claims` step
 * with and without it, alternated article by article (the machine is shared: CPU time, not
 * wall time), on the bench corpus's English articles, with the clauses scored an article.
 * `node --conditions=source --import tsx bench/src/claims-deps-cost.ts [--docs N]`.
 */
const data = sharedData();
if (!data) {
  console.log('claims-deps-cost: ../shared/data not found; set NEWSPRISM_SHARED. Skipped.');
  process.exit(0);
}
const at = process.argv.indexOf('--docs');
const articles = loadArticles(data)
  .filter((a) => benchLanguage(a.set) === 'en')
  .slice(0, at > 0 ? Number(process.argv[at + 1]) : 200);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const upTo = ['paragraphs', 'sentences', 'tokens', 'language', 'entities', 'quotes'];
const base = await createPipeline({ layers: upTo });
const plain = await createPipeline({ layers: ['claims'], options: { claims: { minScore: 0 } } });
let t = cpu();
const deps = await createPipeline({ layers: ['claims'], options: { claims: { minScore: 0, deps: true } } });
const setup = cpu() - t;
// The claims step alone: its inputs computed once, each pipeline extends them by `claims`.
const docs: NewsDocument[] = articles.map((a) => base.run({ id: a.id, text: a.text, meta: { lang: 'en' } }));
const ms = { plain: 0, deps: 0 };
let clauses = 0;
let flipped = 0;
for (let pass = 0; pass < 2; pass++)
  docs.forEach((d, i) => {
    const order = i % 2 ? (['deps', 'plain'] as const) : (['plain', 'deps'] as const);
    const out: Record<string, NewsDocument> = {};
    for (const k of order) {
      const p = k === 'deps' ? deps : plain;
      t = cpu();
      out[k] = p.extend(d, ['claims']);
      if (pass) ms[k] += cpu() - t;
    }
    if (pass) {
      const a = out.plain!.claims ?? [];
      const b = out.deps!.claims ?? [];
      clauses += a.length;
      flipped += a.filter((c, j) => c.attrs.checkworthy !== b[j]?.attrs.checkworthy).length;
    }
  });
const n = docs.length;
console.log(
  JSON.stringify({
    articles: n,
    clausesPerArticle: +(clauses / n).toFixed(1),
    claimsMsPerArticle: +(ms.plain / n).toFixed(2),
    claimsWithDepsMsPerArticle: +(ms.deps / n).toFixed(2),
    addedMsPerArticle: +((ms.deps - ms.plain) / n).toFixed(2),
    decisionsChanged: +(flipped / Math.max(1, clauses)).toFixed(3),
    setupMs: Math.round(setup),
  }),
);
