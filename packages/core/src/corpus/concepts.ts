import { loadGazetteer } from '../layers/entities/gazetteer.js';
import { stemRu, tokenStems } from '../layers/entities/keys.js';
import type { Span } from '../schema.js';
import lexiconFile from './lexicon.ru-en.json' with { type: 'json' };
import months from './months.json' with { type: 'json' };
import stopEn from './stopwords.en.json' with { type: 'json' };
import stopRu from './stopwords.ru.json' with { type: 'json' };
import { nameSkeleton } from './translit.js';
import { fnv1a, lightStem } from './words.js';

/** Feature → count: what a text (or a part of it) talks about, comparable across languages. */
export type ConceptBag = Map<string, number>;

const LEXICON = lexiconFile.entries as Record<string, string[]>;
const STOP = new Set([...stopEn.words, ...stopRu.words]);
const TOKEN = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\p{N}+/gu;
const UPPER = /^\p{Lu}/u;
const DIGIT = /^\p{N}/u;
const CYR = /[\u0400-\u04ff]/;
const HAN = /\p{Script=Han}/u;

let entityStems: Map<string, string> | undefined;

/**
 * Gazetteer names by the stem of their word, so that `Kiev`, `Kyiv`, `Киев` and `Києва` all
 * become `e:kyiv`: single-word forms of every entry in every language, and a person's surname.
 */
function entityIndex(): Map<string, string> {
  if (entityStems) return entityStems;
  entityStems = new Map();
  for (const e of loadGazetteer().entries.values()) {
    for (const { form } of e.forms) {
      const words = form.toLowerCase().replace(/ё/g, 'е').match(TOKEN) ?? [];
      const key = words.length === 1 ? words[0] : e.type === 'PER' ? words[words.length - 1] : undefined;
      if (!key || key.length < 3 || STOP.has(key)) continue;
      const stem = CYR.test(key) ? stemRu(key) : lightStem(key);
      if (stem.length >= 3 && !entityStems.has(stem)) entityStems.set(stem, e.id);
    }
  }
  return entityStems;
}

/** The entity id a lower-case word names in the gazetteer, if any (`киеве` → `kyiv`). */
export function entityOf(lower: string): string | undefined {
  const index = entityIndex();
  if (!CYR.test(lower)) return index.get(lightStem(lower)) ?? index.get(lower);
  for (const s of tokenStems(lower) ?? [lower]) {
    const id = s.length >= 3 ? index.get(s) : undefined;
    if (id) return id;
  }
  return undefined;
}

const MONTH_EN = new Map(months.en.map((m, i) => [m, i + 1]));

/** The month (1–12) a word names: English when capitalised, Russian by its stem. */
export function monthOf(lower: string, capitalised: boolean): number | undefined {
  if (!CYR.test(lower)) return capitalised ? MONTH_EN.get(lower) : undefined;
  // `ма` is the stem of May only in `май`, `мая`, `мае` (not `маленький`).
  const i = months.ru.findIndex((p) => lower.startsWith(p) && (p !== 'ма' || /^ма[йяе]$/.test(lower)));
  return i < 0 ? undefined : i + 1;
}

type Features = readonly (readonly [string, number])[];
const NONE: Features = [];
// Words repeat across a corpus; their features are computed once (bounded, cleared when full).
const memo = new Map<string, Features>();

/** The features one word contributes (none for a function word). */
function wordFeatures(surface: string, remember = true): Features {
  const hit = memo.get(surface);
  if (hit) return hit;
  const lower = surface.toLowerCase().replace(/ё/g, 'е');
  const capital = UPPER.test(surface);
  let out: Features = NONE;
  const month = monthOf(lower, capital);
  if (month) out = [[`m:${month}`, 1]];
  else if (lower.length >= 2 && !STOP.has(lower)) {
    const stem = lightStem(lower);
    const entity = entityOf(lower);
    if (entity) out = [[`e:${entity}`, 1]];
    else {
      const list: [string, number][] = [];
      const sk = capital && lower.length >= 4 ? nameSkeleton(stem) : '';
      if (sk) list.push([`n:${sk}`, 0.5]);
      if (CYR.test(lower)) {
        const en = LEXICON[stem];
        if (en) for (const e of en.slice(0, 2)) list.push([`w:${e}`, 1 / Math.min(2, en.length)]);
        else list.push([`r:${stem}`, 1]);
      } else list.push([`w:${stem}`, 1]);
      out = list;
    }
  }
  if (!remember) return out;
  if (memo.size > 500_000) memo.clear();
  memo.set(surface, out);
  return out;
}

