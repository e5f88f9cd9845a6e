import type { LayerName, NewsDocument, Producer } from './schema.js';

/**
 * What a pipeline makes, as far as provenance goes: its layers in run order, the producer entry
 * each would get and the layers each reads. A `Pipeline` is one; a store can keep this shape.
 */
export interface LayerPlan {
  readonly layers: readonly LayerName[];
  readonly producers: Readonly<Partial<Record<LayerName, Producer>>>;
  /** The layers each layer reads: its requirements and the optional inputs the plan has. */
  readonly inputs: Readonly<Partial<Record<LayerName, readonly LayerName[]>>>;
}

/** JSON with object keys sorted, so equal records compare equal whatever their key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Whether two producer entries promise the same output (same name, version, options, models, inputs). */
export function sameProducer(a: Producer | undefined, b: Producer | undefined): boolean {
  if (!a || !b) return false;
  return canonical(a) === canonical(b);
}

/**
 * The layers whose stored producer records other analyzer options than `plan`'s (a run's
 * producers, as a pipeline records them: models included): other options, or other model and
 * data files — a file option (`quotes.learned=off`, `genre.model=…`) is recorded by the
 * checksums of what it loaded, not among the options. Compared as {@link sameProducer} compares
 * them (a `models` record missing on one side differs from one present), on the layers in both
 * made by the same analyzer at the same version — another version is stale whatever its
 * options, and a `newsprism/1` producer (a string) records none. Pure: a server compares a
 * stored document with its workers' producers, loading no analyzer.
 */
export function otherOptionLayers(
  stored: Readonly<Record<string, unknown>>,
  plan: Readonly<Partial<Record<string, Producer>>>,
): string[] {
  // What a layer was made with, as far as a user chooses it: the producer without its optional inputs.
  const chosen = ({ options, models }: Producer) => canonical({ options: options ?? {}, models });
  const out: string[] = [];
  for (const [layer, s] of Object.entries(stored)) {
    const p = plan[layer];
    if (!p || typeof s !== 'object' || s === null) continue;
    const { name, version } = s as Producer;
    if (name === p.name && version === p.version && chosen(s as Producer) !== chosen(p)) out.push(layer);
  }
  return out;
}

/** `name@version`, the short form for people (`quotes@7`). */
export const producerLabel = (p: Producer): string => `${p.name}@${p.version}`;

/**
 * The layers of `plan` that `doc` lacks or holds stale, in run order: a layer is stale when its
 * producer entry differs from the plan's (another version, options or model checksum, or other
 * optional inputs) or when a layer it reads is stale. Pure: a store can call it for each stored
 * document without building a pipeline's models.
 *
 * @example
 * staleLayers(stored, pipeline); // ['entities', 'quotes', 'claims'] after a new NER model
 */
export function staleLayers(doc: Pick<NewsDocument, 'producers'>, plan: LayerPlan): LayerName[] {
  const stale = new Set<LayerName>();
  const record = doc as Record<string, unknown>;
  for (const layer of plan.layers) {
    const fresh =
      record[layer] !== undefined &&
      sameProducer(doc.producers[layer], plan.producers[layer]) &&
      !(plan.inputs[layer] ?? []).some((i) => stale.has(i));
    if (!fresh) stale.add(layer);
  }
  return [...stale];
}
