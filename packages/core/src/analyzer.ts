import type { ModelRegistry } from './models/registry.js';
import type { Diagnostic, DocumentMeta, LayerMap, LayerName, NewsDocument } from './schema.js';

/** What an analyzer may do besides returning its layer. */
export interface AnalyzerContext {
  /** Report a problem in the content as a diagnostic on the document. */
  report(diagnostic: Omit<Diagnostic, 'source'>): void;
  /**
   * Fill a metadata field the input did not provide (a detected title, dateline, language).
   * Values given by the input always win.
   */
  suggestMeta<K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K]): void;
}

/**
 * How one option is checked beyond its type (the type is the default value's, or one of
 * `kinds` when given: `['number', 'object']` for a minimum that is one number or one per
 * language). `valid` tells a good value; `expects` says what one looks like, for the error
 * message. A `file` option names a model or data file: the pipeline records the file's checksum
 * in `producers` instead of its path, so two machines with the same model produce the same
 * provenance.
 */
export interface OptionRule {
  valid?: (value: unknown) => boolean;
  expects?: string;
  file?: boolean;
  kinds?: readonly string[];
}

/**
 * A declared analysis step, after spaCy's components: it names the layers it `requires` (pulled
 * into the pipeline), the layers it reads when present (`optional`: used when the pipeline has
 * them, never pulled in) and the one layer it `produces`; `run` is pure and returns that layer.
 *
 * `setup`, when present, runs once when the pipeline is built: it checks the options against
 * the files they name and loads every model the analyzer needs through the registry; what it
 * returns (or resolves to: a set-up may import a module) is handed to each `run`. `run` never
 * reads a file.
 */
export interface Analyzer<K extends LayerName = LayerName, O extends object = object, R = unknown> {
  name: string;
  version: number;
  requires: readonly LayerName[];
  /** Layers read when the pipeline computes them; they run first, but are not added. */
  optional?: readonly LayerName[];
  produces: K;
  /** Default options; callers override them key by key. */
  defaults: O;
  /** Extra checks of option values (the type is always checked against `defaults`). */
  rules?: { readonly [P in keyof O]?: OptionRule };
  setup?(options: O, registry: ModelRegistry): R | Promise<R>;
  run(doc: Readonly<NewsDocument>, ctx: AnalyzerContext, options: O, resources: R): LayerMap[K];
}

/**
 * Declares an analyzer. The identity function exists for type inference, so an analyzer file
 * reads as one object literal.
 *
 * @example
 * export const tokens = defineAnalyzer({
 *   name: 'tokens', version: 1, requires: ['language'], produces: 'tokens', defaults: {},
 *   run: (doc) => tokenize(doc.text, doc.language!.code),
 * });
 */
export function defineAnalyzer<K extends LayerName, O extends object, R = undefined>(
  a: Analyzer<K, O, R>,
): Analyzer<K, O, R> {
  return a;
}
