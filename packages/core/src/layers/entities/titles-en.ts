import type { Token } from '../../schema.js';
import type { Candidate } from './candidates.js';
import type { EntityType, Gazetteer } from './gazetteer.js';
import type { NerInput } from './ner-features.js';
import rulesEn from './rules.en.json' with { type: 'json' };

/** Offices, ranks and religious titles (`President`, `Prof`, `Rev`): `rules.en.json`. */
const TITLES = new Set(rulesEn.personTitles);
/** Occupations (`Economist`, `spokesman`); also the endings in {@link OCCUPATION}. */
const OCCUPATIONS = new Set(rulesEn.occupations);
/** Words that may precede a title inside it (`Prime Minister`, `Defense Secretary`). */
const MODIFIERS = new Set(rulesEn.titleModifiers);
/** `Mr`, `Ms`, `Dr`: they make a name a person's, and the tagger keeps them in it (as its silver data does). */
const HONORIFICS = new Set(rulesEn.honorifics);
/** Ranks and titles that also open other names (`General Motors`, `Captain America`): only trimmed. */
const RANKS = new Set(rulesEn.ranks);
const DETERMINERS = new Set(['a', 'an', 'the', 'A', 'An', 'The', 'this', 'that', 'This', 'That']);
/** Occupations by their ending: `hydrologist`, `economist`, `politician`, `statistician`. */
const OCCUPATION =
  /\p{Ll}(?:olog|onom)ist$|(?:polit|phys|statist|mathemat|techn|electr|mus|clin|academ|beaut|pediatr|paediatr|obstetr|opt)ician$/u;
