import { createPipeline } from '@newsprism/core';
import type { BenchArticle } from './corpus.js';
import { peakRssMiB, quantile, r3 } from './stats.js';

const BASE = ['language', 'paragraphs', 'sentences', 'tokens'];

/** Figures of one layer benchmark run. */
export interface LayerBench {
  articles: number;
  base: { docsPerSec: number; tokensPerSec: number; p50ms: number; p95ms: number };
  /** The full pipeline: articles per second over the corpus, after a warm-up. */
  full: { docsPerSec: number; setupMs: number; firstDocMs: number };
  /** Median and p95 ms per article of each analyzer, from a full-pipeline run. */
  analyzers: Record<string, { medianMs: number; p95ms: number }>;
  peakRssMiB: number;
}

/**
 * Times the base layers over the corpus (after one warm-up pass), then builds the full
 * pipeline (set-up time, and the first document, which builds the lazily made tables) and runs
 * it with a per-analyzer timer, on this one thread. `await` also takes a pipeline built
 * synchronously, so the same code measures older versions of the core.
 */
export async function benchLayers(articles: readonly BenchArticle[]): Promise<LayerBench> {
  const base = await createPipeline({ layers: BASE });
  for (const a of articles.slice(0, 200)) base.run({ id: a.id, text: a.text });
  const per: number[] = [];
  let tokens = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const s = performance.now();
    const d = base.run({ id: a.id, text: a.text });
    per.push(performance.now() - s);
    tokens += d.tokens!.length;
  }
  const secs = (performance.now() - t0) / 1000;

  const times = new Map<string, number[]>();
  const s0 = performance.now();
  const full = await createPipeline({ onTiming: (n, ms) => times.get(n)?.push(ms) ?? times.set(n, [ms]) });
  const setupMs = performance.now() - s0;
  const f0 = performance.now();
  full.run({ id: articles[0]!.id, text: articles[0]!.text });
  const firstDocMs = performance.now() - f0;
  for (const a of articles.slice(0, 200)) full.run({ id: a.id, text: a.text });
  times.clear();
  const r0 = performance.now();
  for (const a of articles) full.run({ id: a.id, text: a.text });
  const fullSecs = (performance.now() - r0) / 1000;
  const analyzers: LayerBench['analyzers'] = {};
  for (const [n, xs] of times)
    analyzers[n] = { medianMs: r3(quantile(xs, 0.5)), p95ms: r3(quantile(xs, 0.95)) };
  return {
    articles: articles.length,
    base: {
      docsPerSec: Math.round(articles.length / secs),
      tokensPerSec: Math.round(tokens / secs),
      p50ms: r3(quantile(per, 0.5)),
      p95ms: r3(quantile(per, 0.95)),
    },
    full: {
      docsPerSec: Math.round(articles.length / fullSecs),
      setupMs: Math.round(setupMs),
      firstDocMs: Math.round(firstDocMs),
    },
    analyzers,
    peakRssMiB: Math.round(peakRssMiB()),
  };
}
