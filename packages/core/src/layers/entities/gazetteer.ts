import { readFileSync } from 'node:fs';
import { NewsprismError } from '../../errors.js';
import type { ModelRegistry } from '../../models/registry.js';
import { tokenize } from '../tokens/tokenize.js';
import countries from './countries.json' with { type: 'json' };
import curated from './gazetteer.json' with { type: 'json' };
import { isCapitalized, tokenKey } from './keys.js';
import world from './world.en.json' with { type: 'json' };

/** Entity types, as in CoNLL-2003. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** What a provenance label means and which side of a naming divide it sits on. */
export interface Provenance {
  /** `ua` (Ukrainian-standard), `ru` (Russian-standard) or `neutral`. */
  pole: 'ua' | 'ru' | 'neutral';
  description?: string;
}

/** One entry of a gazetteer file, as written (see docs/gazetteer.md). */
export interface GazetteerEntryInput {
  id: string;
  type: EntityType;
  name: string;
  kind?: string;
  /** Names by language code (`en`, `ru`, `uk`, …); any ISO 639-1 code may be used. */
  [lang: string]: unknown;
  /** Contested spellings: form → provenance label. */
  variants?: Record<string, string>;
  /** Descriptions that name the entity while it is in the news (`Ukrainian president`). */
  roles?: string[];
}

/** A gazetteer file: `{format, provenances?, entries}`. */
export interface GazetteerFile {
  format: 'newsprism-gazetteer/1';
  description?: string;
  provenances?: Record<string, Provenance>;
  entries: GazetteerEntryInput[];
}

/** A merged entry: every file's names for one id. */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  kind?: string;
  /** Every form, with its language. */
  forms: { form: string; lang: string }[];
  variants: Record<string, string>;
  roles: string[];
}

/** A name form compiled for matching. */
export interface CompiledForm {
  entry: GazetteerEntry;
  form: string;
  keys: string[];
  /** The text must start with a capital letter (the form does). */
  capital: boolean;
  /** A weak form (a surname derived from a full name) links a mention but never creates one. */
  weak: boolean;
  /**
   * The form's words written in capitals (`МУС`, `НАТО`), when it has any: abbreviations a text
   * word must spell whole (`spellsAbbreviations`), not merely share the key of (`Муса`).
   */
  abbreviations?: string[];
}

const ABBREVIATION = /^[\p{Lu}\d-]{2,}$/u;
const HAS_LETTER = /\p{Lu}/u;

/** Whether a word is written in capitals (`МУС`, `ЕС`, `NATO`): an abbreviation, compared whole. */
export const isAbbreviation = (w: string): boolean => ABBREVIATION.test(w) && HAS_LETTER.test(w);

/** A loaded gazetteer with its match index. */
export interface Gazetteer {
  entries: Map<string, GazetteerEntry>;
  provenances: Record<string, Provenance>;
  /** Forms by the key of their first token. */
  byFirstKey: Map<string, CompiledForm[]>;
  /** Forms by their joined keys (for linking a whole mention). */
  byKeys: Map<string, CompiledForm>;
  /** Role descriptions by the key of their first (lower-cased) token. */
  roles: Map<string, { entry: GazetteerEntry; keys: string[] }[]>;
}

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const NOT_LANG = new Set(['id', 'type', 'name', 'kind', 'variants', 'roles']);

/** Joins token keys into one lookup key. */
export const joinKeys = (keys: readonly string[]): string => keys.join('\u0001');

function check(file: unknown, where: string): GazetteerFile {
  const f = file as GazetteerFile;
  if (f?.format !== 'newsprism-gazetteer/1' || !Array.isArray(f.entries))
    throw new NewsprismError(
      'E_GAZETTEER',
      `${where} is not a gazetteer: expected {"format": "newsprism-gazetteer/1", "entries": [...]} (see docs/gazetteer.md)`,
    );
  for (const e of f.entries) {
    if (typeof e.id !== 'string' || !TYPES.has(e.type) || typeof e.name !== 'string')
      throw new NewsprismError(
        'E_GAZETTEER',
        `${where}: entry ${JSON.stringify(e.id)} needs a string "id", a "name" and a "type" of PER, ORG, LOC or MISC`,
      );
  }
  return f;
}

