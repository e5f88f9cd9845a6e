import type { DocumentInput, NewsDocument } from '@newsprism/core';
import { optionVariants, prepare } from '@newsprism/core/node';
import type { Analysis, AnalyzerOptions } from './analysis.js';
import { poolLayers, shownOptions } from './pool-analysis.js';

/**
 * An in-process analysis for tests: what a worker of the server's pool does (`poolAnalysis`),
 * on the calling thread — the same `prepare` and per-request pipelines (`optionVariants`: a
 * request's options laid over `options`, as over `serve --set`; options naming files refused),
 * without the threads, time budget and text limit (the pool's own tests cover those).
 */
export async function inProcessAnalysis(
  asked = ['quotes', 'sources', 'naming', 'techniques', 'frames', 'genre', 'claims', 'subjectivity'],
  options?: AnalyzerOptions,
): Promise<Analysis> {
  const { wanted, layers } = poolLayers(asked);
  const base = await prepare({ layers: wanted, options });
  const forOptions = optionVariants(base);
  return {
    layers,
    stored: wanted,
    options: shownOptions(options, base.producers),
    analyze: async (input: DocumentInput, over?: AnalyzerOptions): Promise<NewsDocument> =>
      (await forOptions(over)).run(input),
    check: async (over?: AnalyzerOptions) => (await forOptions(over)).producers,
    close: async () => undefined,
  };
}
