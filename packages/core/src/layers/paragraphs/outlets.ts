import type { ModelRegistry } from '../../models/registry.js';
import { type GazetteerEntry, recordShipped, shippedEntries } from '../entities/gazetteer.js';

/** Lower-cases, drops quotes and dots, unifies `ё` and spacing, so `РИА «Новости»` = `риа новости`. */
const outletKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»“”„’]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/**
 * Names the shipped gazetteer knows, for the layout rules of the `paragraphs` and `quotes`
 * analyzers (datelines, credits, an outlet beside a speaker's name). Built once per model store
 * by {@link knownNamesFor} in the analyzers' set-up; {@link knownNames} for code outside a
 * pipeline.
 */
export interface KnownNames {
  /**
   * The canonical name of an outlet or agency as the gazetteer (`kind: "outlet"`) lists it, in
   * any script: `РИА Новости` → `RIA Novosti`, `ТАСС` → `TASS`, `AP` → `Associated Press`. A
   * trailing `.ru`/`.com` or legal suffix is tried without it. Undefined when the gazetteer does
   * not know it.
   */
  outlet(name: string): string | undefined;
  /**
   * The gazetteer kind of a place (`state` for a country, `capital`, `city`, …; `''` for a place
   * without one), or undefined when `name` is no known place (`LOC`). `Spain: Thousands
   * evacuated` is a headline's country, `Beijing: …` a city's dateline.
   */
  placeKind(name: string): string | undefined;
}

/** The outlet and place indexes of gazetteer entries (the shipped ones by default). */
export function knownNames(entries: ReadonlyMap<string, GazetteerEntry> = shippedEntries()): KnownNames {
  // Canonical outlet names by the key of every name listed for an outlet; place kinds by the
  // lower-cased name of every place.
  const outlets = new Map<string, string>();
  const places = new Map<string, string>();
  for (const e of entries.values()) {
    if (e.kind === 'outlet') {
      outlets.set(outletKey(e.name), e.name);
      for (const f of e.forms) if (!outlets.has(outletKey(f.form))) outlets.set(outletKey(f.form), e.name);
    }
    if (e.type === 'LOC')
      for (const f of [e.name, ...e.forms.map((x) => x.form)]) {
        const k = f.toLowerCase();
        if (!places.has(k)) places.set(k, e.kind ?? '');
      }
  }
  return {
    outlet(name) {
      const k = outletKey(name);
      return (
        outlets.get(k) ??
        outlets.get(k.replace(/\.(ru|com|net|org|ua|by|kz)$/, '')) ??
        outlets.get(k.replace(/,?\s+(l\.?p\.?|llc|inc\.?|gmbh|ltd\.?)$/, ''))
      );
    },
    placeKind: (name) => places.get(name.toLowerCase().replace(/\s+/g, ' ').trim()),
  };
}

/**
 * The known names of a pipeline: the shipped gazetteer files recorded with the analyzer's
 * registry (their checksums go into its `producers` entry) and the indexes built once per model
 * store.
 */
export function knownNamesFor(registry: ModelRegistry): KnownNames {
  return registry.derive(`known-names#${recordShipped(registry).join(',')}`, () => knownNames());
}
