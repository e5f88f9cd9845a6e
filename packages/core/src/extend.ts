import { NewsprismError } from './errors.js';
import { sameProducer } from './provenance.js';
import type { NewsDocument } from './schema.js';
import type { Step } from './steps.js';

/** The steps that make `wanted` and, transitively, the layers they require. */
function closure(steps: readonly Step[], wanted: readonly string[]): Set<string> {
  const byLayer = new Map(steps.map((s) => [s.a.produces as string, s]));
  const out = new Set<string>();
  const visit = (l: string): void => {
    const s = byLayer.get(l);
    if (!s)
      throw new NewsprismError(
        'E_UNKNOWN_LAYER',
        `this pipeline does not make layer "${l}"; build one with it in layers (it makes: ${[...byLayer.keys()].join(', ')})`,
      );
    if (out.has(l)) return;
    out.add(l);
    for (const r of s.a.requires) visit(r);
  };
  for (const w of wanted) visit(w);
  return out;
}

/**
 * What `extend` must run on a stored document: the wanted layers (and their requirements) that
 * are missing or stale, and every layer the document holds that reads a recomputed one (a
 * missing layer made from fresh inputs is not a recomputed one: a document written or stored
 * without the requirements of its layers keeps those layers when only they are made). `base`
 * is a copy of the document without the diagnostics of the analyzers that run again.
 */
export function extendPlan(
  doc: NewsDocument,
  steps: readonly Step[],
  wanted: readonly string[],
): { base: NewsDocument; todo: Set<Step> } {
  const need = closure(steps, wanted);
  const record = doc as Record<string, unknown>;
  const redo = new Set<string>();
  const todo = new Set<Step>();
  for (const s of steps) {
    const layer = s.a.produces;
    const present = record[layer] !== undefined;
    const inputRedone = s.inputs.some((l) => redo.has(l));
    const fresh = present && sameProducer(doc.producers[layer], s.producer) && !inputRedone;
    if ((need.has(layer) && !fresh) || (present && inputRedone)) {
      todo.add(s);
      // A layer the document lacks only because it was kept out (a requirement, `tokens` by
      // default: `keepLayers`) is made again from fresh inputs for its readers: no change to them.
      if (present || inputRedone) redo.add(layer);
    }
  }
  const names = new Set([...todo].map((s) => s.a.name));
  const base: NewsDocument = {
    ...doc,
    meta: { ...doc.meta },
    producers: { ...doc.producers },
    diagnostics: doc.diagnostics.filter((d) => !d.source || !names.has(d.source)),
  };
  return { base, todo };
}

/**
 * The document with its layers and producers in pipeline order (then any the pipeline does not
 * know, as they were), so an extended document serialises like a freshly analysed one.
 */
export function inPipelineOrder(doc: NewsDocument, steps: readonly Step[]): NewsDocument {
  const record = doc as Record<string, unknown>;
  // Input diagnostics first, then each analyzer's in run order, as a fresh run has them.
  const rank = new Map(steps.map((s, i) => [s.a.name, i]));
  const diagnostics = doc.diagnostics
    .map((d, i) => ({ d, i, r: rank.get(d.source ?? '') ?? -1 }))
    .sort((x, y) => x.r - y.r || x.i - y.i)
    .map((x) => x.d);
  const producers: Record<string, unknown> = {};
  const out: Record<string, unknown> = {
    schema: doc.schema,
    id: doc.id,
    text: doc.text,
    meta: doc.meta,
    producers,
    diagnostics,
  };
  for (const l of [...steps.map((s) => s.a.produces as string), ...Object.keys(doc.producers)])
    if (record[l] !== undefined && !(l in producers)) {
      out[l] = record[l];
      producers[l] = (doc.producers as Record<string, unknown>)[l];
    }
  return out as NewsDocument;
}
