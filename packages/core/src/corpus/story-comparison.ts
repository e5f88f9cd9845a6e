import { stemRu } from '../layers/entities/keys.js';
import { lexiconFor } from '../layers/quotes/lexicon.js';
import type { SourceSummary, SpeakerType } from '../layers/quotes/types.js';
import { type CapitalCount, capitalsInside, conceptBag, namelike } from './concepts.js';
import type { ReuseDocument } from './reuse-types.js';
import stopEn from './stopwords.en.json' with { type: 'json' };
import stopRu from './stopwords.ru.json' with { type: 'json' };
import { conceptVector, cosine, type DocFrequencies } from './vectors.js';
import { paragraphTechniques, textView } from './views.js';

/** A claim made in the story, and which members include or omit it. */
export interface StoryClaim {
  /** The claim as the first member that makes it words it. */
  text: string;
  member: string;
  includedBy: string[];
  omittedBy: string[];
}

/** A speaker of the story: one person or body however each member names it, and who quotes it. */
export interface StorySpeaker {
  /** The fullest name the members give (`Christine Blasey Ford` for `Ford`, `Ms. Ford`). */
  name: string;
  /** The type the members give it most (by attributions). */
  type: SpeakerType;
  /** The members that quote it, in story order. */
  members: string[];
  /** Attributions to it over all members. */
  attributions: number;
}

/**
 * Side by side, member by member (keyed by document id): the sources each quotes, the contested
 * names it uses (form and provenance), its techniques and frames; and the story's claims with
 * who includes and who omits each. Lists are empty for members analysed without those layers.
 */
export interface StoryComparison {
  /** The speakers each member quotes, by their {@link StorySpeaker} names, most attributions first. */
  sources: Record<string, string[]>;
  /**
   * The story's speakers, those most members quote first (then most attributions). Always
   * written; absent from stories a store saved before it was (session 15).
   */
  speakers?: StorySpeaker[];
  names: Record<string, { entity: string; form: string; provenance: string }[]>;
  techniques: Record<string, string[]>;
  frames: Record<string, string[]>;
  claims: StoryClaim[];
}

const CLAIMS_PER_MEMBER = 6;

/**
 * What {@link storyComparison} reads of a member, and nothing else: its text (claims are cut
 * from it, labels read the first members'), metadata, language, its `CLAIMS_PER_MEMBER`
 * highest-scoring claims, its sources and naming, the techniques of its paragraphs (no spans)
 * and its selected frames. A story index keeps this instead of the whole document, so that a
 * corpus of analysed documents can be grouped without holding every layer of every document.
 */
export function comparisonView(doc: ReuseDocument): ReuseDocument {
  const view = textView(doc);
  if (doc.claims) view.claims = topClaims(doc.claims);
  if (doc.sources) view.sources = doc.sources;
  if (doc.naming) view.naming = doc.naming;
  if (doc.techniques) view.techniques = paragraphTechniques(doc.techniques);
  if (doc.frames) view.frames = doc.frames.filter((f) => f.selected);
  return view;
}

/** A member's claims the comparison groups: the highest-scoring first (a stable sort). */
function topClaims<C extends { score: number }>(claims: readonly C[]): C[] {
  return [...claims].sort((a, b) => b.score - a.score).slice(0, CLAIMS_PER_MEMBER);
}