/**
 * The language-independent features of `text` (or of `range` in it): `e:` gazetteer entities,
 * `#` numbers, `m:` months, `n:` consonant skeletons of other capitalised names, `w:` English word stems
 * (Russian words through the Russian → English lexicon, up to two senses), and `r:` Russian stems
 * the lexicon lacks. Function words are left out.
 *
 * @example conceptBag('Киев заявил о 12 погибших', 'ru') // e:kyiv, r:заяв, #12, w:dead…
 */
export function conceptBag(text: string, range?: Span, lang?: string): ConceptBag {
  const bag: ConceptBag = new Map();
  const add = (f: string, w = 1) => bag.set(f, (bag.get(f) ?? 0) + w);
  const slice = range ? text.slice(range.start, range.end) : text;
  // The English stemmer (and the lexicon built with it) is for English; other Latin-script
  // languages get a prefix of the word, which joins most inflected forms (German, Polish, Turkish…).
  const prefix = lang !== undefined && lang !== 'en' && lang !== 'ru' && lang !== 'und';
  for (const m of slice.matchAll(TOKEN)) {
    const surface = m[0];
    if (prefix && !CYR.test(surface) && !DIGIT.test(surface) && !HAN.test(surface)) {
      const lower = surface.toLowerCase();
      const entity = entityOf(lower);
      if (entity) add(`e:${entity}`);
      else if (lower.length >= 3 && !STOP.has(lower)) add(`w:${lower.slice(0, 6)}`);
      continue;
    }
    for (const [f, w] of tokenFeatures(surface)) add(f, w);
  }
  return bag;
}

/**
 * The words that stand for `keys` (features of `conceptBag`) in `texts`: for each key, its most
 * frequent surface form there (`w:vot` → `vote`), or the key without its kind when no word of
 * the texts has it. Labels shown to people use these, not stems.
 */
