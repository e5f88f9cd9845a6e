import type { NewsDocument } from '@newsprism/core';
import { keepLayers } from '@newsprism/core/schema';
import { type DerivedParts, type DocumentRow, deriveParts, type JsonParts } from './derive.js';
import { pack } from './packed.js';
import { wellFormed } from './well-formed.js';

/**
 * A document made ready for the store: its row and query-table rows derived, its analysis JSON
 * packed. Making it is the CPU-heavy part of an ingest (serialising, stemming, compressing);
 * it needs no database, so `ingest -j N` makes it in the analysis worker threads, which then
 * post this (a few plain strings, arrays and the packed bytes) instead of the whole document.
 */
export interface PreparedDocument extends Omit<DerivedParts, 'doc'> {
  doc: Omit<DocumentRow, 'layers'>;
  /** The analysis JSON without the text, Brotli-compressed (see packed.ts). */
  packed: Uint8Array;
}

/**
 * Derives a document's rows, repairing ill-formed strings first. Serialising the layers is
 * needed anyway, and JSON.stringify writes a lone surrogate or NUL as an escape that a regular
 * expression finds: only a document that has one pays for the walk over all its strings.
 */
function derive(doc: NewsDocument): DerivedParts {
  const rows = deriveParts(doc);
  // indexOf is far cheaper than the regular expression over a long JSON string. The producers
  // are JSON of their own (the layers hold `producers: null`).
  const escaped = badEscapeIn(rows.doc.layers) || hasBadEscape(rows.doc.producers);
  if (escaped || !doc.text.isWellFormed() || doc.text.includes('\0')) return deriveParts(wellFormed(doc));
  return rows;
}

/** Whether JSON holds an escaped lone surrogate or NUL. */
const hasBadEscape = (json: string) => json.includes('\\u') && /\\u(d[89a-f][0-9a-f]{2}|0000)/i.test(json);

/** {@link hasBadEscape} of JSON in pieces (an escape is never cut: a piece is a whole value). */
const badEscapeIn = (json: JsonParts) => json.parts.some(hasBadEscape);

/** Makes an analysed document ready for `Store.ingestPrepared` (no database needed). */
export function prepareDocument(doc: NewsDocument): PreparedDocument {
  const { doc: row, ...rest } = derive(doc);
  const { layers, ...kept } = row;
  return { ...rest, doc: kept, packed: pack(layers) };
}

/** The settings of {@link makePreparer}. */
interface PreparerSettings {
  /** The layers to store (core's `keepLayers`): those asked for, not their requirements. */
  layers?: readonly string[];
}

/**
 * The runner's renderer factory (`RendererSpec`): each analysis worker thread returns the
 * prepared document rather than the document, with only the asked-for layers when
 * `settings.layers` names them (the pipeline also returns the layers it computed as their
 * requirements, `tokens` above all, which `analyze` does not write either).
 */
export function makePreparer(settings?: PreparerSettings): (doc: NewsDocument) => PreparedDocument {
  const layers = settings?.layers;
  if (!layers) return prepareDocument;
  const keep = new Set(layers);
  return (doc) => prepareDocument(keepLayers(doc, keep));
}

/**
 * The renderer spec that has the runner's worker threads prepare documents for the store,
 * keeping `layers` (every layer the pipeline returns when not given).
 */
export function prepareInWorkers(layers?: readonly string[]): {
  module: string;
  name: string;
  settings: PreparerSettings;
} {
  return {
    module: new URL(`./prepare${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href,
    name: 'makePreparer',
    settings: { layers },
  };
}
