import { loadArticles, sharedData } from './corpus.js';
import { benchExtract } from './extract.js';
import { benchLayers } from './layers.js';
import { benchScale, SCALE_SHAPES, scaleArticles } from './scale.js';

/**
 * `npm run bench`: prints throughput, latency and memory on the fixed corpus of shared article
 * texts, and HTML extraction against Readability + jsdom. Skips with a message when ../shared is
 * absent. `--only layers`, `--only extract` or `--only scale` runs one part (`scale` is not in
 * the default run: it takes minutes).
 */
async function main(): Promise<void> {
  const data = sharedData();
  if (!data) {
    console.log('bench: ../shared/data not found; set NEWSPRISM_SHARED to the shared folder. Skipped.');
    return;
  }
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const articles = loadArticles(data);
  console.log(
    `# newsprism bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${articles.length} articles`,
  );
  if (!only || only === 'layers') {
    const r = benchLayers(articles);
    console.log('\n## base layers (language, paragraphs, sentences, tokens), one core');
    console.log(
      `articles/s ${r.base.docsPerSec}  tokens/s ${r.base.tokensPerSec}  p50 ${r.base.p50ms} ms  p95 ${r.base.p95ms} ms`,
    );
    console.log('\n## per analyzer, full pipeline (ms per article)');
    for (const [n, t] of Object.entries(r.analyzers))
      console.log(`${n.padEnd(14)} median ${t.medianMs}  p95 ${t.p95ms}`);
    console.log(`\npeak RSS ${r.peakRssMiB} MiB`);
  }
  if (only === 'scale') {
    console.log('\n## long documents: full pipeline, ms per analyzer (one run each; should grow linearly)');
    for (const lang of ['en', 'ru'])
      await benchScale(scaleArticles(articles, lang), lang, [1, 2, 4, 8], SCALE_SHAPES, (r) => {
        const top = Object.entries(r.analyzers)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([n, ms]) => `${n} ${Math.round(ms)}`);
        console.log(
          `${r.lang} ${r.shape.padEnd(14)} ${r.mib} MiB  total ${Math.round(r.totalMs)} ms  ${Math.round(r.totalMs / r.mib)} ms/MiB | ${top.join(' | ')}`,
        );
      });
  }
  if (!only || only === 'extract') {
    const r = benchExtract(data);
    console.log('\n## HTML extraction (extraction-benchmark pages), median ms/page, one core');
    if (!r) console.log('extraction-benchmark not found; skipped');
    else {
      for (const x of [r.ours, r.readability])
        console.log(
          `${x.name.padEnd(28)} median ${x.medianMs} ms  p95 ${x.p95ms} ms  F1 ${x.f1}  P ${x.precision}  R ${x.recall}`,
        );
      console.log(`${r.pages} pages; newsprism is ${r.speedup}x faster than Readability + jsdom`);
    }
  }
}

await main();
