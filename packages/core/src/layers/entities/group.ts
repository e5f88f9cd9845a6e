import type { Candidate } from './candidates.js';
import type { EntityType, Gazetteer } from './gazetteer.js';
import { joinKeys } from './gazetteer.js';
import { isCyrillic, stemRu, tokenKey } from './keys.js';
import {
  isNominativeName,
  type NameLexicon,
  nominativeNameRu,
  nominativePluralRu,
  nominativeRu,
} from './nominative.js';

/**
 * A looser key of a Cyrillic word for grouping: lower-cased (an all-capitals headline word keeps
 * its case in its key), stemmed once more and less a final vowel, `й` or `ь`, so the stems the
 * light stemmer gives two forms of one word meet (`Дмитрий` → `дмитр`, `Дмитрием` → `дмитри`;
 * `ГРУЗИЮ`, `Грузия`). Other words keep their key.
 */
function looseKey(k: string): string {
  if (!isCyrillic(k)) return k;
  const s = stemRu(k.toLowerCase().replace(/ё/g, 'е'));
  return s.length >= 4 && /[аеёиоуыэюяйь]$/.test(s) ? s.slice(0, -1) : s;
}

const allCaps = (text: string, cs: readonly Candidate[]) =>
  cs.every((c) => !/\p{Ll}/u.test(text.slice(c.start, c.end)));

/** One occurrence of an entity: a half-open span and its surface text. */
export interface Mention {
  start: number;
  end: number;
  text?: string;
  /**
   * The type this occurrence was recognised with. Usually the entity's type; it may differ where
   * context shifts it (`Trump` the person, `Trump Tower` the place's name part, `the White House`
   * as a place or as an organisation).
   */
  type?: EntityType;
}

/**
 * An entity of the document: its mentions grouped under one identity. Entities linked to the
 * gazetteer carry its id in both `id` and `gazetteer` (`kyiv`), so they join across documents
 * and languages; others get a document-local id (`e1`, `e2`, …).
 */
export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the gazetteer's, else the fullest mention (the shortest of the fullest). */
  name: string;
  /** Other surfaces used in this document. */
  aliases: string[];
  mentions: Mention[];
  /** Gazetteer id when linked. */
  gazetteer?: string;
  /** Gazetteer kind (`capital`, `front-line`, `outlet`, …) when linked. */
  kind?: string;
  /**
   * Descriptions that refer to the entity (`the Ukrainian president`), resolved through the
   * gazetteer's roles when the entity is also named. Kept apart from `mentions`, which follow
   * CoNLL (names only) and never overlap; a reference may contain another entity's mention
   * (`Ukrainian`).
   */
  references?: Mention[];
}

const ARTICLES = new Set(['the', 'The', 'THE']);

/** Keys of a candidate without a leading article (`the Kremlin` → `Kremlin`). */
export function candidateKeys(keys: readonly string[], c: Candidate): string[] {
  const ks = keys.slice(c.i, c.j);
  return ks.length > 1 && ARTICLES.has(ks[0]!) ? ks.slice(1) : ks;
}

/**
 * Groups candidates into entities: by gazetteer id when linked, else by normalised form; then a short person mention (`Henrot`) joins the one person whose full name ends or
 * starts with it (`Pierre Henrot`, `Emmanuel` → the gazetteer's `Emmanuel Macron` named `Macron`); a surname tagged with another type joins the one gazetteer
 * person it ends, and Cyrillic names join by a looser stem (see {@link looseKey}).
 */
