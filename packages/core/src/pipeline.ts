import type { Analyzer } from './analyzer.js';
import { builtinCatalog } from './catalog.js';
import { NewsprismError } from './errors.js';
import { extendPlan, inPipelineOrder } from './extend.js';
import { type ModelStore, threadModelStore } from './models/registry.js';
import { effectiveOptions, OPTION_DEFAULT, provenanceOptions } from './options.js';
import { canonical, type LayerPlan } from './provenance.js';
import { type Declared, inputsIn, resolveAnalyzers } from './resolve.js';
import { type DocumentInput, type LayerName, type NewsDocument, type Producer, SCHEMA } from './schema.js';
import { execute, type Step } from './steps.js';

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
  /**
   * Where loaded models are kept; pass one store to several pipelines to load models once.
   * Without one, the thread's store ({@link threadModelStore}: weakly held, shared with the
   * other pipelines made without one).
   */
  models?: ModelStore;
}

/** What setting up one analyzer cost: wall time and the heap it added (models, tables). */
export interface SetupCost {
  analyzer: string;
  ms: number;
  heapMiB: number;
}

/**
 * A ready pipeline: analyzers resolved, ordered, their options checked and their models loaded.
 * `run` and `extend` are synchronous and never read a file. As a {@link LayerPlan} it tells a
 * store which stored layers are stale (`staleLayers(doc, pipeline)`).
 */
export interface Pipeline extends LayerPlan {
  /** Analyzer names in run order. */
  readonly order: readonly string[];
  /** Set-up cost per analyzer, in run order. */
  readonly setup: readonly SetupCost[];
  /** Analyses one document. An analyzer that throws leaves an error diagnostic, not an exception. */
  run(input: DocumentInput): NewsDocument;
  /**
   * Adds the `layers` (default: all of this pipeline's) that `doc` lacks or holds stale,
   * reusing its fresh layers; layers computed from a recomputed one are recomputed too.
   */
  extend(doc: NewsDocument, layers?: readonly string[]): NewsDocument;
}

// Rough: garbage is not collected first (that would cost more than the set-up); the benchmark
// measures each layer's memory with collections in between.
const heapMiB = (): number => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};

async function setUp(
  a: Analyzer,
  options: object,
  store: ModelStore,
  layers: ReadonlySet<string>,
): Promise<Step> {
  const registry = store.scope();
  const h0 = heapMiB();
  const t0 = performance.now();
  const resources = await a.setup?.(options, registry);
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  const cost = { analyzer: a.name, ms, heapMiB: Math.round((heapMiB() - h0) * 10) / 10 };
  const producer: Producer = { name: a.name, version: a.version };
  const opts = provenanceOptions(a, options);
  if (opts) producer.options = opts;
  if (Object.keys(registry.loaded).length > 0) producer.models = { ...registry.loaded };
  const optional = (a.optional ?? []).filter((l) => layers.has(l));
  if (optional.length > 0) producer.optional = optional;
  return { a, options, resources, producer, inputs: inputsIn(a, layers) as LayerName[], cost };
}

/**
 * Builds a pipeline: resolves and orders the analyzers, validates every option (unknown
 * analyzer, option, type or value, a model file missing or invalid: a `NewsprismError` naming
 * the valid choices) and loads the models, all before any document is read.
 *
 * @example
 * const p = await createPipeline({ layers: ['sentences'] });
 * const doc = p.run({ id: 'a1', text: 'Hello. World.' });
 */
export async function createPipeline(opts: PipelineOptions = {}): Promise<Pipeline> {
  checkPipelineOptions(opts);
  checkAnalyzerNames(opts.analyzers ?? builtinCatalog, opts.options);
  const all = opts.analyzers ?? (await loadBuiltins(opts));
  // Options of analyzers outside this pipeline are checked too: a typo fails the same way.
  const options = new Map(all.map((a) => [a, effectiveOptions(a, opts.options?.[a.name])]));
  const analyzers = resolveAnalyzers(all, opts.layers ?? all.map((a) => a.produces));
  const layers = new Set<string>(analyzers.map((a) => a.produces));
  const store = opts.models ?? threadModelStore();
  // One after another: set-up costs are measured per analyzer, and analyzers share models.
  const steps: Step[] = [];
  for (const a of analyzers) steps.push(await setUp(a, options.get(a)!, store, layers));
  const onTiming = opts.onTiming;
  return {
    order: steps.map((s) => s.a.name),
    layers: steps.map((s) => s.a.produces),
    producers: Object.fromEntries(steps.map((s) => [s.a.produces, s.producer])),
    inputs: Object.fromEntries(steps.map((s) => [s.a.produces, s.inputs])),
    setup: steps.map((s) => s.cost),
    run(input: DocumentInput): NewsDocument {
      checkInput(input, 'run');
      const doc: NewsDocument = {
        schema: SCHEMA,
        id: input.id,
        text: input.text,
        meta: { ...input.meta },
        producers: {},
        diagnostics: [...(input.diagnostics ?? [])],
      };
      return execute(doc, steps, new Set(steps), onTiming);
    },
    extend(doc: NewsDocument, wanted?: readonly string[]): NewsDocument {
      checkInput(doc, 'extend');
      const { base, todo } = extendPlan(doc, steps, wanted ?? [...layers]);
      return inPipelineOrder(execute(base, steps, todo, onTiming), steps);
    },
  };
}

