import { createPipeline } from '@newsprism/core';
import type { BenchArticle } from './corpus.js';
import { peakRssMiB, quantile, r3 } from './stats.js';

const BASE = ['language', 'paragraphs', 'sentences', 'tokens'];

/** Figures of one layer benchmark run. */
export interface LayerBench {
  articles: number;
  base: { docsPerSec: number; tokensPerSec: number; p50ms: number; p95ms: number };
  /** Median and p95 ms per article of each analyzer, from a full-pipeline run. */
  analyzers: Record<string, { medianMs: number; p95ms: number }>;
  peakRssMiB: number;
}

/**
 * Times the base layers over the corpus (after one warm-up pass), then the full pipeline with a
 * per-analyzer timer, on this one thread.
 */
export function benchLayers(articles: readonly BenchArticle[]): LayerBench {
  const base = createPipeline({ layers: BASE });
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
  const full = createPipeline({ onTiming: (n, ms) => times.get(n)?.push(ms) ?? times.set(n, [ms]) });
  for (const a of articles.slice(0, 200)) full.run({ id: a.id, text: a.text });
  times.clear();
  for (const a of articles) full.run({ id: a.id, text: a.text });
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
    analyzers,
    peakRssMiB: Math.round(peakRssMiB()),
  };
}