export function groupEntities(
  text: string,
  keys: readonly string[],
  cands: readonly Candidate[],
  gaz: Gazetteer,
  lex?: () => NameLexicon | undefined,
): Entity[] {
  interface G {
    key: string;
    type: EntityType;
    gid?: string;
    keys: string[];
    cands: Candidate[];
  }
  const groups = new Map<string, G>();
  for (const c of cands) {
    const ks = candidateKeys(keys, c);
    const gid = c.form?.entry.id;
    const key = gid ? `g:${gid}` : `k:${joinKeys(ks)}`;
    const g = groups.get(key) ?? { key, type: c.type, gid, keys: ks, cands: [] };
    if (ks.length > g.keys.length) g.keys = ks;
    g.cands.push(c);
    groups.set(key, g);
  }
  // An unlinked name tagged with different types takes the type it has most often.
  for (const g of groups.values()) {
    if (g.gid || g.cands.length < 2) continue;
    const votes = new Map<EntityType, number>();
    for (const c of g.cands) votes.set(c.type, (votes.get(c.type) ?? 0) + 1);
    g.type = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
  // Unlinked Cyrillic names whose forms the light stemmer keyed apart join by a looser key, when
  // they have one type or one of them is written in capitals (a headline's `ЖЕНЕВА`).
  const byLoose = new Map<string, G>();
  for (const g of [...groups.values()]) {
    if (g.gid || !g.keys.some(isCyrillic)) continue;
    const lk = g.keys.map(looseKey).join(' ');
    const h = byLoose.get(lk);
    if (!h) {
      byLoose.set(lk, g);
      continue;
    }
    if (h.type !== g.type && !allCaps(text, g.cands) && !allCaps(text, h.cands)) continue;
    if (g.cands.length > h.cands.length) h.type = g.type;
    h.cands.push(...g.cands);
    groups.delete(g.key);
  }
  // A headline's capitals (`ВСТРЕЧА В ЖЕНЕВЕ`) that the gazetteer did not link join the one linked
  // entity with a mention of that loose key (`Женеву`, `Женеве` → Geneva).
  const linkedLoose = new Map<string, Set<G>>();
  for (const g of groups.values()) {
    if (!g.gid) continue;
    for (const c of g.cands) {
      const lk = candidateKeys(keys, c).map(looseKey).join(' ');
      const set = linkedLoose.get(lk) ?? new Set<G>();
      set.add(g);
      linkedLoose.set(lk, set);
    }
  }
  if (linkedLoose.size)
    for (const g of [...groups.values()]) {
      if (g.gid || !g.keys.some(isCyrillic) || !allCaps(text, g.cands)) continue;
      const hosts = linkedLoose.get(g.keys.map(looseKey).join(' '));
      if (hosts?.size !== 1) continue;
      [...hosts][0]!.cands.push(...g.cands);
      groups.delete(g.key);
    }
  // Persons of two or more words by their last and by their first key, in group order: one
  // look-up a one-word name, not a scan of every person (quadratic in a book's names).
  const endsWith = new Map<string, G[]>();
  const startsWith = new Map<string, G[]>();
  for (const h of groups.values())
    if (h.type === 'PER' && h.keys.length > 1) {
      listAt(endsWith, h.keys[h.keys.length - 1]!).push(h);
      listAt(startsWith, h.keys[0]!).push(h);
    } else if (h.gid && h.type === 'PER') {
      // A gazetteer person named here by the surname alone (`Macron`) opens with the first word
      // of its full name, so that `Emmanuel` (in `President (of France Emmanuel) Macron`) joins it.
      const first = gaz.entries.get(h.gid)?.name.split(' ');
      if (first && first.length > 1 && tokenKey(first[0]!) !== h.keys[0])
        listAt(startsWith, tokenKey(first[0]!)).push(h);
    }
  // Rule-found singletons have guessed types, so they may join a person too; tagged ones keep theirs.
  const short = [...groups.values()].filter(
    (g) => g.type === 'PER' || g.cands.every((c) => c.rule === 'caps'),
  );
  for (const g of short) {
    if (g.gid || g.keys.length > 1) continue;
    const k = g.keys[0]!;
    // A surname's full name first (`Obama` → `Barack Obama`): a name it only opens (`Obama
    // Administration`, `Cruz Control`) is a host only when no name ends with it.
    const hosts = endsWith.get(k) ?? startsWith.get(k) ?? [];
    const target = new Set(hosts.map((h) => h.gid ?? h.key));
    if (target.size !== 1) continue;
    for (const c of g.cands) c.type = 'PER';
    hosts[0]!.cands.push(...g.cands);
    groups.delete(g.key);
  }
  // A surname the tagger typed otherwise in places (`Trump` as LOC in `Trump’s favor`) joins the
  // one gazetteer person it ends; its mentions keep their types (the tagger's, which the NER
  // scores count), the entity gets them all, so `Trump` is not listed beside `Donald Trump`.
  const linked = new Map<string, G[]>();
  for (const h of groups.values())
    if (h.gid && h.type === 'PER' && h.keys.length > 1) listAt(linked, h.keys[h.keys.length - 1]!).push(h);
  for (const g of [...groups.values()]) {
    if (g.gid || g.keys.length > 1 || g.type === 'PER') continue;
    const hosts = linked.get(g.keys[0]!);
    if (hosts?.length !== 1) continue;
    hosts[0]!.cands.push(...g.cands);
    groups.delete(g.key);
  }
  const out: Entity[] = [];
  let n = 0;
  // Groups in order of their first mention (a stable sort on precomputed starts).
  const ordered = [...groups.values()].map((g) => ({ g, first: firstStart(g.cands) }));
  ordered.sort((a, b) => a.first - b.first);
  for (const { g } of ordered) {
    g.cands.sort((a, b) => a.start - b.start);
    const mentions = g.cands.map((c) => ({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
    }));
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    const entry = g.gid ? gaz.entries.get(g.gid) : undefined;
    // The fullest mention, and of those the shortest: a Russian name's nominative (`Никол
    // Пашинян`, not the genitive `Никола Пашиняна` that came first).
    // A Russian headline's capitals (`ЖЕНЕВЕ`) name the entity only when no other mention does
    // (Latin capitals may be the name: `NATO` beside `Nato`).
    const cased = g.keys.some(isCyrillic) ? g.cands.filter((c) => !allCaps(text, [c])) : [];
    const fullest = (cased.length && cased.length < g.cands.length ? cased : g.cands).reduce((a, b) =>
      b.j - b.i > a.j - a.i || (b.j - b.i === a.j - a.i && b.end - b.start < a.end - a.start) ? b : a,
    );
    let name = entry?.name ?? fullest.nominative ?? text.slice(fullest.start, fullest.end);
    // The lexicon is read at the first name that needs it (a lazily parsed model). A person's
    // name of two or three words, every one in the same oblique case (`Дмитрием Спиваком`).
    if (
      !entry &&
      !fullest.nominative &&
      lex &&
      isCyrillic(name) &&
      (g.keys.length === 1 || (g.type === 'PER' && g.keys.length > 1) || QUOTED_WORD.test(name))
    ) {
      const l = lex();
      // `«Искандерами»` → `«Искандер»`, `«Кинжалами»` → `«Кинжал»`: a quoted word named as a
      // one-word name (a common noun's reading counts: the marks make it a name), in its marks.
      const quoted = QUOTED_WORD.exec(name);
      // An organisation in a plural case is named in the plural (`«Вестями»` → `«Вести»`).
      const plural = l && quoted && g.type === 'ORG' ? nominativePluralRu(quoted[2]!, l) : undefined;
      if (l && quoted)
        name = quoted[1]! + (plural ?? nominativeName(quoted[2]!, counts, l, true)) + quoted[3]!;
      else if (l)
        name = g.keys.length === 1 ? nominativeName(name, counts, l) : (nominativeNameRu(name, l) ?? name);
    }
    const aliases = [...counts.entries()]
      .filter(([s]) => s !== name)
      .sort((a, b) => b[1] - a[1])
      .map(([s]) => s);
    const e: Entity = { id: entry?.id ?? `e${++n}`, type: entry?.type ?? g.type, name, aliases, mentions };
    if (entry) {
      e.gazetteer = entry.id;
      if (entry.kind) e.kind = entry.kind;
    }
    out.push(e);
  }
  return out;
}

/**
 * The nominative of a one-word Russian name (see {@link nominativeRu}): a mention in the
 * nominative when the article has one (`Европа` beside `Европы`), else the lexicon's.
 */
function nominativeName(
  name: string,
  counts: ReadonlyMap<string, number>,
  lex: NameLexicon,
  common = false,
): string {
  if (/[\s-]/.test(name) || lex.isHeadword(lower(name))) return name;
  // A headline's capitals name it only when the name is in capitals too.
  const caps = !/\p{Ll}/u.test(name);
  for (const s of counts.keys())
    if (!/[\s-]/.test(s) && (caps || /\p{Ll}/u.test(s)) && isNominativeName(lower(s), lex)) return s;
  return nominativeRu(name, lex, common) ?? name;
}

/** The list at `key`, made empty when absent. */
function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let at = map.get(key);
  if (!at) {
    at = [];
    map.set(key, at);
  }
  return at;
}

/** A quoted one-word name (`«Искандерами»`): the marks and the word. */
const QUOTED_WORD = /^([«"„“])(\p{Lu}\p{Ll}+)([»"“”])$/u;

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

const firstStart = (cs: readonly Candidate[]) => cs.reduce((m, c) => Math.min(m, c.start), Infinity);
