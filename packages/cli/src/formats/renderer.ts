import { heavyLayers, type NewsDocument, NewsprismError } from '@newsprism/core/schema';
import { makeFormat } from './index.js';

/** What `analyze` tells each worker about its output. */
export interface RendererSettings {
  /** Output format name. */
  format: string;
  /** The raw `--layers` value, if given. */
  layers?: string;
  color: boolean;
  /** The options the run uses that are not the defaults (`nonDefaultOptions`): the text report's "analysed with". */
  options?: string[];
}

/**
 * Reads a `--layers` list (`analyze`, `reanalyze`): the names, and `add` when every one is
 * written `+name` (added to the command's default set rather than replacing it). Throws
 * `E_UNKNOWN_LAYER` naming the known layers.
 */
export function parseLayerList(value: string, all: readonly string[]): { add: boolean; names: string[] } {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const names = parts.map((p) => {
    const name = p.replace(/^\+/, '');
    if (!all.includes(name))
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `unknown layer "${name}" in --layers; known: ${all.join(', ')}`,
      );
    return name;
  });
  return { add: parts.length > 0 && parts.every((p) => p.startsWith('+')), names };
}

/** Splits a --layers value into the wanted list, given all layers a pipeline can produce. */
export function selectLayers(value: string | undefined, all: readonly string[]): string[] {
  const defaults = all.filter((l) => !heavyLayers.includes(l));
  if (value === undefined || value === '') return defaults;
  if (value === 'all') return [...all];
  const { add, names } = parseLayerList(value, all);
  return [...new Set([...(add ? defaults : []), ...names])];
}

/**
 * The renderer factory `analyze` hands to the core runner (`RendererSpec`): runs where the
 * pipeline runs (each worker thread), picks the layers to compute from `--layers` and the
 * format's needs, and renders each document with the format. Layer choice happens here, not
 * in the main thread, so the main thread never loads the analyzers.
 */
export async function makeRenderer(
  s: RendererSettings,
  ctx: { layers: readonly string[] },
): Promise<{
  layers: string[];
  options?: Record<string, Record<string, unknown>>;
  render: (doc: NewsDocument) => string;
}> {
  const format = await makeFormat(s.format);
  const wanted = selectLayers(s.layers, ctx.layers);
  // A research format names the layers it prints; without --layers only those are computed.
  const layers =
    format.layers && s.layers === undefined ? [...format.layers] : [...wanted, ...(format.layers ?? [])];
  const fctx = {
    layers: new Set(wanted),
    color: s.color,
    ...(s.options?.length ? { options: s.options } : {}),
  };
  return {
    layers,
    ...(format.options ? { options: format.options } : {}),
    render: (doc) => format.render(doc, fctx),
  };
}