export function surfaceForms(keys: readonly string[], texts: readonly string[]): string[] {
  const wanted = new Set(keys);
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts)
    for (const m of text.matchAll(TOKEN)) {
      for (const [f] of tokenFeatures(m[0], false)) {
        if (!wanted.has(f)) continue;
        const forms = counts.get(f) ?? new Map<string, number>();
        const form = m[0] === m[0].toUpperCase() ? m[0] : m[0].toLowerCase();
        forms.set(form, (forms.get(form) ?? 0) + 1);
        counts.set(f, forms);
      }
    }
  return keys.map((k) => {
    const forms = counts.get(k);
    if (!forms) return k.replace(/^[a-z]:|^#/, '');
    return [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  });
}

/** Where a capital letter says nothing of a name: a line's start or a sentence's (after `.!?:`, quotes between). */
const SENTENCE_START = /(?:^|[.!?:]["'«»“”„)\]\s]*|^["'«“„(\s]+)$/;
/** A title's abbreviation before a name (`Ms. Ford`): its full stop ends no sentence. */
const TITLE_BEFORE = /\b(?:Mr|Ms|Mrs|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Prof|Sgt|Capt)\.\s+$/;
/** A run of capitalised words, one space apart (`Alikhan Smailov`, `On Monday Alikhan Smailov`). */
const NAME_RUN =
  /\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*(?: \p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*)*/gu;

/** English weekdays: capitalised, but a date, not a name. */
const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;

/** A line most of whose words (three or more) start with a capital: a headline in title case. */
function titleCase(line: string): boolean {
  const words = line.match(TOKEN) ?? [];
  return words.length >= 3 && words.filter((w) => UPPER.test(w)).length >= 0.6 * words.length;
}

/**
 * The names that stand for `n:` keys (capitalised-name skeletons) in `texts`, as written: for
 * each key, its most frequent capitalised form — the run of capitalised words around it when
 * the word mostly stands in one (`Alikhan Smailov` for `Smailov`) — or nothing when the word is
 * not a name there: a weekday, or a word with a capital in under 80% of its occurrences inside
 * sentences (not where one starts, `Moreover`; not in a title-case headline), as `President`
 * beside `the president`.
 */
export function nameForms(keys: readonly string[], texts: readonly string[]): (string | undefined)[] {
  const wanted = new Set(keys);
  const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const forms = new Map<string, Map<string, number>>();
  const runs = new Map<string, Map<string, number>>();
  const keyOf = new Map<string, string>();
  for (const text of texts)
    for (const line of text.split('\n')) {
      const headline = titleCase(line);
      for (const r of line.matchAll(NAME_RUN)) {
        const words = r[0].split(' ');
        for (const [i, w] of words.entries())
          for (const [f] of tokenFeatures(w, false)) {
            if (!wanted.has(f)) continue;
            count(forms.get(f) ?? forms.set(f, new Map()).get(f)!, w);
            keyOf.set(w.toLowerCase(), f);
            // A title-case headline makes runs of any words (`Have A Particularly`).
            if (headline) continue;
            // Every two or three words around it, none at an end a function word (`The PBOC`):
            // the one most often written is the name (`Alikhan Smailov` in `Monday Alikhan Smailov`).
            for (let a = Math.max(0, i - 2); a <= i; a++)
              for (let b = Math.max(a + 2, i + 1); b <= Math.min(a + 3, words.length); b++) {
                if (STOP.has(words[a]!.toLowerCase()) || STOP.has(words[b - 1]!.toLowerCase())) continue;
                count(runs.get(f) ?? runs.set(f, new Map()).get(f)!, words.slice(a, b).join(' '));
              }
          }
      }
    }
  const inside = capitalsInside(texts);
  const named = new Map<string, CapitalCount>();
  for (const [lower, f] of keyOf) {
    const c = inside.get(lower);
    const n = named.get(f) ?? named.set(f, { capital: 0, all: 0 }).get(f)!;
    n.capital += c?.capital ?? 0;
    n.all += c?.all ?? 0;
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return keys.map((k) => {
    const byForm = forms.get(k);
    if (!byForm || !namelike(named.get(k))) return undefined;
    const [form, n] = top(byForm);
    if (WEEKDAY.test(form.toLowerCase())) return undefined;
    const run = runs.get(k);
    if (run) {
      const [phrase, r] = top(run);
      if (r >= 2 && r * 2 >= n) return phrase;
    }
    return form;
  });
}

/** How often a word is written inside sentences, and how often with a capital there. */
export interface CapitalCount {
  capital: number;
  all: number;
}

/**
 * Each word of `texts` (lower-cased) with how often it stands inside a sentence — not where one
 * starts, not in a title-case headline — and how often with a capital there: what tells a name
 * (`Ford`, always capitalised) from a word a sentence starts with (`Hypocritically`).
 */
export function capitalsInside(texts: readonly string[]): Map<string, CapitalCount> {
  const inside = new Map<string, CapitalCount>();
  for (const text of texts)
    for (const line of text.split('\n')) {
      if (titleCase(line)) continue;
      for (const m of line.matchAll(TOKEN)) {
        const before = line.slice(Math.max(0, m.index - 8), m.index);
        if (SENTENCE_START.test(before.slice(-4)) && !TITLE_BEFORE.test(before)) continue;
        const lower = m[0].toLowerCase();
        const c = inside.get(lower) ?? inside.set(lower, { capital: 0, all: 0 }).get(lower)!;
        c.all++;
        if (UPPER.test(m[0])) c.capital++;
      }
    }
  return inside;
}

/** Whether a word's {@link CapitalCount} is a name's: written inside sentences, with a capital in 80% of them or more. */
export const namelike = (c: CapitalCount | undefined): boolean =>
  c !== undefined && c.all > 0 && c.capital >= 0.8 * c.all;

/** The features of one token of any kind: a number, Chinese or Japanese characters, a word. */
function tokenFeatures(surface: string, remember = true): Features {
  if (DIGIT.test(surface)) return [[`#${surface.replace(/^0+(?=\d)/, '')}`, 1]];
  if (HAN.test(surface)) {
    // Chinese and Japanese have no spaces: overlapping character pairs stand for words.
    const out: [string, number][] = [];
    for (let k = 0; k + 1 < surface.length; k++) out.push([`w:${surface.slice(k, k + 2)}`, 1]);
    return out;
  }
  return wordFeatures(surface, remember);
}

/** A feature's kind: `r:` features never match across languages; entities, numbers, names and months are anchors. */
export const FEATURE_LOCAL = 1;
export const FEATURE_ANCHOR = 2;

/** The features of a text by their 32-bit hashes (sorted), as {@link conceptBag} without a language gives them. */
export interface HashedConcepts {
  hashes: Uint32Array;
  counts: Float32Array;
  /** {@link FEATURE_LOCAL} and {@link FEATURE_ANCHOR} bits of each feature. */
  flags: Uint8Array;
}

// One token's features as [hash, weight, flags] triples, flattened; memoised like wordFeatures.
const hashedMemo = new Map<string, Float64Array>();

function hashedToken(surface: string): Float64Array {
  const hit = hashedMemo.get(surface);
  if (hit) return hit;
  // Not kept in the features memo too: the index reads every token of a corpus, and one memo
  // of each distinct token is enough.
  const features = tokenFeatures(surface, false);
  const out = new Float64Array(features.length * 3);
  features.forEach(([k, w], i) => {
    out[i * 3] = fnv1a(k);
    out[i * 3 + 1] = w;
    out[i * 3 + 2] =
      (k.startsWith('r:') ? FEATURE_LOCAL : 0) |
      (k.startsWith('w:') || k.startsWith('r:') ? 0 : FEATURE_ANCHOR);
  });
  if (hashedMemo.size > 500_000) hashedMemo.clear();
  hashedMemo.set(surface, out);
  return out;
}

/**
 * {@link conceptBag} of a whole text (no language given) with each feature as its FNV-1a hash,
 * sorted by hash: what the reuse index keeps of a document. Per distinct token the features and
 * their hashes are computed once, so a large corpus makes no string per feature.
 */
export function conceptHashes(text: string): HashedConcepts {
  // Each feature occurrence as one number, hash × 2^21 + its slot (exact in a double): a
  // native numeric sort then groups equal hashes, with no map per document.
  let keys = new Float64Array(256);
  let weights = new Float64Array(256);
  let kinds = new Uint8Array(256);
  let n = 0;
  TOKEN_AT.lastIndex = 0;
  for (let m = TOKEN_AT.exec(text); m !== null; m = TOKEN_AT.exec(text)) {
    const f = hashedToken(m[0]);
    for (let k = 0; k < f.length; k += 3) {
      if (n === keys.length) {
        keys = grow(keys);
        weights = grow(weights);
        kinds = grow(kinds);
      }
      keys[n] = f[k]! * SLOTS + n;
      weights[n] = f[k + 1]!;
      kinds[n] = f[k + 2]!;
      n++;
    }
  }
  if (n >= SLOTS) return hashBagOf(conceptBag(text));
  const sorted = keys.subarray(0, n).sort();
  const hashes = new Uint32Array(n);
  const counts = new Float32Array(n);
  const flags = new Uint8Array(n);
  let out = -1;
  let last = -1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const key = sorted[k]!;
    const h = Math.floor(key / SLOTS);
    const slot = key - h * SLOTS;
    if (h !== last) {
      if (out >= 0) counts[out] = sum;
      out++;
      hashes[out] = h;
      flags[out] = kinds[slot]!;
      sum = 0;
      last = h;
    }
    sum += weights[slot]!;
  }
  if (out >= 0) counts[out] = sum;
  return {
    hashes: hashes.slice(0, out + 1),
    counts: counts.slice(0, out + 1),
    flags: flags.slice(0, out + 1),
  };
}

const SLOTS = 2 ** 21;
const TOKEN_AT = new RegExp(TOKEN.source, 'gu');

function grow<T extends Float64Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** A concept bag by its features' hashes (the slow way, for texts of over two million features). */
export function hashBagOf(bag: ConceptBag): HashedConcepts {
  const items = [...bag].map(([k, c]) => ({ c, h: fnv1a(k), k })).sort((x, y) => x.h - y.h);
  return {
    hashes: Uint32Array.from(items, (x) => x.h),
    counts: Float32Array.from(items, (x) => x.c),
    flags: Uint8Array.from(items, ({ k }) => featureKind(k)),
  };
}

const featureKind = (k: string): number =>
  (k.startsWith('r:') ? FEATURE_LOCAL : 0) | (k.startsWith('w:') || k.startsWith('r:') ? 0 : FEATURE_ANCHOR);
