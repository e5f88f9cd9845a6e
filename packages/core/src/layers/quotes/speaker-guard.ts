import type { Candidate } from './candidate.js';
import type { Lexicon } from './lexicon.js';
import { subjectAt } from './subject.js';
import { capitalName, isCap, type NpRange, type Tok } from './tok.js';

/** A year or a clock time written as one token (`2022`, `23:55`, `9.30`). */
const YEAR_OR_CLOCK = /^(?:(?:1[89]|20)\d{2}|\d{1,2}[:.]\d{2})$/;

/** A lower-case passive participle (`refuted`, `denied`, `written`). */
const PASSIVE = /^[a-z]{3,}(?:ed|en)$/;

/** A Russian third-person present verb (`демонстрирует`, `считает`, `имеют`; not `совет`, `ответ`). */
const PRESENT_RU = /^[а-яё]{3,}[аяеоу](?:ет|ют)$/;

/** Articles, which alone name no one (`many`, `those`, `another` do). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Bare words that stand for no speaker on their own (`There said`, `Here is`); pronouns are read elsewhere. */
const NO_ONE: ReadonlySet<string> = new Set(['there', 'here', 'тут', 'там', 'здесь']);

/** A determiner, possessive or number that can open a past verb's object (`ended his …`, `survived 5 …`). */
const OBJECT_START = /^(?:the|a|an|his|her|its|their|our|my|\d[\d,.]*)$/;

/** Whether the lower-case token at `k` is a past verb with its clause after it (see {@link speakerCore}). */
function clauseVerb(toks: readonly Tok[], s: number, k: number, w: Lexicon['words']): boolean {
  const t = toks[k]!;
  // `a man who spoke on condition of anonymity`: a relative clause belongs to the phrase.
  if (t.kind !== 'word' || isCap(t) || toks.slice(s, k).some((u) => w.relativeClause.has(u.lw))) return false;
  if (w.pastVerbs.has(t.lw)) return !ARTICLES.has(toks[k - 1]!.lw);
  return (
    /^[a-z]{3,}ed$/.test(t.w) && !ARTICLES.has(toks[k - 1]!.lw) && OBJECT_START.test(toks[k + 1]?.lw ?? '')
  );
}

/**
 * Where a speaker phrase's time and discourse edges end: a weekday, date, year, clock time or
 * discourse adverb (`On Wednesday`, `30 июня`, `23:55`, `However,`) is no part of a speaker, and
 * neither is what follows an auxiliary (`Prigozhin has poured`: the clause's verb). Returns the
 * phrase without them, or `undefined` when nothing that can name a speaker is left (`Tuesday`,
 * `2022`, `However`, a bare `The` or `There`). A capitalised modal inside a name stays
 * (`Senator Will Hurd`, `May said`) unless `names` is false (a headline capitalises every word).
 */
