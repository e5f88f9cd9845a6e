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
 * A declared analysis step, after spaCy's components: it names the layers it `requires` and
 * the one layer it `produces`; `run` is pure and returns that layer.
 */
export interface Analyzer<K extends LayerName = LayerName, O extends object = object> {
  name: string;
  version: number;
  requires: readonly LayerName[];
  produces: K;
  /** Default options; callers override them key by key. */
  defaults: O;
  run(doc: Readonly<NewsDocument>, ctx: AnalyzerContext, options: O): LayerMap[K];
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
export function defineAnalyzer<K extends LayerName, O extends object>(a: Analyzer<K, O>): Analyzer<K, O> {
  return a;
}
