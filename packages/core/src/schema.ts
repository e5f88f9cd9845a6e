/**
 * The newsprism document model: one immutable `text`, metadata, and layers of spans.
 *
 * Every span is half-open `[start, end)` in UTF-16 code units (JavaScript string indices) into
 * `text`, so `text.slice(span.start, span.end)` is always the span's surface. See
 * `docs/data-model.md` for the full contract.
 */

/**
 * The schema tag carried by every serialised document. Bump the major on a change of meaning:
 * `newsprism/2` turned each `producers` entry from a `name@version` string into a
 * {@link Producer} record (`parseDocument` still reads `newsprism/1`).
 */
export const SCHEMA = 'newsprism/2';

/**
 * Who made a layer, exactly enough to tell whether it would come out the same today: the
 * analyzer's name and version, the options that change its output (file options are replaced by
 * the files' checksums), the sha256 (first 12 hex digits) of every model or data file it
 * loaded, and the optional layers it read.
 */
export interface Producer {
  name: string;
  version: number;
  options?: Record<string, unknown>;
  models?: Record<string, string>;
  /** The optional input layers present when it ran (e.g. `entities` for `quotes`). */
  optional?: string[];
}

/** A half-open range of UTF-16 code units into a document's `text`. Empty spans are invalid. */
export interface Span {
  start: number;
  end: number;
}

/** Severity of a diagnostic about a document's content. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in the content of a document (not a usage error): no body, unknown language,
 * a quote with no closing mark. Diagnostics never stop the pipeline.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span?: Span;
  /** The analyzer (or input stage) that reported it. */
  source?: string;
}

/** A dateline such as `MOSCOW (UrduPoint News / Sputnik - 22nd May, 2023)`. */
export interface Dateline extends Span {
  /** The place as written (`MOSCOW`, `KYIV, Ukraine`, `СИМФЕРОПОЛЬ`). */
  place?: string;
  /** The span of the place's first part (the city) in the text: a location mention. */
  placeSpan?: Span;
  /** Agencies and outlets named in the dateline, in order (`["UrduPoint News", "Sputnik"]`). */
  agencies: string[];
  /** The same outlets under their canonical gazetteer names (`РИА Новости` → `RIA Novosti`), or as written when unknown. */
  outlets?: string[];
  /** The date as written in the dateline. */
  date?: string;
  /**
   * The date normalised: `YYYY-MM-DD` when the dateline writes the year or the document's own date
   * gives it, else `--MM-DD` (ISO 8601's date without a year: the year stays unknown).
   */
  isoDate?: string;
  /** The author the dateline names (`МОСКВА, 21 июн — РИА Новости, Николай Гурьянов.`). */
  author?: string;
  authorSpan?: Span;
  /** The convention that matched (`paren`, `dash-agency`, `dot-agency`, `slash`, `place-dash`). */
  rule?: string;
}

/** A closing credit of an article (`Source: Sputnik`, `With input from TASS`, `Reporting by …`). */
export interface Credit extends Span {
  /**
   * What it names: `outlet` (where the copy comes from), `input` (an agency whose material was
   * used), `author` (reporters), `copyright` (the rights holder, the outlet).
   */
  kind: 'outlet' | 'input' | 'author' | 'copyright';
  /** Outlets under their canonical names (as written when unknown), or people for `author`. */
  names: string[];
  /** An outlet that distributed the copy (`Distributed by Tribune Content Agency`). */
  distributor?: string;
  /**
   * The agency whose copy the credited outlet republished (`The Huffington Post has supplemented
   * this Reuters article …` → names `HuffPost`, relayed `Reuters`): the outlet publishes, the
   * agency is the other outlet in the chain, whatever the dateline credits.
   */
  relayed?: string;
  /** People a credit names besides its outlets (`… Article by Matt Agorist`). */
  authors?: string[];
  /** The cue that matched, lower-cased. */
  cue: string;
}

/** Document metadata. Values come from the input (JSONL fields, HTML) or are detected in the text. */
export interface DocumentMeta {
  title?: string;
  outlet?: string;
  url?: string;
  /** ISO 8601 date or date-time when known, else as given. */
  published?: string;
  byline?: string;
  /** ISO 639-1 code of the document's language (`en`, `ru`, …) or `und`. */
  lang?: string;
  /** A summary line set apart from the body (the standfirst, dek or lede summary). */
  standfirst?: string;
  dateline?: Dateline;
  /** Closing credits found at the end of the text, in order. */
  credits?: Credit[];
  /**
   * The other outlet in the chain when the text names two: the agency an outlet relays
   * (`UrduPoint News / Sputnik` → Sputnik), a distributor, or an agency credited for input
   * (`With input from TASS`). Canonical gazetteer name where known.
   */
  agency?: string;
  /** Where the document came from: a file path, `-` for stdin, or `path#line` for JSONL. */
  source?: string;
  /** Input format the document was read from. */
  format?: 'text' | 'html' | 'jsonl';
}

/** The role a paragraph plays in the article's layout. */
export type ParagraphRole = 'title' | 'standfirst' | 'byline' | 'caption' | 'credit' | 'dateline' | 'body';

/** A paragraph: a run of non-blank text between line breaks, trimmed of surrounding blanks. */
export interface Paragraph extends Span {
  role: ParagraphRole;
  /** Index of an earlier paragraph this one repeats (a duplicated title or lead). */
  duplicateOf?: number;
  /**
   * The credit inside a paragraph: the photo credit of a caption (`© Jane Roe / Example Images`),
   * or an agency credit closing a body paragraph (`… (Reporting by Jane Doe)`).
   */
  credit?: Span;
  /** The dateline opening a body paragraph (`MOSCOW (Reuters)`); the rest of it is body. */
  dateline?: Span;
}

/** A sentence within one paragraph. */
export interface Sentence extends Span {
  /** Index into the `paragraphs` layer. */
  paragraph: number;
}

/** Token classes. */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'url' | 'email' | 'hashtag' | 'mention';

/** A token. */
export interface Token extends Span {
  kind: TokenKind;
}

/** The language layer: what the document is written in and how sure we are. */
export interface LanguageLayer {
  /** ISO 639-1 code, or `und` when undetermined. */
  code: string;
  /**
   * 0..1; 1 when the language was declared by the input. The detector's margin, not a
   * probability: detected languages are right far more often than it says.
   */
  confidence: number;
  /** Dominant script: `Latn`, `Cyrl`, … */
  script: string;
  method: 'declared' | 'detected' | 'fallback';
}

/**
 * Every layer an analyzer can produce, by name. Analyzer modules add their own layer with
 * declaration merging (`declare module '../../schema.js' { interface LayerMap { quotes: … } }`),
 * so the pipeline and the output stay typed without one central list of shapes.
 */
export interface LayerMap {
  language: LanguageLayer;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** A layer name. */
export type LayerName = keyof LayerMap;

/** What a document is before analysis: text plus whatever metadata the input carried. */
export interface DocumentInput {
  id: string;
  text: string;
  meta?: DocumentMeta;
  /** Diagnostics raised while reading the input (decoding, extraction). */
  diagnostics?: Diagnostic[];
}

/**
 * An analysed document. Layers sit at the top level under their names, as in the JSON output;
 * `producers` records which analyzer, version, options and models made each.
 */
export type NewsDocument = {
  schema: string;
  id: string;
  text: string;
  meta: DocumentMeta;
  producers: Partial<Record<LayerName, Producer>>;
  diagnostics: Diagnostic[];
} & Partial<LayerMap>;