/** Refuses options for an analyzer that is not among `declared` (`E_UNKNOWN_ANALYZER`, naming them). */
function checkAnalyzerNames(declared: readonly Declared[], options: object | undefined): void {
  const unknown = Object.keys(options ?? {}).filter((n) => !declared.some((a) => a.name === n));
  if (unknown.length) {
    throw new NewsprismError(
      'E_UNKNOWN_ANALYZER',
      `no analyzer named "${unknown[0]}"; known: ${declared.map((a) => a.name).join(', ')}`,
    );
  }
}

/**
 * Checks built-in analyzers' options as {@link createPipeline} does (analyzer names, option
 * names, types and values: the same codes and messages) without building a pipeline: only the
 * named analyzers' modules are imported, no model is loaded. For a front end that may not
 * build a pipeline at all (`ingest` of documents all stored already). A check that needs the
 * model (genre's `prior` with a model lacking its training prior) is left to the pipeline.
 */
export async function checkAnalyzerOptions(
  options: Record<string, Record<string, unknown>> | undefined,
): Promise<void> {
  checkPipelineOptions({ options });
  checkAnalyzerNames(builtinCatalog, options);
  for (const e of builtinCatalog)
    if (options?.[e.name] !== undefined) effectiveOptions(await e.load(), options[e.name]);
}

/**
 * Refuses options that name files on this machine (an option whose rule says `file`: a model,
 * a cue table, gazetteers) from a caller that may not make the process read its files — an API
 * request: `E_OPTION_NOT_ALLOWED`, naming the option and where it may be given instead. Names
 * of no analyzer are left to {@link createPipeline}; only the named analyzers are imported.
 */
export async function refuseFileOptions(
  options: Record<string, Record<string, unknown>> | undefined,
): Promise<void> {
  for (const e of builtinCatalog) {
    const given = options?.[e.name];
    if (given === undefined) continue;
    const rules = ((await e.load()).rules ?? {}) as Record<string, { file?: boolean } | undefined>;
    // `default` names the shipped file, none of the caller's: a request may unset a file option.
    const file = Object.keys(given).find((k) => rules[k]?.file && given[k] !== OPTION_DEFAULT);
    if (file)
      throw new NewsprismError(
        'E_OPTION_NOT_ALLOWED',
        `option "${file}" of analyzer "${e.name}" names a file and cannot be given with a request; give it to the server (serve --set ${e.name}.${file}=…)`,
      );
  }
}

/**
 * The options a document's layers were made with that differ from the built-in analyzers'
 * defaults, as `--set` spells them (`genre.prior=news-wire`; JSON for a value that is not a
 * string): what a user chose at analysis (`show` prints them). Only the analyzers named in
 * `producers` are imported; a producer without options (a `newsprism/1` label) gives none.
 */
export async function chosenOptions(producers: Readonly<Record<string, unknown>>): Promise<string[]> {
  const byName: Record<string, Record<string, unknown>> = {};
  for (const e of builtinCatalog) {
    const given = (producers[e.produces] as Producer | undefined)?.options;
    if (typeof given === 'object' && given !== null) byName[e.name] = given as Record<string, unknown>;
  }
  return nonDefaultOptions(byName);
}

/**
 * Of analyzer options by analyzer name (`createPipeline`'s `options`, what `--set` gives), those
 * that differ from the built-in analyzers' defaults, as `--set` spells them — `chosenOptions`'
 * filter: an option given its default value or `default` is left out (`analyze -f text` prints
 * what a run used, as `show` does).
 */
