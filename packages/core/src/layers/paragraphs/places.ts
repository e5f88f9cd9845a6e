import { joinKeys, loadGazetteer } from '../entities/gazetteer.js';
import { tokenKey } from '../entities/keys.js';
import { tokenize } from '../tokens/tokenize.js';

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
  const keys = tokenize(name, 'en').map((t) => tokenKey(name.slice(t.start, t.end)));
  const e = keys.length > 0 ? loadGazetteer().byKeys.get(joinKeys(keys))?.entry : undefined;
  return e?.type === 'LOC' ? (e.kind ?? '') : undefined;
}
