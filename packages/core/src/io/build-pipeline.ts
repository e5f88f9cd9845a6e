import { NewsprismError } from '../errors.js';
import { canonical } from '../provenance.js';
import type { DocumentInput, NewsDocument, Producer } from '../schema.js';
import type { PipelineSpec, Render, RendererFactory, RendererSpec } from './run-options.js';

/** The one place a runner builds its pipeline, in a worker or in the calling thread. */
export interface Prepared {
  run(input: DocumentInput): NewsDocument;
  render?: Render;
  /** The producer entry of each layer the run makes (options, versions, models): a server shows them. */
  readonly producers: Readonly<Record<string, Producer>>;
  /**
   * The same run with analyzer options laid over its own (a server request's `options`): a
   * pipeline built anew (models are the thread's, loaded once), the renderer shared. Rejects
   * as `createPipeline` does for a bad option (`E_UNKNOWN_OPTION`, `E_OPTION_VALUE`, …).
   */
  withOptions(over: AnalyzerOptions): Promise<Prepared>;
}

/** Per-analyzer options, keyed by analyzer name (`{genre: {prior: 'news-wire'}}`). */
export type AnalyzerOptions = Record<string, Record<string, unknown>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `over` laid over `under` analyzer by analyzer, key by key: `over` wins. `over` must be an
 * object of objects (`E_OPTION_TYPE` otherwise, saying the shape), as a caller without types
 * (an API request) can send anything.
 */
export function layOptions(under: AnalyzerOptions | undefined, over: unknown): AnalyzerOptions | undefined {
  if (over === undefined) return under;
  const shape = 'options are an object of analyzers\' options, like {"genre": {"prior": "news-wire"}}';
  if (!isPlainObject(over))
    throw new NewsprismError('E_OPTION_TYPE', `${shape}; got ${JSON.stringify(over)}`);
  const out: AnalyzerOptions = { ...under };
  for (const [name, o] of Object.entries(over)) {
    if (!isPlainObject(o))
      throw new NewsprismError(
        'E_OPTION_TYPE',
        `${shape}; "${name}" is ${JSON.stringify(o) ?? String(o)}, not an object`,
      );
    out[name] = { ...under?.[name], ...o };
  }
  return out;
}

/**
 * Builds the pipeline and the renderer of a run. The pipeline module is imported here, not at
 * the top of the io modules: reading inputs and extracting pages must not pay for the analyzers
 * and their models. The pipeline in turn imports only the analyzers it runs (`catalog.ts`);
 * the layer names come from the catalog, which imports none. The renderer may choose the
 * layers (an output format knows what it prints); it is made first, with the list of layers
 * there are.
 */
export async function prepare(spec: PipelineSpec, renderer?: RendererSpec): Promise<Prepared> {
  const [{ createPipeline, refuseFileOptions }, { builtinCatalog }] = await Promise.all([
    import('../pipeline.js'),
    import('../catalog.js'),
  ]);
  let layers = spec.layers;
  let options = spec.options;
  let render: Render | undefined;
  if (renderer) {
    const mod = (await import(renderer.module)) as Record<string, RendererFactory>;
    const factory = mod[renderer.name];
    if (typeof factory !== 'function')
      throw new Error(`renderer module ${renderer.module} has no export "${renderer.name}"`);
    const made = await factory(renderer.settings, { layers: builtinCatalog.map((a) => a.produces) });
    if (typeof made === 'function') render = made;
    else {
      render = made.render;
      layers = made.layers ?? layers;
      // The format's options first, the run's own over them: a caller's explicit choice wins.
      options = layOptions(made.options, options);
    }
  }
  const build = async (o: AnalyzerOptions | undefined): Promise<Prepared> => {
    const pipeline = await createPipeline({ layers, options: o });
    return {
      run: (input) => pipeline.run(input),
      render,
      producers: pipeline.producers as Record<string, Producer>,
      withOptions: async (over) => {
        const merged = layOptions(options, over);
        await refuseFileOptions(over);
        return build(merged);
      },
    };
  };
  return build(options);
}

/**
 * The pipelines of a run for option sets other than its own (a server's requests), as a worker
 * keeps them: `base` itself for no options, else `base.withOptions(options)` built on first use
 * and kept, the `keep` latest used (a set that fails is not kept: its error is the answer, and
 * the next request tries again). Sets are told apart by their canonical JSON (key order aside).
 */
export function optionVariants(base: Prepared, keep = 8): (options?: unknown) => Promise<Prepared> {
  const variants = new Map<string, Promise<Prepared>>();
  return (options) => {
    if (options === undefined) return Promise.resolve(base);
    const key = canonical(options);
    let p = variants.get(key);
    if (p) variants.delete(key);
    else p = base.withOptions(options as AnalyzerOptions);
    p.catch(() => variants.delete(key));
    variants.set(key, p);
    if (variants.size > keep) variants.delete(variants.keys().next().value as string);
    return p;
  };
}

/** The code and message of an error thrown while analysing one document. */
export function failure(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' && e.code.startsWith('E_') ? e.code : 'E_ANALYZER_FAILED';
  return { code, message: String(e?.message ?? err) };
}