/** Groups the members' claims across the story (concept cosine ≥ 0.35) and compares the members. */
export function storyComparison(docs: readonly ReuseDocument[], df: DocFrequencies): StoryComparison {
  const ids = docs.map((d) => d.id);
  const per = <T>(f: (d: ReuseDocument) => T[]) => Object.fromEntries(docs.map((d) => [d.id, f(d)]));
  const groups: {
    text: string;
    member: string;
    vector: Map<string, number>;
    lang?: string;
    by: Set<string>;
  }[] = [];
  for (const d of docs) {
    const lang = d.language?.code ?? d.meta?.lang;
    const claims = topClaims(d.claims ?? []);
    for (const c of claims) {
      const text = d.text.slice(c.start, c.end);
      let best: (typeof groups)[number] | undefined;
      let bestSim = 0.35;
      for (const g of groups) {
        const cross = g.lang !== lang;
        const sim = cosine(
          conceptVector(conceptBag(text, undefined, lang), df, cross),
          cross ? conceptVector(conceptBag(g.text, undefined, g.lang), df, true) : g.vector,
        );
        if (sim >= bestSim) {
          best = g;
          bestSim = sim;
        }
      }
      if (best) best.by.add(d.id);
      else
        groups.push({
          text,
          member: d.id,
          vector: conceptVector(conceptBag(text, undefined, lang), df),
          lang,
          by: new Set([d.id]),
        });
    }
  }
  const { speakers, byMember } = storySpeakers(docs);
  return {
    sources: Object.fromEntries(ids.map((id) => [id, byMember.get(id) ?? []])),
    speakers,
    names: per((d) =>
      (d.naming?.entities ?? []).flatMap((e) =>
        e.variants.map((v) => ({ entity: e.entity, form: v.form, provenance: v.provenance })),
      ),
    ),
    techniques: per((d) =>
      [
        ...new Set((d.techniques?.paragraphs ?? []).flatMap((p) => p.techniques.map((t) => t.technique))),
      ].sort(),
    ),
    frames: per((d) => (d.frames ?? []).filter((f) => f.selected).map((f) => f.frame)),
    claims: groups.map((g) => ({
      text: g.text.length > 200 ? `${g.text.slice(0, 199)}…` : g.text,
      member: g.member,
      includedBy: ids.filter((id) => g.by.has(id)),
      omittedBy: ids.filter((id) => !g.by.has(id)),
    })),
  };
}

/** Function words (`Yet`, `Like`, `Does` before a name where a sentence or headline starts it). */
const STOP = new Set([...stopEn.words, ...stopRu.words]);

/** Words a name may hold in lower case: particles (`bin`, `van`, `de`). */
const PARTICLES = new Set('al bin ibn de del der den di da dos du la le van von ter'.split(' '));
/** Connectors of an organisation's name (`Bank of England`, `The Wall Street Journal`). */
const CONNECTORS = new Set('of the and for on in at de la des du'.split(' '));

const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');
const capitalised = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) || /\p{Lu}/u.test(w.slice(1));
/**
 * A name's words without a possessive (`Kavanaugh’s` → `Kavanaugh`) or edge punctuation, words
 * in capitals of three letters or more as names are written (`SMITH` → `Smith`; not `FBI` in a
 * body's name: `keepCaps`).
 */