export async function nonDefaultOptions(
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
): Promise<string[]> {
  const out: string[] = [];
  for (const e of builtinCatalog) {
    const given = options?.[e.name];
    if (typeof given !== 'object' || given === null) continue;
    const defaults = (await e.load()).defaults as Record<string, unknown>;
    for (const [k, v] of Object.entries(given))
      if (v !== 'default' && canonical(v) !== canonical(defaults[k]))
        out.push(`${e.name}.${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return out;
}

// Every key of PipelineOptions, checked by the compiler both ways: a key added to the interface
// and not here would be refused at run time as unknown.
const PIPELINE_KEY_SET: { [K in keyof Required<PipelineOptions>]: true } = {
  layers: true,
  options: true,
  analyzers: true,
  onTiming: true,
  models: true,
};
const PIPELINE_KEYS = Object.keys(PIPELINE_KEY_SET);

/**
 * Refuses what a caller without type checking can pass: an unknown key (`{layer: […]}` would
 * otherwise give every layer) or a value of the wrong kind, as `E_UNKNOWN_OPTION` and
 * `E_OPTION_TYPE` (the analyzers' options are checked by their own rules).
 */
function checkPipelineOptions(opts: PipelineOptions): void {
  if (typeof opts !== 'object' || opts === null)
    throw new NewsprismError('E_OPTION_TYPE', 'createPipeline takes an object like {layers: ["quotes"]}');
  const unknown = Object.keys(opts).filter((k) => !PIPELINE_KEYS.includes(k));
  if (unknown.length)
    throw new NewsprismError(
      'E_UNKNOWN_OPTION',
      `createPipeline has no option "${unknown[0]}"; options: ${PIPELINE_KEYS.join(', ')}`,
    );
  const wrong = (key: string, expects: string) => {
    throw new NewsprismError('E_OPTION_TYPE', `createPipeline option "${key}" must be ${expects}`);
  };
  const { layers, options, analyzers, onTiming, models } = opts;
  if (layers !== undefined && !(Array.isArray(layers) && layers.every((l) => typeof l === 'string')))
    wrong('layers', 'an array of layer names, like ["quotes", "claims"]');
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    wrong('options', 'an object keyed by analyzer name, like {claims: {minScore: 0.5}}');
  if (analyzers !== undefined && !(Array.isArray(analyzers) && analyzers.every(isAnalyzer)))
    wrong('analyzers', 'an array of analyzers made by defineAnalyzer()');
  if (onTiming !== undefined && typeof onTiming !== 'function') wrong('onTiming', 'a function');
  if (models !== undefined && typeof (models as { scope?: unknown } | null)?.scope !== 'function')
    wrong('models', 'a model store made by createModelStore()');
}

/** What an analyzer has to have for the planner not to fail on it with a TypeError. */
function isAnalyzer(a: unknown): boolean {
  const x = a as Partial<Analyzer> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.name === 'string' &&
    typeof x.produces === 'string' &&
    Array.isArray(x.requires)
  );
}

/** A value's kind for a message: `null`, `an array`, `a number`, …. */
const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/**
 * Refuses an input without a string `id` and `text`, or with a `meta` that is not an object or
 * `diagnostics` that are not an array (`E_BAD_INPUT`), before any analyzer sees it.
 */
function checkInput(
  input: { id?: unknown; text?: unknown; meta?: unknown; diagnostics?: unknown } | null | undefined,
  call: string,
): void {
  const what =
    typeof input !== 'object' || input === null
      ? `got ${input === null ? 'null' : typeof input}`
      : typeof input.text !== 'string'
        ? `its text is ${input.text === undefined ? 'missing' : kindOf(input.text)}`
        : typeof input.id !== 'string'
          ? `its id is ${input.id === undefined ? 'missing' : kindOf(input.id)}`
          : input.meta !== undefined && kindOf(input.meta) !== 'an object'
            ? `its meta is ${kindOf(input.meta)}, not an object`
            : input.diagnostics !== undefined && !Array.isArray(input.diagnostics)
              ? `its diagnostics are ${kindOf(input.diagnostics)}, not an array`
              : undefined;
  if (what)
    throw new NewsprismError('E_BAD_INPUT', `${call}() takes a document like {id: "a1", text: "…"}: ${what}`);
}

/**
 * The built-in analyzers this pipeline needs: those making the wanted layers and their
 * requirements (a layer nobody makes throws `E_UNKNOWN_LAYER` here), and those whose options
 * were given, to check them. Only their modules are imported.
 */
async function loadBuiltins(opts: PipelineOptions): Promise<Analyzer[]> {
  const wanted = opts.layers ?? builtinCatalog.map((e) => e.produces);
  const named = new Set(Object.keys(opts.options ?? {}));
  const chosen = new Set(resolveAnalyzers(builtinCatalog, wanted));
  const entries = builtinCatalog.filter((e) => chosen.has(e) || named.has(e.name));
  return Promise.all(entries.map((e) => e.load()));
}

export { resolveAnalyzers };