/** Merges gazetteer files in order: a later entry with a known id adds names and overrides fields. */
export function mergeGazetteers(files: readonly GazetteerFile[]): Gazetteer {
  const merged = mergeEntries(files);
  return { ...merged, ...compile(merged.entries) };
}

/** The merged entries of gazetteer files, without the match index (which costs tokenizing every form). */
function mergeEntries(files: readonly GazetteerFile[]): Pick<Gazetteer, 'entries' | 'provenances'> {
  const entries = new Map<string, GazetteerEntry>();
  const provenances: Record<string, Provenance> = {};
  for (const f of files) {
    Object.assign(provenances, f.provenances ?? {});
    for (const e of f.entries) {
      const cur = entries.get(e.id) ?? {
        id: e.id,
        type: e.type,
        name: e.name,
        forms: [],
        variants: {},
        roles: [],
      };
      cur.type = e.type;
      cur.name = e.name;
      if (e.kind) cur.kind = e.kind;
      for (const [lang, names] of Object.entries(e)) {
        if (NOT_LANG.has(lang) || !Array.isArray(names)) continue;
        for (const form of names) if (typeof form === 'string') cur.forms.push({ form, lang });
      }
      Object.assign(cur.variants, e.variants ?? {});
      for (const r of e.roles ?? []) if (typeof r === 'string') cur.roles.push(r);
      entries.set(e.id, cur);
    }
  }
  return { entries, provenances };
}

/** Keys of a role description: case-insensitive, declension-tolerant like names. */
export const roleKeys = (text: string): string[] =>
  tokenize(text, 'en').map((t) => tokenKey(text.slice(t.start, t.end).toLowerCase()));

function compile(entries: Map<string, GazetteerEntry>): Pick<Gazetteer, 'byFirstKey' | 'byKeys' | 'roles'> {
  const roles: Gazetteer['roles'] = new Map();
  for (const e of entries.values())
    for (const r of e.roles) {
      const keys = roleKeys(r);
      if (keys.length === 0) continue;
      const list = roles.get(keys[0]!) ?? [];
      list.push({ entry: e, keys });
      list.sort((a, b) => b.keys.length - a.keys.length);
      roles.set(keys[0]!, list);
    }
  const byFirstKey = new Map<string, CompiledForm[]>();
  const byKeys = new Map<string, CompiledForm>();
  const add = (entry: GazetteerEntry, form: string, lang: string, weak: boolean) => {
    const words = tokenize(form, lang === 'en' ? 'en' : lang).map((t) => form.slice(t.start, t.end));
    const keys = words.map((w) => tokenKey(w));
    if (keys.length === 0) return;
    const joined = joinKeys(keys);
    const known = byKeys.get(joined);
    // The first (curated) owner of a form keeps it; a weak form never displaces a strong one.
    if (known && (!known.weak || weak)) return;
    const c: CompiledForm = { entry, form, keys, capital: isCapitalized(form), weak };
    const abbreviations = words.filter(isAbbreviation);
    if (abbreviations.length) c.abbreviations = abbreviations;
    byKeys.set(joined, c);
    const list = byFirstKey.get(keys[0]!) ?? [];
    if (known) list.splice(list.indexOf(known), 1);
    list.push(c);
    list.sort((a, b) => b.keys.length - a.keys.length);
    byFirstKey.set(keys[0]!, list);
  };
  for (const e of entries.values()) {
    const seen = new Set<string>();
    for (const { form, lang } of e.forms) {
      if (seen.has(form)) continue;
      seen.add(form);
      add(e, form, lang, false);
    }
    for (const v of Object.keys(e.variants)) if (!seen.has(v)) add(e, v, 'en', false);
    // A Russian place named in the plural (`Нидерланды`, `Соединенные Штаты`) has a genitive in
    // `-ов` (`Нидерландов`, `Штатов`) that the key's endings keep (`-ов` ends surnames): derive it.
    if (e.type === 'LOC')
      for (const { form, lang } of e.forms)
        if (lang === 'ru' && /[бвгдзклмнпрстфхцчшщ]ы$/.test(form) && !seen.has(`${form.slice(0, -1)}ов`))
          add(e, `${form.slice(0, -1)}ов`, lang, false);
    // People are named by surname alone; derive it, weakly (Austin is also a city).
    if (e.type === 'PER')
      for (const { form, lang } of e.forms) {
        const parts = form.split(' ');
        const last = parts[parts.length - 1]!;
        if (parts.length > 1 && last.length > 2 && !seen.has(last)) add(e, last, lang, lang === 'en');
      }
  }
  return { byFirstKey, byKeys, roles };
}