/** Words of a firm's name, beside the byline rule's organisation words: `Physicians Insurance Co`. */
const ORG_WORDS = new Set([
  ...rulesEn.organisationWords,
  'Co',
  'Cos',
  'Plc',
  'Bros',
  'Holdings',
  'Insurance',
  'Partners',
  'Airlines',
]);
/** Head words that end an institution's name (`Obama Administration`): `rules.en.json` `institutionHeads`. */
const INSTITUTION_HEADS = new Set(rulesEn.institutionHeads);
/** A word of a personal name: `Holm`, `O'Connell`, `Rauseo-Ricupero`, `J`, `Errázuriz`. */
const NAME_PART = /^\p{Lu}(?:[\p{Ll}'’]*\p{Ll}(?:-\p{Lu}?\p{Ll}+)*)?$/u;
const STOP = 46;

/**
 * What a word says of the name after it: `occupation` (`Hydrologist`, `spokesman`), `title` (an
 * office, rank or religious title: `Senator`, `Prof`), or undefined. Both stand only before people.
 */
export function titleKind(word: string): 'occupation' | 'title' | undefined {
  const l = word.toLowerCase();
  if (OCCUPATIONS.has(l) || OCCUPATION.test(l)) return 'occupation';
  return TITLES.has(l) ? 'title' : undefined;
}

const isHonorific = (w: string): boolean => HONORIFICS.has(w.toLowerCase());

const gapIsSpace = (text: string, tokens: readonly Token[], k: number): boolean => {
  for (let c = tokens[k - 1]!.end; c < tokens[k]!.start; c++) {
    const ch = text.charCodeAt(c);
    if (ch !== 32 && ch !== 9 && ch !== 0xa0) return false;
  }
  return true;
};

/**
 * The titles opening tokens `[i, j)` (`Prime Minister Rishi Sunak`, `Gen. Jane Roe`): the first
 * token after them and whether they are all occupations, or undefined when none opens the span or
 * no name word follows. A modifier counts only before a title (`Foreign Minister`).
 */
function leadingTitles(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  j: number,
): { k: number; occupations: boolean } | undefined {
  let k = i;
  let end = i;
  let occupations = true;
  while (k < j - 1) {
    const w = words[k]!;
    if (tokens[k]!.kind !== 'word') break;
    const t = titleKind(w);
    if (!t && !MODIFIERS.has(w.toLowerCase())) break;
    k++;
    if (!t) continue;
    // `Gen.`, `Sen.`, `Prof.`: the tokenizer splits the full stop off.
    if (text.charCodeAt(tokens[k]!.start) === STOP && tokens[k]!.end - tokens[k]!.start === 1) k++;
    if (t === 'title') occupations = false;
    end = k;
  }
  if (end === i || end >= j || !NAME_PART.test(words[end]!)) return undefined;
  return { k: end, occupations };
}

/**
 * Tokens `[i, j)` read as a personal name: one to four name words, none of them written in lower
 * case elsewhere in the document, an organisation word or part of a gazetteer name other than a
 * person's; a single word only when it is a known first name.
 */
function personal(
  words: readonly string[],
  p: NerInput,
  gazTags: readonly (string | undefined)[],
  i: number,
  j: number,
): boolean {
  const n = j - i;
  if (n < 1 || n > 4 || (n === 1 && !p.first[i])) return false;
  for (let k = i; k < j; k++) {
    const w = words[k]!;
    const g = gazTags[k];
    if (!NAME_PART.test(w) || p.lowerSeen[k] || ORG_WORDS.has(w) || (g && !g.endsWith('PER'))) return false;
  }
  return true;
}

/**
 * Person rules over the tagger's English names, for what a reader sees wrong at once:
 * - a person's name that ends in an institution's head word (`Obama Administration`, `Clinton
 *   Foundation`) is the institution's (ORG);
 * - an occupation is not part of a person's name (CoNLL's convention): `Hydrologist Lea Holm` →
 *   `Lea Holm`; a name the tagger typed otherwise becomes a person when an occupation or an office
 *   opens it (then left out) or stands right before it (`hydrologist [Lea Holm]ORG`, `[Prof Michel
 *   Chossudovsky]ORG`);
 * - a place followed by a first name is two names (`France Emmanuel` in `(of France Emmanuel)
 *   Macron`, a headline's `Germany Olaf Scholz`): the place and a person;
 * - a single word typed MISC that is the surname of a person of the gazetteer is that person's
 *   name (`Macron`), unless a determiner stands before it (`a Trump presidency`).
 * Honorifics (`Mr.`, `Dr`) stay in a name, as the tagger learned them from its silver data; they
 * make it a person's like the titles do.
 */
export function personRules(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  cands: readonly Candidate[],
  p: NerInput,
  gazTags: readonly (string | undefined)[],
  surnames?: ReadonlySet<string>,
): Candidate[] {
  const out: Candidate[] = [];
  const as = (c: Candidate, i: number, j: number, type: EntityType): Candidate => ({
    ...c,
    i,
    j,
    type,
    start: tokens[i]!.start,
    end: tokens[j - 1]!.end,
  });
  // A name typed MISC (an event, a product: `Singer World Series`) becomes a person's only from
  // a first name on.
  const person = (c: Candidate, i: number, j: number) =>
    personal(words, p, gazTags, i, j) && (c.type !== 'MISC' || p.first[i] === 1);
  for (const c of cands) {
    if (c.type !== 'PER' && c.j - c.i >= 2 && isHonorific(words[c.i]!)) {
      let k = c.i + 1;
      if (text.charCodeAt(tokens[k]!.start) === STOP && k + 1 < c.j) k++;
      if (person(c, k, c.j)) {
        out.push(as(c, c.i, c.j, 'PER'));
        continue;
      }
    }
    // Titles out of the name, as in CoNLL; the tagger's own people keep their offices (`Mayor Bill
    // de Blasio`, as in its silver data) and lose occupations, which a sentence start capitalises.
    const lead = c.j - c.i >= 2 ? leadingTitles(text, tokens, words, c.i, c.j) : undefined;
    if (lead && (c.type === 'PER' ? lead.occupations : person(c, lead.k, c.j))) {
      out.push(as(c, lead.k, c.j, 'PER'));
      continue;
    }
    if (c.type === 'PER') {
      // `Obama Administration`, `Clinton Foundation`: a name ending in an institution's head word
      // is the institution's.
      out.push(c.j - c.i >= 2 && INSTITUTION_HEADS.has(words[c.j - 1]!) ? as(c, c.i, c.j, 'ORG') : c);
      continue;
    }
    // A title right before the name, in any case: `hydrologist Lea Holm`, `Prof Michel …`.
    let b = c.i - 1;
    if (b > 0 && words[b] === '.' && gapIsSpace(text, tokens, c.i)) b--;
    if (
      b >= 0 &&
      tokens[b]!.kind === 'word' &&
      (titleKind(words[b]!) || isHonorific(words[b]!)) &&
      gapIsSpace(text, tokens, b + 1) &&
      person(c, c.i, c.j)
    ) {
      out.push(as(c, c.i, c.j, 'PER'));
      continue;
    }
    // A place, then a first name: `France Emmanuel`.
    if (gazTags[c.i] === 'B-LOC') {
      let k = c.i + 1;
      while (k < c.j && gazTags[k] === 'I-LOC') k++;
      if (k < c.j && p.first[k] && personal(words, p, gazTags, k, c.j)) {
        out.push(as(c, c.i, k, 'LOC'), as(c, k, c.j, 'PER'));
        continue;
      }
    }
    // Not after a determiner: `a Trump presidency` is a modifier (MISC in the silver data).
    if (
      c.type === 'MISC' &&
      c.j - c.i === 1 &&
      surnames?.has(words[c.i]!) &&
      !(c.i > 0 && DETERMINERS.has(words[c.i - 1]!))
    ) {
      out.push(as(c, c.i, c.j, 'PER'));
      continue;
    }
    out.push(c);
  }
  return trimTitlesBefore(text, tokens, words, out);
}

/**
 * A name of another type right before a person loses the title words at its end (`[White House
 * Press Secretary] [Karine Jean-Pierre]` → `White House`, `[Rank Captain] [Anton Kuprin]`); one of
 * title words alone goes (`[Captain] [Anton Kuprin]`).
 */
function trimTitlesBefore(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  cands: Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  for (let n = 0; n < cands.length; n++) {
    const c = cands[n]!;
    const next = cands[n + 1];
    if (c.type === 'PER' || next?.type !== 'PER' || next.i !== c.j || !gapIsSpace(text, tokens, c.j)) {
      out.push(c);
      continue;
    }
    let j = c.j;
    while (j > c.i && isTitleWord(words[j - 1]!)) j--;
    // `Minister of Finance Bill Birch`: CoNLL tags the office's department (`Finance`).
    if ((j > c.i && /^\p{Ll}/u.test(words[j - 1]!)) || (c.i > 0 && /^(?:of|for)$/.test(words[c.i - 1]!)))
      j = c.j;
    if (j === c.j) out.push(c);
    else if (j > c.i && tokens[j - 1]!.kind === 'word') out.push({ ...c, j, end: tokens[j - 1]!.end });
  }
  return out;
}

/** A word that may end a title phrase (`Secretary`, `Press Secretary`, `Captain`). */
const isTitleWord = (w: string): boolean => {
  const l = w.toLowerCase();
  return titleKind(w) !== undefined || MODIFIERS.has(l) || RANKS.has(l) || HONORIFICS.has(l);
};

const SURNAMES = new WeakMap<Gazetteer, Set<string>>();

/** Last words of the gazetteer's English person names (`Macron`, `Zelenskyy`), once per gazetteer. */
export function gazetteerSurnames(gaz: Gazetteer): Set<string> {
  let s = SURNAMES.get(gaz);
  if (s) return s;
  s = new Set();
  for (const e of gaz.entries.values()) {
    if (e.type !== 'PER') continue;
    for (const f of e.forms)
      if (f.lang === 'en' && f.form.includes(' ')) s.add(f.form.slice(f.form.lastIndexOf(' ') + 1));
  }
  SURNAMES.set(gaz, s);
  return s;
}
