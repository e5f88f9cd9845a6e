import type { Analyzer } from './analyzer.js';
import type { LayerName } from './schema.js';

/**
 * A built-in analyzer known by its declaration alone: what it produces and reads, and how to
 * load its module. The pipeline orders and checks a layer set over these and imports only the
 * analyzers it runs, so `--layers paragraphs` does not load the language detector's tables or
 * any other layer's word lists (start-up is most of the cost of a short run).
 */
export interface AnalyzerEntry {
  readonly name: string;
  readonly produces: LayerName;
  readonly requires: readonly LayerName[];
  readonly optional?: readonly LayerName[];
  /** Imports the analyzer's module; resolves to the same object `builtinAnalyzers` holds. */
  load(): Promise<Analyzer>;
}

const as = (a: unknown): Analyzer => a as Analyzer;

/**
 * Every built-in analyzer, in the order of `builtinAnalyzers` (`analyzers.ts`), with the same
 * declarations (`catalog.test.ts` checks both against the loaded modules).
 */
export const builtinCatalog: readonly AnalyzerEntry[] = [
  {
    name: 'language',
    produces: 'language',
    requires: [],
    load: async () => as((await import('./layers/language/language.js')).language),
  },
  {
    name: 'paragraphs',
    produces: 'paragraphs',
    requires: [],
    load: async () => as((await import('./layers/paragraphs/paragraphs.js')).paragraphs),
  },
  {
    name: 'sentences',
    produces: 'sentences',
    requires: ['paragraphs', 'language'],
    load: async () => as((await import('./layers/sentences/sentences.js')).sentences),
  },
  {
    name: 'techniques',
    produces: 'techniques',
    requires: ['paragraphs', 'sentences', 'language'],
    load: async () => as((await import('./layers/techniques/techniques.js')).techniques),
  },
  {
    name: 'frames',
    produces: 'frames',
    requires: ['paragraphs', 'language'],
    load: async () => as((await import('./layers/frames/frames.js')).frames),
  },
  {
    name: 'genre',
    produces: 'genre',
    requires: ['paragraphs', 'sentences', 'language'],
    optional: ['techniques'],
    load: async () => as((await import('./layers/genre/genre.js')).genre),
  },
  {
    name: 'tokens',
    produces: 'tokens',
    requires: ['paragraphs', 'language'],
    load: async () => as((await import('./layers/tokens/tokens.js')).tokens),
  },
  {
    name: 'entities',
    produces: 'entities',
    requires: ['tokens', 'sentences', 'language'],
    load: async () => as((await import('./layers/entities/entities.js')).entities),
  },
  {
    name: 'quotes',
    produces: 'quotes',
    requires: ['paragraphs', 'sentences', 'tokens', 'language'],
    optional: ['entities'],
    load: async () => as((await import('./layers/quotes/quotes.js')).quotes),
  },
  {
    name: 'claims',
    produces: 'claims',
    requires: ['paragraphs', 'sentences', 'language', 'entities', 'quotes'],
    load: async () => as((await import('./layers/claims/claims.js')).claims),
  },
  {
    name: 'subjectivity',
    produces: 'subjectivity',
    requires: ['paragraphs', 'sentences', 'language', 'quotes'],
    load: async () => as((await import('./layers/subjectivity/subjectivity.js')).subjectivity),
  },
  {
    name: 'naming',
    produces: 'naming',
    requires: ['entities', 'paragraphs', 'tokens', 'language'],
    optional: ['quotes'],
    load: async () => as((await import('./layers/naming/naming.js')).naming),
  },
  {
    name: 'sources',
    produces: 'sources',
    requires: ['quotes', 'paragraphs', 'tokens', 'language'],
    optional: ['entities'],
    load: async () => as((await import('./layers/sources/sources.js')).sources),
  },
  {
    name: 'syntax',
    produces: 'syntax',
    requires: ['tokens', 'sentences', 'language'],
    load: async () => as((await import('./layers/syntax/syntax.js')).syntax),
  },
];