function wordsOf(name: string, keepCaps = false): string[] {
  return name
    .replace(/['’]s$/u, '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter(Boolean)
    .map((w) => (!keepCaps && w.length >= 3 && /^\p{Lu}+$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w));
}

/** Whether a member writes a word in lower case inside sentences (`Kept`, `Outgoing`, `Yet`): no word of a name. */
type LowerInside = (word: string) => boolean;

/**
 * A person's name as a story lists it, or undefined when the source is no name: the run of
 * capitalised words it ends with (particles allowed), without titles and roles before it
 * (`Senator`, `Ms.`, `former U.S. Attorney`), without words the member writes in lower case at
 * either end (a headline's `Trump Kept`, `Outgoing Flake`), and at most its last two words when
 * more than three are left (`Senate Majority Whip John Cornyn` → `John Cornyn`).
 */
function personName(name: string, lang: string | undefined, lower: LowerInside): string | undefined {
  const lex = lexiconFor(lang === 'ru' ? 'ru' : 'en');
  const words = wordsOf(name);
  let start = words.length;
  while (start > 0) {
    const w = words[start - 1]!;
    if (capitalised(w) || (PARTICLES.has(w) && start < words.length)) start--;
    else break;
  }
  let run = words.slice(start);
  const drop = (w: string) =>
    lex.titles.has(w) || lex.roles.has(fold(w)) || PARTICLES.has(w) || STOP.has(fold(w)) || lower(w);
  while (run.length > 0 && drop(run[0]!)) run = run.slice(1);
  while (run.length > 0 && lower(run[run.length - 1]!)) run = run.slice(0, -1);
  if (run.length > 3) run = run.slice(-2);
  return run.length ? run.join(' ') : undefined;
}

/**
 * An organisation's name as a story lists it (every word capitalised but connectors, the first
 * no word the member writes in lower case), else undefined.
 */
function bodyName(name: string, lower: LowerInside): string | undefined {
  const words = wordsOf(name, true);
  const rest = words.length > 1 && fold(words[0]!) === 'the' ? words.slice(1) : words;
  if (
    !rest.length ||
    lower(rest[0]!) ||
    STOP.has(fold(rest[0]!)) ||
    !rest.every((w) => capitalised(w) || CONNECTORS.has(w))
  )
    return undefined;
  return rest.join(' ');
}

/** The name a story gives all its anonymous sources together. */
const UNNAMED = 'unnamed sources';

/** A source's name as the story lists it, or undefined when it is no speaker's name. */
function speakerName(s: SourceSummary, lang: string | undefined, lower: LowerInside): string | undefined {
  switch (s.type) {
    case 'anonymous':
      return UNNAMED;
    case 'person':
      return personName(s.name, lang, lower);
    case 'organization':
    case 'government':
    case 'media':
      return bodyName(s.name, lower);
    default:
      return undefined;
  }
}

/**
 * The gender a Russian surname's ending shows, kept in its key so that `Навальная` and
 * `Навальный`, or `Мария Захарова` and `Захаров`, stay two people while the case forms of one
 * gender merge: `f` for -ая/-ую/-ой/-ою (`Навальной`, `Захаровой`), `m` for -ый/-ий/-ого/-ому/-ым
 * and a bare -ов/-ев/-ин (`Захаров`), `?` for -ова/-ову/-ина/-ину (a woman's `Захарова` or the
 * genitive of `Захаров`: {@link resolveGender}), `''` for any other word.
 */
function genderRu(w: string): '' | 'f' | 'm' | '?' {
  if (/(?:ая|яя|ую|юю|ой|ою)$/u.test(w)) return 'f';
  if (/(?:ый|ий|ого|его|ому|ему|ым|им)$/u.test(w) || /(?:ов|ев|ин|ын)$/u.test(w)) return 'm';
  if (/(?:ов|ев|ин|ын)[ау]$/u.test(w)) return '?';
  return '';
}

/**
 * A name's key: folded, hyphens as spaces (`Dina Habib-Powell` is `Dina Habib Powell`), a
 * Cyrillic word by its stem (`Петра Порошенко` is `Петр Порошенко`), the last also by the gender
 * of its ending (`Навальной` is `Навальная`, not `Навальный`: {@link genderRu}).
 */
const keyOf = (name: string) => {
  const words = fold(name).replace(/-/g, ' ').split(' ');
  return words
    .map((w, i) => {
      if (!/[\u0400-\u04ff]/.test(w)) return w;
      const g = i === words.length - 1 && words.length > 0 ? genderRu(w) : '';
      return stemRu(w) + (g ? `~${g}` : '');
    })
    .join(' ');
};

/**
 * The key a name of unsure gender (key `…~?`) joins. A full name (`Дмитрия Пескова`) joins the
 * same name of one gender in the story (`Дмитрий Песков`); a surname alone (`Пескова`, "по
 * словам Пескова") takes the one gender that surname has anywhere in the story (`Сергей
 * Лавров` makes `Лаврова` masculine, so the genitive joins the full name). None when the story
 * has both genders or neither. A full name's own gender is not taken from the surname elsewhere:
 * `Мария Захарова` stays apart from a `Захаров`.
 */
function resolveGender(keys: readonly string[]): Map<string, string> {
  const all = new Set(keys);
  const genders = new Map<string, Set<string>>();
  for (const k of all) {
    const m = /(\S+)~([mf])$/u.exec(k);
    if (m) genders.set(m[1]!, (genders.get(m[1]!) ?? new Set()).add(m[2]!));
  }
  const out = new Map<string, string>();
  for (const k of all) {
    if (!k.endsWith('~?')) continue;
    const g = k.includes(' ')
      ? ['m', 'f'].filter((c) => all.has(`${k.slice(0, -1)}${c}`))
      : [...(genders.get(k.slice(0, -2)) ?? [])];
    if (g.length === 1) out.set(k, `${k.slice(0, -1)}${g[0]}`);
  }
  return out;
}

/**
 * The key each shorter person's name joins: the one longest name of the story with the same
 * last word and, for a name of two words or more, the same first (`Ford` and `Christine Ford`
 * into `Christine Blasey Ford`); none when two longest names fit (two Sanders).
 */
function longerNames(keys: readonly string[]): Map<string, string> {
  const byLast = new Map<string, string[][]>();
  for (const k of keys) {
    const w = k.split(' ');
    byLast.set(w[w.length - 1]!, [...(byLast.get(w[w.length - 1]!) ?? []), w]);
  }
  const fits = (w: readonly string[], l: readonly string[]) =>
    l.length > w.length && (w.length === 1 || l[0] === w[0]);
  const into = new Map<string, string>();
  for (const group of byLast.values())
    for (const w of group) {
      const longer = group.filter((l) => fits(w, l));
      const longest = longer.filter((l) => !longer.some((m) => fits(l, m)));
      if (longest.length === 1) into.set(w.join(' '), longest[0]!.join(' '));
    }
  return into;
}

/**
 * The story's speakers, merged across members by name — the name cut to the name itself
 * ({@link personName}, {@link bodyName}), a shorter form of a person's name merged into the one
 * longer name of the story it fits ({@link longerNames}), a one-word person kept only when the
 * member writes it with a capital inside sentences (a name, not `Hypocritically` where a sentence
 * starts) — and every anonymous source as one `unnamed sources`. Sources of type `unknown` and
 * `document`, and descriptions that are no name (`65 women`, `Using any despicable tactic`), are
 * left out: they were the fragments the story's lists showed (the sources layer's `name` of
 * every source, as found). Entity ids are not compared: each document numbers its own.
 */
export function storySpeakers(docs: readonly ReuseDocument[]): {
  speakers: StorySpeaker[];
  byMember: Map<string, string[]>;
} {
  interface Found {
    doc: string;
    key: string;
    name: string;
    type: SpeakerType;
    attributions: number;
  }
  const found: Found[] = [];
  for (const d of docs) {
    const lang = d.language?.code ?? d.meta?.lang;
    const capitals = d.sources?.sources.length ? capitalsInside([d.text]) : new Map<string, CapitalCount>();
    const count = (w: string) => capitals.get(w.toLowerCase());
    const lower: LowerInside = (w) => {
      const c = count(w);
      return c !== undefined && c.all > 0 && !namelike(c);
    };
    for (const s of d.sources?.sources ?? []) {
      const name = speakerName(s, lang, lower);
      if (!name) continue;
      if (s.type === 'person' && !name.includes(' ') && !namelike(count(name))) continue;
      const key = s.type === 'anonymous' ? UNNAMED : keyOf(name);
      found.push({ doc: d.id, key, name, type: s.type, attributions: s.attributions });
    }
  }
  const sure = resolveGender(found.map((f) => f.key));
  for (const f of found) f.key = sure.get(f.key) ?? f.key;
  const into = longerNames([...new Set(found.filter((f) => f.type === 'person').map((f) => f.key))]);
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    // A person and a body of one name are two speakers (`Bloomberg` the agency, `Michael
    // Bloomberg`); only a person's shorter name joins a longer one.
    const key =
      f.key === UNNAMED
        ? UNNAMED
        : f.type === 'person'
          ? `person:${into.get(f.key) ?? f.key}`
          : `body:${f.key}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = new Map(docs.map((d, i) => [d.id, i]));
  const byMember = new Map<string, Map<string, number>>(docs.map((d) => [d.id, new Map()]));
  const most = <K>(m: Map<K, number>, longest?: (k: K) => number): K =>
    [...m].sort(
      (a, b) =>
        (longest ? longest(b[0]) - longest(a[0]) : 0) ||
        b[1] - a[1] ||
        String(a[0]).localeCompare(String(b[0])),
    )[0]![0];
  const speakers: StorySpeaker[] = [...groups].map(([key, fs]) => {
    const names = new Map<string, number>();
    const types = new Map<SpeakerType, number>();
    for (const f of fs) {
      names.set(f.name, (names.get(f.name) ?? 0) + f.attributions);
      types.set(f.type, (types.get(f.type) ?? 0) + f.attributions);
    }
    // The fullest name, then the one given most; the type given most.
    const name = key === UNNAMED ? UNNAMED : most(names, (n) => n.split(/[ -]/).length);
    for (const f of fs) {
      const mine = byMember.get(f.doc)!;
      mine.set(name, (mine.get(name) ?? 0) + f.attributions);
    }
    return {
      name,
      type: most(types),
      members: [...new Set(fs.map((f) => f.doc))].sort((a, b) => order.get(a)! - order.get(b)!),
      attributions: fs.reduce((n, f) => n + f.attributions, 0),
    };
  });
  speakers.sort(
    (a, b) =>
      b.members.length - a.members.length || b.attributions - a.attributions || a.name.localeCompare(b.name),
  );
  const lists = new Map(
    [...byMember].map(([id, m]) => [
      id,
      [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([n]) => n),
    ]),
  );
  return { speakers, byMember: lists };
}
