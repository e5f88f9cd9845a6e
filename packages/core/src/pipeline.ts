import type { Analyzer, AnalyzerContext } from './analyzer.js';
import { builtinAnalyzers } from './analyzers.js';
import { NewsprismError } from './errors.js';
import {
  type Diagnostic,
  type DocumentInput,
  type DocumentMeta,
  type LayerName,
  type NewsDocument,
  SCHEMA,
} from './schema.js';

/** Options for {@link createPipeline}. */
export interface PipelineOptions {
  /** Layers wanted in the result; their requirements are added. Default: every analyzer's layer. */
  layers?: readonly string[];
  /** Per-analyzer option overrides, keyed by analyzer name. */
  options?: Record<string, Record<string, unknown>>;
  /** Analyzers to use instead of the built-in list. */
  analyzers?: readonly Analyzer[];
  /** Called after each analyzer with its wall time in milliseconds (for benchmarks). */
  onTiming?: (analyzer: string, ms: number) => void;
}

/** A ready-to-run pipeline: analyzers resolved, ordered and configured once. */
export interface Pipeline {
  /** Analyzer names in run order. */
  readonly order: readonly string[];
  /** The layers this pipeline produces. */
  readonly layers: readonly LayerName[];
  run(input: DocumentInput): NewsDocument;
}

/**
 * Orders the analyzers that produce `wanted` and everything they require, so each runs after its
 * requirements. Throws `E_UNKNOWN_LAYER` for a layer nobody produces and `E_PIPELINE_CYCLE` for
 * circular requirements.
 */
export function resolveAnalyzers(all: readonly Analyzer[], wanted: readonly string[]): Analyzer[] {
  const byLayer = new Map<string, Analyzer>();
  for (const a of all) byLayer.set(a.produces, a);
  const order: Analyzer[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (layer: string, neededBy?: string): void => {
    const a = byLayer.get(layer);
    if (!a) {
      const known = [...byLayer.keys()].join(', ');
      const who = neededBy ? ` (required by ${neededBy})` : '';
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `no analyzer produces layer "${layer}"${who}; known layers: ${known}`,
      );
    }
    const s = state.get(layer);
    if (s === 'done') return;
    if (s === 'visiting')
      throw new NewsprismError('E_PIPELINE_CYCLE', `analyzers require each other in a cycle at "${layer}"`);
    state.set(layer, 'visiting');
    for (const r of a.requires) visit(r, a.name);
    state.set(layer, 'done');
    order.push(a);
  };
  for (const w of wanted) visit(w);
  return order;
}

function mergeOptions(a: Analyzer, given: Record<string, unknown> | undefined): object {
  if (!given) return a.defaults;
  for (const key of Object.keys(given)) {
    if (!(key in a.defaults)) {
      const known = Object.keys(a.defaults).join(', ') || 'none';
      throw new NewsprismError(
        'E_UNKNOWN_OPTION',
        `analyzer "${a.name}" has no option "${key}"; its options: ${known}`,
      );
    }
  }
  return { ...a.defaults, ...given };
}

/**
 * Builds a pipeline. Unknown layers and options fail here, before any document is read.
 *
 * @example
 * const doc = createPipeline({ layers: ['sentences'] }).run({ id: 'a1', text: 'Hello. World.' });
 */
export function createPipeline(opts: PipelineOptions = {}): Pipeline {
  const all = opts.analyzers ?? builtinAnalyzers;
  const wanted = opts.layers ?? all.map((a) => a.produces);
  const analyzers = resolveAnalyzers(all, wanted);
  const configured = analyzers.map((a) => ({ a, options: mergeOptions(a, opts.options?.[a.name]) }));
  const unknown = Object.keys(opts.options ?? {}).filter((n) => !all.some((a) => a.name === n));
  if (unknown.length) {
    throw new NewsprismError(
      'E_UNKNOWN_ANALYZER',
      `no analyzer named "${unknown[0]}"; known: ${all.map((a) => a.name).join(', ')}`,
    );
  }
  const onTiming = opts.onTiming;
  return {
    order: analyzers.map((a) => a.name),
    layers: analyzers.map((a) => a.produces),
    run(input: DocumentInput): NewsDocument {
      const doc: NewsDocument = {
        schema: SCHEMA,
        id: input.id,
        text: input.text,
        meta: { ...input.meta },
        producers: {},
        diagnostics: [...(input.diagnostics ?? [])],
      };
      const record = doc as Record<string, unknown>;
      for (const { a, options } of configured) {
        const ctx: AnalyzerContext = {
          report: (d: Omit<Diagnostic, 'source'>) => doc.diagnostics.push({ ...d, source: a.name }),
          suggestMeta: <K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K]) => {
            if (value !== undefined && doc.meta[key] === undefined) doc.meta[key] = value;
          },
        };
        if (onTiming) {
          const t0 = performance.now();
          record[a.produces] = a.run(doc, ctx, options);
          onTiming(a.name, performance.now() - t0);
        } else record[a.produces] = a.run(doc, ctx, options);
        doc.producers[a.produces] = `${a.name}@${a.version}`;
      }
      return doc;
    },
  };
}