export function speakerCore(
  toks: readonly Tok[],
  np: NpRange,
  lex: Lexicon,
  names = true,
): NpRange | undefined {
  const w = lex.words;
  const at = (k: number) => toks[k]?.w ?? '';
  const number = (k: number) => /^\d{1,4}(?:st|nd|rd|th)?$/.test(at(k));
  const glue = (k: number) => w.timeGlue.has(toks[k]?.lw ?? '');
  const unitWord = (k: number) => w.timeUnits.has(toks[k]?.lw ?? '');
  // A year or a clock time (`2022`, `23:55`, `23` `:` `55`); other numbers count people (`26 percent`).
  const clock = (k: number) =>
    YEAR_OR_CLOCK.test(at(k)) ||
    (number(k) && ((at(k + 1) === ':' && number(k + 2)) || (at(k - 1) === ':' && number(k - 2)))) ||
    (at(k) === ':' && number(k - 1) && number(k + 1));
  // A month or unit is a time next to a number or after a time preposition (`in May`, `30 июня`),
  // and a number next to one is a date (`June 30`).
  const unit = (k: number, s: number) =>
    unitWord(k) &&
    ((k > s && (number(k - 1) || glue(k - 1) || w.timeWords.has(toks[k - 1]!.lw))) || number(k + 1));
  const date = (k: number) =>
    number(k) && (unitWord(k - 1) || unitWord(k + 1) || (at(k - 1) === '.' && unitWord(k - 2)));
  // `Super Tuesday`, `Black Friday`: a weekday after a capitalised word is part of a name;
  // `Tuesday’s primary`: a possessive time modifies the noun after it.
  // `Tuesday night’s debate`: a time phrase that ends in a possessive modifies the noun after it.
  const possessive = (k: number, k2: number) =>
    /^['’]s$/.test(at(k)) || (unitWord(k) && /^['’]s$/.test(at(k2)));
  const named = (k: number, s: number) =>
    (isCap(toks[k]!) && k > s && isCap(toks[k - 1]!) && !glue(k - 1)) || /^['’]s$/.test(at(k + 1));
  const time = (k: number, s: number) =>
    (w.timeWords.has(toks[k]!.lw) && !named(k, s)) ||
    at(k) === ',' ||
    (!/^['’]s$/.test(at(k + 1)) && (clock(k) || date(k) || (at(k) === '.' && unitWord(k - 1)) || unit(k, s)));
  let { s, e } = np;
  for (;;) {
    if (s >= e) return undefined;
    if (time(s, np.s)) s++;
    else if (glue(s) && s + 1 < e && (time(s + 1, s) || unitWord(s + 1)) && !possessive(s + 2, s + 3)) s += 2;
    else break;
  }
  // `That’s the takeaway from …`: a phrase cut at a contraction's clitic is a predicate's fragment;
  // `In his recent document`, `At the town hall`: a prepositional phrase (not `at least 10`).
  // `Among Republicans`: the group speaks.
  if (w.groupPreps.has(toks[s]!.lw) && e - s > 1) s++;
  // `Based`, `Holding signs`: an adverbial participle's lead.
  const first = toks[s]!.lw;
  if (
    /^['’]/.test(at(s)) ||
    w.leadParticiples.has(first) ||
    (w.phrasePreps.has(first) && !/^(?:least|most)$/.test(toks[s + 1]?.lw ?? ''))
  )
    return undefined;
  if (lex.lang === 'en')
    for (let k = s + 1; k < e; k++) {
      // `Paul ended his presidential campaign`, `The businessman began by`: a past verb makes
      // the phrase a clause; its subject is the speaker (not `a poll released Monday`).
      if (clauseVerb(toks, s, k, w)) {
        e = k;
        break;
      }
      // `Prigozhin has poured`: an auxiliary ends the phrase (it opens the clause's verb).
      // `Senator Will Hurd`: a capitalised modal inside a name is no auxiliary (a headline capitalises every word).
      const name = names && w.eventModals.has(toks[k]!.lw) && capitalName(toks, k, s, lex);
      if (w.auxiliaries.has(toks[k]!.lw) && !name) {
        e = k;
        break;
      }
      // `refuted by Kyiv`: the agent of a passive participle is the speaker.
      if (toks[k]!.lw === 'by' && k === s + 1 && k + 1 < e && PASSIVE.test(toks[s]!.w)) s = k + 1;
    }
  // `… в Вашингтоне демонстрирует нулевой интерес, заявил …`: a lower-case Russian present verb
  // (`демонстрирует`, `считает`, `имеют`) makes the phrase a clause, no speaker.
  if (lex.lang === 'ru' && toks.slice(s + 1, e).some((t) => t.kind === 'word' && PRESENT_RU.test(t.w)))
    return undefined;
  let cut = false;
  const full = e;
  while (e > s) {
    const k = e - 1;
    if (time(k, s)) {
      e--;
      cut = true;
    } else if (cut && (glue(k) || ARTICLES.has(toks[k]!.lw))) e--;
    else break;
  }
  // `a poll released Monday`, `a report out Tuesday`: a time after a participle dates a document.
  if (cut && e > s + 1 && (PASSIVE.test(toks[e - 1]!.w) || toks[e - 1]!.lw === 'out')) e = full;
  if (e <= s) return undefined;
  if (e - s === 1) {
    const t = toks[s]!;
    // `May said`: a capitalised modal the cue rules kept as the subject is a name.
    const name = names && isCap(t) && w.eventModals.has(t.lw);
    if (t.kind !== 'word' || ARTICLES.has(t.lw) || NO_ONE.has(t.lw) || (w.finiteVerbs.has(t.lw) && !name))
      return undefined;
  }
  return s === np.s && e === np.e ? np : { s, e };
}

/**
 * Applies {@link speakerCore} to every candidate's speaker phrase: trims the time and discourse
 * edges; a phrase that names no one (`Tuesday said …`, `There are plans …`) leaves the
 * attribution without a speaker rather than with a wrong one.
 */
export function guardSpeakers(out: readonly Candidate[], toks: readonly Tok[], lex: Lexicon): void {
  for (const c of out) {
    if (!c.np) continue;
    const np = speakerCore(toks, c.np, lex, !c.rule.startsWith('title'));
    if (np) c.np = np;
    else {
      delete c.np;
      delete c.antecedentNp;
      c.impersonal = true;
    }
  }
}

/**
 * `Russian troops have taken the village as they seek to encircle the town`: a plural pronoun
 * source later in the sentence refers to the sentence's own subject, not to the latest plural
 * speaker before it. Sets `antecedentNp` when the subject (from token `a`, the sentence start)
 * is a plural noun phrase (`troops`, `officials`) or a capitalised group name, ends before the
 * pronoun and is no pronoun itself.
 */
export function sentenceAntecedent(c: Candidate, toks: readonly Tok[], a: number, lex: Lexicon): void {
  const np = c.np;
  if (!np || np.e - np.s !== 1 || lex.pronouns.get(toks[np.s]!.lw) !== 'pl' || np.s <= a) return;
  const subj = subjectAt(toks, a, np.s, lex);
  if (!subj || subj.e >= np.s || (subj.e - subj.s === 1 && lex.pronouns.has(toks[subj.s]!.lw))) return;
  // `Russian troops have taken …`: the subject ends at its verb.
  let e = subj.s + 1;
  while (e < subj.e && !lex.words.finiteVerbs.has(toks[e]!.lw)) e++;
  if (e < subj.e && e - subj.s <= 4) subj.e = e;
  else if (e === subj.e && subj.e - subj.s > 4) return;
  const last = toks[subj.e - 1]!;
  const plural =
    lex.lang === 'en' ? !isCap(last) && /[^s]s$/.test(last.lw) : !isCap(last) && /[ыи]$/.test(last.lw);
  if (plural) c.antecedentNp = subj;
}
