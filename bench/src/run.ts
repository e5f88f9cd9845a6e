import { compareWith } from './compare.js';
import { loadArticles, sharedData } from './corpus.js';
import { benchExtract } from './extract.js';
import { benchJobs } from './jobs.js';
import { benchLayers } from './layers.js';
import { setupCosts } from './setup-cost.js';

/**
 * `npm run bench`: prints throughput, latency and memory on the fixed corpus of shared article
 * texts, and HTML extraction against Readability + jsdom. Skips with a message when ../shared is
 * absent. `--only layers`, `--only extract`, `--only web`, `--only jobs` or `--only compare
 * --against <checkout>` runs one part; `jobs` (the CLI
 * over 2,000 articles with `-j 1` and `-j 2`, paired, three rounds) runs only when asked.
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
    const r = await benchLayers(articles);
    console.log('\n## base layers (language, paragraphs, sentences, tokens), one core');
    console.log(
      `articles/s ${r.base.docsPerSec}  tokens/s ${r.base.tokensPerSec}  p50 ${r.base.p50ms} ms  p95 ${r.base.p95ms} ms`,
    );
    console.log('\n## full pipeline, one core');
    console.log(
      `articles/s ${r.full.docsPerSec}  set-up ${r.full.setupMs} ms  first document ${r.full.firstDocMs} ms`,
    );
    const setup = await setupCosts();
    if (setup) {
      console.log(
        `\n## set-up per analyzer (models read, checksummed, parsed; memory kept, after GC), total ${setup.totalMs} ms`,
      );
      for (const s of setup.rows) console.log(`${s.analyzer.padEnd(14)} ${s.ms} ms  ${s.keptMiB} MiB`);
    }
    console.log('\n## per analyzer, full pipeline (ms per article)');
    for (const [n, t] of Object.entries(r.analyzers))
      console.log(`${n.padEnd(14)} median ${t.medianMs}  p95 ${t.p95ms}`);
    console.log(`\npeak RSS ${r.peakRssMiB} MiB`);
  }
  if (only === 'web') {
    const { benchWeb } = await import('./web.js');
    const r = await benchWeb(articles);
    console.log('\n## web UI in Chromium: article view of one long article with every layer');
    console.log(
      `${r.words} words, ${r.marks} highlight elements: render after data median ${r.renderMedianMs} ms, p95 ${r.renderP95Ms} ms`,
    );
    console.log(
      `initial JavaScript ${r.initialJsGzipKiB} KiB gzip; loaded when needed (plots) ${r.lazyJsGzipKiB} KiB gzip`,
    );
  }
  if (only === 'compare') {
    const i = process.argv.indexOf('--against');
    if (i < 0) throw new Error('--only compare needs --against <checkout with a built core>');
    const c = await compareWith(process.argv[i + 1]!, articles);
    console.log(`\n## full pipeline, this core against ${process.argv[i + 1]}, interleaved (ms per article)`);
    console.log(
      `${c.articles} articles: ours ${c.ours}, theirs ${c.theirs}, ours/theirs ${(c.ours / c.theirs).toFixed(3)}`,
    );
    for (const a of c.analyzers) console.log(`${a.name.padEnd(14)} ${a.ours}  ${a.theirs}`);
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
  if (only === 'jobs') {
    const r = benchJobs(articles);
    console.log(`\n## analyze -j N, ${r.documents} articles, whole CLI process, ${r.rounds} paired rounds`);
    for (const [j, x] of Object.entries(r.runs))
      console.log(
        `-j ${j}  median ${x.medianSecs} s  runs ${x.all.join(', ')} s  peak RSS ${x.rssMiB ?? '?'} MiB`,
      );
    for (const [j, x] of Object.entries(r.speedup))
      console.log(`speed-up -j ${j} over -j 1: ${x}x (median of paired ratios)`);
  }
}

await main();
