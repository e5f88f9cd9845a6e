import { shippedEntries } from '../entities/gazetteer.js';

/** Lower-cases, drops quotes and dots, unifies `ё` and spacing, so `РИА «Новости»` = `риа новости`. */
const outletKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»“”„’]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

let index: Map<string, string> | undefined;

/** Canonical outlet names by the key of every name the shipped gazetteer lists for an outlet. */
function outletIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  for (const e of shippedEntries().values()) {
    if (e.kind !== 'outlet') continue;
    index.set(outletKey(e.name), e.name);
    for (const f of e.forms) if (!index.has(outletKey(f.form))) index.set(outletKey(f.form), e.name);
  }
  return index;
}

/**
 * The canonical name of an outlet or agency as the gazetteer (`kind: "outlet"`) lists it, in any
 * script: `РИА Новости` → `RIA Novosti`, `ТАСС` → `TASS`, `AP` → `Associated Press`. A trailing
 * `.ru`/`.com` or legal suffix is tried without it. Undefined when the gazetteer does not know it.
 */
export function canonicalOutlet(name: string): string | undefined {
  const idx = outletIndex();
  const k = outletKey(name);
  return (
    idx.get(k) ??
    idx.get(k.replace(/\.(ru|com|net|org|ua|by|kz)$/, '')) ??
    idx.get(k.replace(/,?\s+(l\.?p\.?|llc|inc\.?|gmbh|ltd\.?)$/, ''))
  );
}
