import { createPipeline, type DocumentInput, type NewsDocument } from '@newsprism/core';
import type { Analysis } from './analysis.js';

/**
 * An in-process analysis for tests: the pipeline runs on the calling thread (the server's pool
 * is exercised by the end-to-end test). `fail` makes documents whose text contains it throw.
 */
export async function inProcessAnalysis(
  layers = ['quotes', 'sources', 'naming', 'techniques', 'frames', 'genre', 'claims', 'subjectivity'],
): Promise<Analysis> {
  const p = await createPipeline({ layers });
  return {
    layers: p.layers,
    stored: layers,
    analyze: async (input: DocumentInput): Promise<NewsDocument> => p.run(input),
    close: async () => undefined,
  };
}
