import { compareWith } from './compare.js';
import { loadArticles, sharedData } from './corpus.js';
import { benchExtract } from './extract.js';
import { benchJobs, benchJobsSteady } from './jobs.js';
import { benchLayers } from './layers.js';
import { benchReuse } from './reuse.js';
import { benchScale, SCALE_SHAPES, scaleArticles } from './scale.js';
import { setupCosts } from './setup-cost.js';
import { benchStore } from './store.js';

/**
 * `npm run bench`: prints throughput, latency and memory on the fixed corpus of shared article
 * texts, and HTML extraction against Readability + jsdom. Skips with a message when ../shared is
 * absent. `--only layers` or `--only extract` runs one part. Only when asked: `--only jobs` (the
 * CLI over 2,000 articles with `-j 1` and `-j 2`, paired, three rounds; then the runner in-process
 * over the same articles twice, per-thread CPU of the warm-up and the steady pass), `--only store` (the
 * corpus store), `--only web` (the UI in Chromium), `--only api` (the HTTP API under load), `--only reuse [--docs N]`
 * (reuse detection over N generated documents, default 100,000),
 * `--only scale` (1, 2, 4 and 8 MB documents: should grow linearly),
 * `--only compare --against <checkout>` (this core against another build, interleaved).
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
  if (only === 'api') {
    const { benchApi } = await import('./api.js');
    const n = Number(process.env.NEWSPRISM_BENCH_API_DOCS ?? 100_000);
    const r = await benchApi(articles, n, Number(process.env.NEWSPRISM_BENCH_API_SECONDS ?? 120));
    console.log(
      '\n## HTTP API on loopback (autocannon), `newsprism serve` in its own process, 2 analysis workers',
    );
    const a = r.analyze;
    console.log(
      `analyze (quotes), ${a.documents} documents: core runner -j 2 ${a.runnerDocsPerSec} docs/s (${a.runnerSteadyDocsPerSec} after worker start-up), POST /api/analyze ${a.apiDocsPerSec} docs/s on its second pass (${a.ratio}x the steady runner; first pass ${a.apiFirstPassDocsPerSec}); CPU a document: runner ${a.runnerCpuMsPerDoc} ms, server ${a.apiCpuMsPerDoc} ms`,
    );
    for (const [name, s] of [
      ['small store, cache off', r.tiny],
      ['full store, cache off', r.search],
      ['full store, CACHED (every query answered from the search cache)', r.cached],
    ] as const)
      console.log(
        `search, ${name}, ${s.documents.toLocaleString('en')} documents (SQLite), 16 connections for ${s.seconds} s: ${s.requestsPerSec} requests/s, p50 ${s.p50ms} ms, p99 ${s.p99ms} ms, errors ${s.errors}, server CPU ${s.serverCpuMsPerRequest} ms a request`,
      );
    console.log(
      `the same queries straight through the store: ${r.storeMs.tiny.p50} / ${r.storeMs.tiny.p95} ms (small), ${r.storeMs.full.p50} / ${r.storeMs.full.p95} ms (full) p50 / p95; server RSS every 10 s ${r.search.rssMiB.join(', ')} MiB`,
    );
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
  if (only === 'compare') {
    const i = process.argv.indexOf('--against');
    if (i < 0) throw new Error('--only compare needs --against <checkout with a built core>');
    const c = await compareWith(process.argv[i + 1]!, articles);
    console.log(`\n## full pipeline, this core against ${process.argv[i + 1]}, interleaved (ms per article)`);
    console.log(
      `${c.articles} articles (warm-up ${JSON.stringify(c.warmUp)}): wall ours ${c.ours}, theirs ${c.theirs}, ours/theirs ${(c.ours / c.theirs).toFixed(3)}; CPU ours ${c.cpu.ours}, theirs ${c.cpu.theirs}, ours/theirs ${(c.cpu.ours / c.cpu.theirs).toFixed(3)}`,
    );
    for (const l of c.languages)
      console.log(
        `${l.lang.padEnd(6)} ${l.articles} articles: wall ${l.ours} / ${l.theirs} (${(l.ours / l.theirs).toFixed(3)}), CPU ${l.cpuOurs} / ${l.cpuTheirs} (${(l.cpuOurs / l.cpuTheirs).toFixed(3)})`,
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
        `-j ${j}  median ${x.medianSecs} s  runs ${x.all.join(', ')} s  CPU ${x.cpuSecs ?? '?'} s  peak RSS ${x.rssMiB ?? '?'} MiB`,
      );
    console.log(`load average during the runs ${r.load[0]}–${r.load[1]} (2 cores, shared)`);
    for (const [j, x] of Object.entries(r.speedup))
      console.log(`speed-up -j ${j} over -j 1: ${x}x (median of paired ratios)`);
    const s = await benchJobsSteady(articles);
    if (s) {
      console.log(
        `\n## runner in-process, ${s.documents} articles twice: per-thread CPU s (first pass = warm-up)`,
      );
      for (const [j, x] of Object.entries(s.runs))
        for (const [phase, p] of [
          ['warm-up', x.warmup],
          ['steady', x.steady],
        ] as const)
          console.log(
            `jobs ${j} ${phase.padEnd(7)} wall ${p.wallSecs} s  main ${p.main}  workers ${p.workers.join(' + ')}  background ${p.background}  total ${p.total}`,
          );
      for (const [j, x] of Object.entries(s.runs))
        console.log(`jobs ${j} steady state: ${x.documentsPerCpuSec} documents per CPU-second (all threads)`);
      for (const [j, x] of Object.entries(s.projected))
        console.log(
          `steady-state speed-up jobs ${j} over 1, projected for ${j} idle cores from per-thread CPU (warm-up excluded; not a measured wall time): ${x}x`,
        );
      console.log(`outputs identical across jobs and passes: ${s.identical}; load ${s.load[0]}–${s.load[1]}`);
    }
  }
  // Only when asked: it builds a 100,000-document corpus in SQLite and PostgreSQL.
  if (only === 'store') {
    const i = process.argv.indexOf('--phase');
    await benchStore(articles, i > 0 ? process.argv[i + 1] : undefined);
  }
  // Not in the default run: it takes minutes and gigabytes; `--only reuse [--docs N]`.
  if (only === 'reuse') {
    const n = process.argv.includes('--docs')
      ? Number(process.argv[process.argv.indexOf('--docs') + 1])
      : 100_000;
    const r = benchReuse(articles, n, Math.max(10, Math.round(n / 100)));
    console.log(
      `\n## reuse detection, ${r.documents} generated documents (${r.planted} planted copies), one core`,
    );
    console.log(
      `${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU  peak RSS ${Math.round(r.peakRssMiB)} MiB  planted copies found ${r.plantedFound}/${r.planted}  other pairs ${r.otherPairs}`,
    );
  }
}

await main();
