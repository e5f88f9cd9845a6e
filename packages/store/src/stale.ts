/**
 * The layers of a stored document that the current pipeline would produce differently: a
 * layer is stale when its producer entry (today `"quotes@7"`; later an object with options and
 * model checksums) differs from the pipeline's, compared as canonical JSON so that the entry's
 * shape does not matter. Layers the pipeline does not produce are never stale; layers missing
 * from the document are.
 */
export function staleLayers(
  stored: Record<string, unknown>,
  current: Record<string, unknown>,
  only?: readonly string[],
): string[] {
  const out: string[] = [];
  for (const [layer, entry] of Object.entries(current)) {
    if (only && !only.includes(layer)) continue;
    if (canonical(stored[layer]) !== canonical(entry)) out.push(layer);
  }
  return out;
}

function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
