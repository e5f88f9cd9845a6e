import { joinKeys, loadGazetteer } from '../entities/gazetteer.js';
import { tokenKey } from '../entities/keys.js';
import { tokenize } from '../tokens/tokenize.js';

/**
 * Whether the shipped gazetteer lists `name` as a place (`LOC`): `Beijing`, `Mexico City`. A
 * dateline in title case with a colon (`Beijing: …`) needs it, since a person's name opens a
 * line the same way (`Ганчев: Киев эвакуирует …`).
 */
export function isKnownPlace(name: string): boolean {
  const keys = tokenize(name, 'en').map((t) => tokenKey(name.slice(t.start, t.end)));
  return keys.length > 0 && loadGazetteer().byKeys.get(joinKeys(keys))?.entry.type === 'LOC';
}
