import type { Analyzer, AnalyzerContext } from './analyzer.js';
import type { Diagnostic, DocumentMeta, LayerName, NewsDocument, Producer } from './schema.js';

/** One set-up analyzer of a pipeline. */
export interface Step {
  a: Analyzer;
  options: object;
  resources: unknown;
  /** The producer entry its layer gets when every optional input it may read is there. */
  producer: Producer;
  /** The layers it reads in this pipeline. */
  inputs: LayerName[];
  cost: { analyzer: string; ms: number; heapMiB: number };
}

const messageOf = (err: unknown): string =>
  err instanceof Error ? `${'code' in err ? `${String(err.code)}: ` : ''}${err.message}` : String(err);

/**
 * Runs the steps in `todo` on `doc`, in pipeline order. An analyzer that throws leaves no
 * layer and an `E_ANALYZER_FAILED` diagnostic naming it and the error; an analyzer whose
 * required layer is missing is skipped with `E_LAYER_SKIPPED`. Nothing else is lost.
 */
export function execute(
  doc: NewsDocument,
  steps: readonly Step[],
  todo: ReadonlySet<Step>,
  onTiming?: (analyzer: string, ms: number) => void,
): NewsDocument {
  const record = doc as Record<string, unknown>;
  for (const step of steps) {
    if (!todo.has(step)) continue;
    const { a } = step;
    const drop = (d: Omit<Diagnostic, 'source'>) => {
      delete record[a.produces];
      delete doc.producers[a.produces];
      doc.diagnostics.push({ ...d, source: a.name });
    };
    const missing = a.requires.find((l) => record[l] === undefined);
    if (missing) {
      drop({
        code: 'E_LAYER_SKIPPED',
        severity: 'error',
        message: `analyzer "${a.name}" skipped: the layer "${missing}" it requires is missing`,
      });
      continue;
    }
    const ctx: AnalyzerContext = {
      report: (d) => doc.diagnostics.push({ ...d, source: a.name }),
      suggestMeta: <K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K]) => {
        if (value !== undefined && doc.meta[key] === undefined) doc.meta[key] = value;
      },
    };
    let layer: unknown;
    try {
      const t0 = onTiming ? performance.now() : 0;
      layer = a.run(doc, ctx, step.options, step.resources);
      onTiming?.(a.name, performance.now() - t0);
    } catch (err) {
      drop({
        code: 'E_ANALYZER_FAILED',
        severity: 'error',
        message: `analyzer "${a.name}" failed: ${messageOf(err)}`,
      });
      continue;
    }
    record[a.produces] = layer;
    const read = step.producer.optional?.filter((l) => record[l] !== undefined);
    const { optional: _, ...producer } = step.producer;
    doc.producers[a.produces] = read?.length ? { ...producer, optional: read } : producer;
  }
  return doc;
}
