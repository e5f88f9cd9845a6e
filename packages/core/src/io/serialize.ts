import type { NewsDocument } from '../schema.js';

/**
 * The document as the JSON output carries it: fixed key order (`schema`, `id`, `text`, `meta`,
 * the layers, `producers`, `diagnostics`) and, when `layers` is given, only those layers and
 * their producers. Layers computed only as requirements stay out of the output.
 */
export function toJson(doc: NewsDocument, layers?: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { schema: doc.schema, id: doc.id, text: doc.text, meta: doc.meta };
  const producers: Record<string, unknown> = {};
  const rec = doc as unknown as Record<string, unknown>;
  for (const [layer, producer] of Object.entries(doc.producers)) {
    if (layers && !layers.has(layer)) continue;
    out[layer] = rec[layer];
    producers[layer] = producer;
  }
  out.producers = producers;
  out.diagnostics = doc.diagnostics;
  return out;
}

/**
 * The document with only `layers` and their producers, selected as {@link toJson} selects them:
 * what `analyze` writes for a `--layers` choice, and what `ingest` stores. Layers computed only
 * as another's requirement (`tokens` by default) are left out.
 */
export function keepLayers(doc: NewsDocument, layers: ReadonlySet<string>): NewsDocument {
  return toJson(doc, layers) as unknown as NewsDocument;
}

/** Options of {@link serializeDocument}. */
export interface SerializeOptions {
  /** Only these layers (default: every layer the document has). */
  layers?: Iterable<string>;
  /** Indent with two spaces (default: one compact line, as JSON Lines wants). */
  pretty?: boolean;
}

/** The document as a JSON string (see {@link toJson}); compact unless `pretty`. */
export function serializeDocument(doc: NewsDocument, opts: SerializeOptions = {}): string {
  const layers = opts.layers ? new Set(opts.layers) : undefined;
  return JSON.stringify(toJson(doc, layers), null, opts.pretty ? 2 : undefined);
}