let builtin: GazetteerFile[] | undefined;
let shipped: Gazetteer | undefined;

/** The shipped gazetteer files, in merge order, checked once. */
function builtinFiles(): GazetteerFile[] {
  builtin ??= [
    check(countries, 'countries.json'),
    check(curated, 'gazetteer.json'),
    check(world, 'world.en.json'),
  ];
  return builtin;
}

/** Reads a gazetteer file; usage errors say which file and why. */
export function readGazetteerFile(path: string | URL): GazetteerFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new NewsprismError('E_GAZETTEER', `cannot read gazetteer file ${String(path)}`);
  }
  return parseGazetteerFile(text, String(path));
}

/** Parses and checks the text of a gazetteer file. */
function parseGazetteerFile(text: string, where: string): GazetteerFile {
  try {
    return check(JSON.parse(text), where);
  } catch (e) {
    if (e instanceof NewsprismError) throw e;
    throw new NewsprismError('E_GAZETTEER', `gazetteer file ${where} is not valid JSON`);
  }
}

/**
 * The shipped gazetteer (world states, the curated war-coverage entries, then world places and
 * nationalities — a name keeps the first entry that lists it), merged with the user's extra
 * files in order. For code outside a pipeline; pipelines use {@link gazetteerFor}.
 */
export function loadGazetteer(extra: readonly string[] = []): Gazetteer {
  if (extra.length > 0)
    return mergeGazetteers([...builtinFiles(), ...extra.map((p) => readGazetteerFile(p))]);
  shipped ??= mergeGazetteers(builtinFiles());
  return shipped;
}

/**
 * The entries of the shipped gazetteer, merged as {@link loadGazetteer} merges them but not
 * compiled for matching: what a lookup by name (the outlet index) needs, at a fraction of the
 * cost.
 */
export function shippedEntries(): Map<string, GazetteerEntry> {
  return shipped?.entries ?? mergeEntries(builtinFiles()).entries;
}

/**
 * Records the shipped gazetteer files with an analyzer's registry (their checksums go into its
 * `producers` entry) and returns them as `id=checksum` strings, the key of what is derived from
 * them.
 */
export function recordShipped(registry: ModelRegistry): string[] {
  const sums: string[] = [];
  for (const [id, data] of [
    ['entities/countries.json', countries],
    ['entities/gazetteer.json', curated],
    ['entities/world.en.json', world],
  ] as const) {
    registry.data(id, data);
    sums.push(`layers/${id}=${registry.loaded[`layers/${id}`]}`);
  }
  return sums;
}

/**
 * The gazetteer of a pipeline's analyzer: the shipped files and the user's `extra` ones, read
 * and checksummed through the registry and merged once per combination of contents (so
 * `entities` and `naming` share one).
 */
export function gazetteerFor(registry: ModelRegistry, extra: readonly string[]): Gazetteer {
  const sums = recordShipped(registry);
  const record = (id: string) => sums.push(`${id}=${registry.loaded[id]}`);
  const files = extra.map((path, i) => {
    const id = `gazetteer/user.${i + 1}`;
    const f = registry.load(id, path, ([b]) => parseGazetteerFile(b!.toString('utf8'), path));
    record(id);
    return f;
  });
  return registry.derive(`gazetteer#${sums.join(',')}`, () =>
    files.length > 0 ? mergeGazetteers([...builtinFiles(), ...files]) : loadGazetteer(),
  );
}
