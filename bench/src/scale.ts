import { createPipeline } from '@newsprism/core';
import { type BenchArticle, benchLanguage } from './corpus.js';
import { r3 } from './stats.js';

/** How the articles of a long document are joined. */
export type ScaleShape = 'paragraphs' | 'one-line' | 'long-sentences';

/** Every shape, in the order the bench runs them. */
export const SCALE_SHAPES: readonly ScaleShape[] = ['paragraphs', 'one-line', 'long-sentences'];

/** The bench articles of one language (`en`: SemEval English and PolNeAR; `ru`: SemEval Russian). */
export function scaleArticles(articles: readonly BenchArticle[], lang: string): BenchArticle[] {
  return articles.filter((a) => benchLanguage(a.set) === lang);
}

/** Figures of one long document: its size and the wall time of each analyzer. */
export interface ScaleRow {
  lang: string;
  shape: ScaleShape;
  mib: number;
  chars: number;
  totalMs: number;
  /** Milliseconds per analyzer, in run order. */
  analyzers: Record<string, number>;
}

/**
 * A long synthetic document of about `bytes` UTF-16 code units from the articles, repeated in
 * order as needed: `paragraphs` keeps their line breaks (thousands of paragraphs),
 * `one-line` turns every line break into a space (one paragraph, no line break), and
 * `long-sentences` also turns sentence ends into commas (one paragraph of a few very long
 * sentences).
 */
export function longDocument(articles: readonly BenchArticle[], bytes: number, shape: ScaleShape): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i = (i + 1) % articles.length) {
    let t = articles[i]!.text.trim();
    if (shape !== 'paragraphs') t = t.replace(/\s*\n\s*/g, ' ');
    if (shape === 'long-sentences') t = t.replace(/([.!?])\s+(?=\p{Lu})/gu, ', ');
    parts.push(t);
    n += t.length + 2;
  }
  return parts.join(shape === 'paragraphs' ? '\n\n' : ' ');
}

/**
 * Runs the full pipeline once on long documents of each size (MiB of UTF-16 code units) and
 * shape, timing each analyzer: the times should grow linearly with the size (each layer is
 * linear or n log n in document length). `articles` should be of one language.
 */
export async function benchScale(
  articles: readonly BenchArticle[],
  lang: string,
  sizesMiB: readonly number[],
  shapes: readonly ScaleShape[],
  onRow: (row: ScaleRow) => void,
): Promise<void> {
  const times = new Map<string, number>();
  const p = await createPipeline({ onTiming: (n, ms) => times.set(n, (times.get(n) ?? 0) + ms) });
  // Warm-up: models load and code is compiled before the first timed document.
  p.run({ id: 'warm-up', text: longDocument(articles, 50_000, 'paragraphs') });
  for (const shape of shapes)
    for (const mib of sizesMiB) {
      const text = longDocument(articles, mib * 1024 * 1024, shape);
      times.clear();
      const t0 = performance.now();
      p.run({ id: `${lang}-${shape}-${mib}`, text });
      const totalMs = performance.now() - t0;
      const analyzers: Record<string, number> = {};
      for (const [n, ms] of times) analyzers[n] = r3(ms);
      onRow({ lang, shape, mib, chars: text.length, totalMs: r3(totalMs), analyzers });
    }
}
