import { shippedEntries } from '../entities/gazetteer.js';

let index: Map<string, string> | undefined;

/** Place kinds (`state`, `capital`, `city`, `''`) by the lower-cased name of every shipped place. */
function placeIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  for (const e of shippedEntries().values()) {
    if (e.type !== 'LOC') continue;
    for (const f of [e.name, ...e.forms.map((x) => x.form)]) {
      const k = f.toLowerCase();
      if (!index.has(k)) index.set(k, e.kind ?? '');
    }
  }
  return index;
}

/**
 * Whether the shipped gazetteer lists `name` as a place (`LOC`): `Beijing`, `Mexico City`. A
 * dateline in title case with a colon (`Beijing: …`) needs it, since a person's name opens a
 * line the same way (`Ганчев: Киев эвакуирует …`).
 */
export function isKnownPlace(name: string): boolean {
  return placeKind(name) !== undefined;
}

/**
 * The gazetteer kind of a place (`state` for a country, `capital`, `city`, …; `''` for a place
 * without one), or undefined when `name` is no known place. `Spain: Thousands evacuated` is a
 * headline's country, `Beijing: …` a city's dateline.
 */
export function placeKind(name: string): string | undefined {
  return placeIndex().get(name.toLowerCase().replace(/\s+/g, ' ').trim());
}
