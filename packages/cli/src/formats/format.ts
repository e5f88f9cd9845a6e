import type { NewsDocument } from '@newsprism/core';

/**
 * An output format of `analyze`. `render` turns one analysed document into output text and
 * keeps no state, so it can run in a worker thread (`--jobs`); `write`, when present, frames
 * the rendered documents in input order on the main thread (commas of a JSON array, separator
 * lines); `begin` and `end` frame the whole run. `layers` names the layers the format needs, so
 * the pipeline computes them even when `--layers` did not ask.
 */
export interface OutputFormat {
  name: string;
  description: string;
  layers?: readonly string[];
  begin?(): string;
  render(doc: NewsDocument, ctx: FormatContext): string;
  write?(rendered: string, id: string): string;
  end?(): string;
}

/** What a format knows about the run. */
export interface FormatContext {
  /** Layers selected for output. */
  layers: ReadonlySet<string>;
  /** Colour escapes allowed (terminal). */
  color: boolean;
}

/** The document as the JSON output carries it: only selected layers, fixed key order. */
export function toJson(doc: NewsDocument, layers: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { schema: doc.schema, id: doc.id, text: doc.text, meta: doc.meta };
  const producers: Record<string, unknown> = {};
  const rec = doc as unknown as Record<string, unknown>;
  for (const [layer, producer] of Object.entries(doc.producers)) {
    if (!layers.has(layer)) continue;
    out[layer] = rec[layer];
    producers[layer] = producer;
  }
  out.producers = producers;
  out.diagnostics = doc.diagnostics;
  return out;
}
