import type { LayerPlan, NewsDocument } from '@newsprism/core';
import { staleLayers as staleInDocument } from '@newsprism/core/schema';

/**
 * The layers of a stored document that `plan` (a pipeline) would add or produce differently,
 * from its producer entries alone: core's `staleLayers` (another version, options, model
 * checksum or optional inputs, or a layer it reads is stale; missing layers count), with a layer
 * held when the document records its producer — the store writes both together, so the layers
 * themselves need not be read. `only` keeps the answer to those layers.
 *
 * A layer of the plan that other layers of it read, and that the document neither holds nor is
 * asked for (`only`), is a requirement the store does not keep (`tokens` by default: the store keeps the layers asked
 * for, as `analyze` writes them): it is taken as fresh, not as missing, or every document would
 * be stale for the want of it. A change to such a layer alone therefore does not make stored
 * documents stale (docs/architecture.md).
 */
export function staleLayers(
  producers: Record<string, unknown>,
  plan: LayerPlan,
  only?: readonly string[],
): string[] {
  const all = { ...producers };
  const read = new Set(Object.values(plan.inputs).flat());
  for (const l of plan.layers)
    if (!(l in all) && read.has(l) && !only?.includes(l) && plan.producers[l]) all[l] = plan.producers[l];
  // core reads "is the layer there" from the document's own keys; a store has only the producers.
  const held = Object.fromEntries(Object.keys(all).map((l) => [l, true]));
  const doc = { ...held, producers: all } as unknown as NewsDocument;
  const stale = staleInDocument(doc, plan) as string[];
  return only ? stale.filter((l) => only.includes(l)) : stale;
}
