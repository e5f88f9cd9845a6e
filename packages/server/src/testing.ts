import { createPipeline, type DocumentInput, type NewsDocument, type Pipeline } from '@newsprism/core';
import { refuseFileOptions } from '@newsprism/core/node';
import type { Analysis, AnalyzerOptions } from './analysis.js';

/**
 * An in-process analysis for tests: the pipeline runs on the calling thread (the server's pool
 * is exercised by the end-to-end test). A request's options get a pipeline of their own, kept;
 * options naming files are refused as the pool refuses them.
 */
export async function inProcessAnalysis(
  layers = ['quotes', 'sources', 'naming', 'techniques', 'frames', 'genre', 'claims', 'subjectivity'],
): Promise<Analysis> {
  const p = await createPipeline({ layers });
  const variants = new Map<string, Promise<Pipeline>>();
  const pipelineFor = (options?: AnalyzerOptions): Promise<Pipeline> => {
    if (options === undefined) return Promise.resolve(p);
    const key = JSON.stringify(options);
    let v = variants.get(key);
    if (!v) {
      v = refuseFileOptions(options).then(() => createPipeline({ layers, options }));
      v.catch(() => variants.delete(key));
      variants.set(key, v);
    }
    return v;
  };
  return {
    layers: p.layers,
    stored: layers,
    analyze: async (input: DocumentInput, options?: AnalyzerOptions): Promise<NewsDocument> =>
      (await pipelineFor(options)).run(input),
    check: async (options: AnalyzerOptions) => void (await pipelineFor(options)),
    close: async () => undefined,
  };
}
