import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '@newsprism/core';
import { benchmarkScores, loadExtractionBenchmark, type PageCounts, pageCounts } from '@newsprism/eval';
import { JSDOM, VirtualConsole } from 'jsdom';
import { quantile, r3 } from './stats.js';

/** Speed and quality of one extractor on the benchmark pages. */
export interface ExtractorResult {
  name: string;
  medianMs: number;
  p95ms: number;
  f1: number;
  precision: number;
  recall: number;
}

/** Result of {@link benchExtract}, or undefined when the data set is absent. */
export interface ExtractBench {
  pages: number;
  ours: ExtractorResult;
  readability: ExtractorResult;
  /** How many times faster ours is, by median ms/page. */
  speedup: number;
}

// jsdom 26, not 27: cssstyle in jsdom 27 throws on some real stylesheets (border shorthands).
// jsdom reports every CSS it cannot parse; the noise says nothing about extraction.
const quiet = new VirtualConsole();

function readabilityText(html: string, url: string): string {
  const dom = new JSDOM(html, { url: url || undefined, virtualConsole: quiet });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

function measure(
  name: string,
  pages: { html: string; url: string; truth: string }[],
  run: (html: string, url: string) => string,
  repeats: number,
): ExtractorResult {
  // Warm the JIT on a few pages so the first pages do not pay for compilation.
  for (const p of pages.slice(0, 3)) run(p.html, p.url);
  const times: number[] = [];
  const counts: PageCounts[] = [];
  for (const p of pages) {
    let text = '';
    const per: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      text = run(p.html, p.url);
      per.push(performance.now() - t0);
    }
    times.push(quantile(per, 0.5));
    counts.push(pageCounts(p.truth, text));
  }
  const s = benchmarkScores(counts);
  return {
    name,
    medianMs: r3(quantile(times, 0.5)),
    p95ms: r3(quantile(times, 0.95)),
    f1: r3(s.f1),
    precision: r3(s.precision),
    recall: r3(s.recall),
  };
}

/**
 * Times `extractArticle` against Mozilla Readability on jsdom (parse + extract, per page, one
 * core) on the extraction-benchmark pages, and scores both with the benchmark's shingle F1.
 */
export function benchExtract(dataDir: string): ExtractBench | undefined {
  const dir = join(dataDir, 'extraction-benchmark');
  if (!existsSync(dir)) return undefined;
  const pages = loadExtractionBenchmark(dir);
  const ours = measure('newsprism extractArticle', pages, (h, url) => extractArticle(h, { url }).text, 5);
  const readability = measure('Readability 0.6 + jsdom 26', pages, readabilityText, 1);
  return { pages: pages.length, ours, readability, speedup: r3(readability.medianMs / ours.medianMs) };
}
