import type { LayerPlan, NewsDocument } from '@newsprism/core';
import { staleLayers as staleInDocument } from '@newsprism/core/schema';

/**
 * The layers of a stored document that `plan` (a pipeline) would add or produce differently,
 * from its producer entries alone: core's `staleLayers` (another version, options, model
 * checksum or optional inputs, or a layer it reads is stale; missing layers count), with a layer
 * held when the document records its producer — the store writes both together, so the layers
 * themselves need not be read. `only` keeps the answer to those layers.
 */
export function staleLayers(
  producers: Record<string, unknown>,
  plan: LayerPlan,
  only?: readonly string[],
): string[] {
  // core reads "is the layer there" from the document's own keys; a store has only the producers.
  const held = Object.fromEntries(Object.keys(producers).map((l) => [l, true]));
  const doc = { ...held, producers } as unknown as NewsDocument;
  const stale = staleInDocument(doc, plan) as string[];
  return only ? stale.filter((l) => only.includes(l)) : stale;
}
