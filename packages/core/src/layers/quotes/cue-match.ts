import type { CueHit } from './candidate.js';
import { insideQuote } from './content.js';
import type { CuePhrase, Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { LEAD_MARKS, OPENERS, type Tok } from './tok.js';

/** Whether an ambiguous form reads as a verb: followed by `that`, a colon or a quote, or after a name or pronoun. */
function verbLike(toks: readonly Tok[], i: number, a: number, b: number, lex: Lexicon): boolean {
  const prev = i > a ? toks[i - 1]! : undefined;
  if (!prev || b < i) return false;
  // `… in four Super Tuesday states, according to …`: a form the source-after cue follows is a noun.
  const n = toks[i + 1]?.w === ',' ? i + 2 : i + 1;
  if (n < b && matchAt(toks, n, b, lex.sourceAfter)) return false;
  const possessives = lex.words.possessives;
  if ((lex.pronouns.has(prev.lw) && !possessives.has(prev.lw)) || lex.between.has(prev.lw)) return true;
  if (prev.kind !== 'word' || prev.w[0] === prev.lw[0]) return false;
  const pp = i - 2 >= a ? toks[i - 2]! : undefined;
  return !pp || (!lex.determiners.has(pp.lw) && !possessives.has(pp.lw));
}

/** The phrase of `map` that starts at token `i` (and ends before `b`), if any. */
export function matchAt(
  toks: readonly Tok[],
  i: number,
  b: number,
  map: Map<string, CuePhrase[]>,
): CuePhrase | undefined {
  const list = map.get(toks[i]!.lw);
  if (!list) return undefined;
  outer: for (const c of list) {
    if (i + c.words.length > b) continue;
    for (let k = 1; k < c.words.length; k++) if (toks[i + k]!.lw !== c.words[k]) continue outer;
    return c;
  }
  return undefined;
}

/**
 * The two-word `sourceAfter` phrase (`по словам`, `по мнению`) split by a possessive pronoun at
 * `i + 1` (`по его словам`), if tokens `i … i + 2` read so.
 */
function ownerCue(toks: readonly Tok[], i: number, b: number, lex: Lexicon): CuePhrase | undefined {
  if (i + 2 >= b || !lex.words.ownerPronouns.has(toks[i + 1]!.lw)) return undefined;
  const noun = toks[i + 2]!.lw;
  return lex.sourceAfter.get(toks[i]!.lw)?.find((c) => c.words.length === 2 && c.words[1] === noun);
}

/**
 * Whether a naming cue (`назвал`) that ends before token `p` has a predicate noun in the
 * instrumental in its clause (`назвал терактом гибель …`, `назвал Маслякова сильным человеком`),
 * which makes it report a judgement; `назвал три шага` only lists. The clause ends at a comma,
 * dash or sentence end, at a preposition (`в новом году`), or after eight words; a relative
 * (`которыми`) is no predicate, and `-ой`/`-ей` (`ошибкой`, but `новой стратегии`) count
 * only right after the cue or ending the clause; an instrumental right after a participle
 * (`заболевших корью`) is the participle's object.
 */
export function namingPredicate(toks: readonly Tok[], p: number, b: number, lex: Lexicon): boolean {
  const w = lex.words;
  const ends = (lw: string, list: ReadonlySet<string>) => [...list].some((x) => lw.endsWith(x));
  let words = 0;
  for (let k = p; k < b && words < 8; k++) {
    const t = toks[k]!;
    if (t.w === ',' || t.w === '—' || t.w === '–' || t.w === ';' || t.w === '.' || t.w === '!' || t.w === '?')
      return false;
    if (t.kind !== 'word') continue;
    words++;
    // `назвал дату встречи с рабочим комитетом`: a prepositional phrase ends the search.
    if (w.prepositions.has(t.lw)) return false;
    if (t.lw.length < 4 || w.relatives.has(t.lw)) continue;
    // `назвала количество заболевших корью`: an instrumental a participle governs is its object.
    const governed = k > p && ends(toks[k - 1]!.lw, w.governingEndings);
    if (governed) continue;
    if (ends(t.lw, w.predicativeEndings)) return true;
    let n = k + 1;
    while (n < b && toks[n]!.kind === 'punct' && !/^[,.;!?—–]$/.test(toks[n]!.w)) n++;
    const last = n >= b || /^[,.;!?—–]$/.test(toks[n]!.w);
    if ((words === 1 || last) && ends(t.lw, w.predicativeLastEndings)) return true;
  }
  return false;
}

/** Finds cue hits in the sentence `[a, b)`; a token belongs to at most one cue. */
export function findCues(
  toks: readonly Tok[],
  a: number,
  b: number,
  lex: Lexicon,
  quotes: readonly QuoteMarkSpan[],
): CueHit[] {
  const hits: CueHit[] = [];
  const w = lex.words;
  for (let i = a; i < b; i++) {
    // Cues inside parentheses count too (`(On Monday he said he would …)`): PolNeAR annotates them.
    if (toks[i]!.kind !== 'word') continue;
    const starts = lex.cueStarts.get(toks[i]!.lw);
    if (!starts) continue;
    // A cue inside a quotation belongs to the quoted speaker's words (`“I think …”`).
    if (insideQuote(quotes, toks[i]!.start)) continue;
    // `who asked not to be named, said …`: the verb of a distancing phrase reports nothing.
    const distancing = starts & 1 ? matchAt(toks, i, b, lex.distancing) : undefined;
    if (distancing) {
      i += distancing.words.length - 1;
      continue;
    }
    // `По его словам, …`, `по их данным`: a Russian possessive between `по` and the noun is the source.
    const owner = lex.lang === 'ru' && starts & 2 ? ownerCue(toks, i, b, lex) : undefined;
    if (owner) {
      // `X отметил, что …, по его мнению, …`: after another cue it restates that speaker's own view.
      if (!hits.length) hits.push({ i, j: i + 3, phrase: owner, after: true, owner: i + 1 });
      i += 2;
      continue;
    }
    const after = starts & 2 ? matchAt(toks, i, b, lex.sourceAfter) : undefined;
    const verb = after || !(starts & 4) ? undefined : matchAt(toks, i, b, lex.verbs);
    const phrase = after ?? verb;
    if (!phrase) continue;
    const prev = i > a ? toks[i - 1]! : undefined;
    // `Secretary of State`: a capitalised cue word inside a sentence is part of a name.
    if (prev && !OPENERS.has(prev.w) && !LEAD_MARKS.has(prev.w) && toks[i]!.w[0] !== toks[i]!.lw[0]) continue;
    // `the announced offensive`, `his claims`: a determiner makes the form a noun or adjective.
    if (!after && prev && (w.articles.has(prev.lw) || w.possessives.has(prev.lw)) && prev.lw !== 'that')
      continue;
    if (
      !after &&
      phrase.words.length === 1 &&
      w.ambiguousCues.has(toks[i]!.lw) &&
      !verbLike(toks, i, a, b, lex)
    )
      continue;
    // `400 pledged delegates`, `the promised wall`: a participle before a noun is an adjective.
    if (!after && w.adjectivalCues.has(toks[i]!.lw) && i + 1 < b && !w.complementOpeners.has(toks[i + 1]!.lw))
      continue;
    if (!after && w.namingCues.has(phrase.lemma) && !namingPredicate(toks, i + phrase.words.length, b, lex))
      continue;
    hits.push({ i, j: i + phrase.words.length, phrase, after: !!after });
    i += phrase.words.length - 1;
  }
  return hits;
}
