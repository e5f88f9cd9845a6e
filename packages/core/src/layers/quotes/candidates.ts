import type { Paragraph, Sentence, Span } from '../../schema.js';
import { pruneNested, trimToClause } from './cognition.js';
import { leadCandidates } from './lead-rules.js';
import { type LearnedCues, learnedCandidates } from './learned.js';
import type { CuePhrase, Lexicon } from './lexicon.js';
import { trimToObject } from './objects.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { institutionRu } from './speaker.js';
import { titleCandidates } from './title.js';
import {
  CLOSERS,
  isCap,
  isTerminal,
  isWordy,
  type NpRange,
  OPENERS,
  PREPOSITIONS_RU,
  pastRu,
  type Tok,
  walkBack,
  walkForward,
} from './tok.js';

/**
 * A candidate attribution found by a cue rule, before speakers are resolved. Token ranges index
 * the document's token view.
 */
export interface Candidate {
  content: Span;
  cue: Span;
  lemma: string;
  /** Speaker noun phrase (token range), absent when inherited (`…, adding that`). */
  np?: NpRange;
  /** Relaying outlet or document noun phrase (`Reuters quoted an official`). */
  viaNp?: NpRange;
  rule: string;
  sentence: number;
  /** Where the clause that carries this cue begins, so an earlier content can stop there. */
  clauseStart?: number;
  /** An apposition describing the speaker (`David Greene, director for civil liberties at …`). */
  roleNp?: NpRange;
  /** Pieces of a content interrupted by its cue (`In his state, Christie said, offenders …`). */
  parts?: Span[];
  /** Content ends are soft for after-content rules and may be cut by later clauses. */
  contentAfter: boolean;
  /** No speaker found and none to inherit from the previous attribution. */
  impersonal?: boolean;
}

interface CueHit {
  i: number;
  j: number;
  phrase: CuePhrase;
  after: boolean;
}

const PARTICIPLES_RU = new Set([
  'добавив',
  'отметив',
  'подчеркнув',
  'заявив',
  'сообщив',
  'пояснив',
  'ссылаясь',
  'сказав',
]);
/** Layout roles that carry no attributions of the article's own (titles repeat the body). */
const SKIP_ROLES = new Set(['title', 'byline', 'credit', 'caption', 'dateline']);
const THAT = new Set(['that', 'что']);
/** Cue forms that are also nouns (`a similar report`, `media reports that`). */
export const AMBIGUOUS = new Set([
  'report',
  'reports',
  'claim',
  'claims',
  'quote',
  'quotes',
  'note',
  'notes',
  'state',
  'states',
  'estimate',
  'estimates',
  'warning',
  'thought',
  'reporting',
  'tweet',
  'tweets',
  'report',
  'promises',
  'charge',
  'charged',
  'continued',
  'mention',
  'order',
  'blast',
]);
/** Cue participles that also modify nouns (`pledged delegates`); a verb is followed by its complement. */
const ADJECTIVAL = new Set(['pledged', 'promised']);
const COMPLEMENT_OPENERS = new Set([
  'to',
  'that',
  ':',
  ',',
  '“',
  '"',
  '‘',
  "'",
  'not',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'him',
  'her',
  'them',
  'us',
  'me',
  'voters',
  'supporters',
  'on',
  'in',
  'during',
  'last',
  'a',
  'an',
  'the',
  'his',
  'their',
]);
/** Articles that make a following cue form a noun or adjective (`the announced offensive`). */
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'its']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', "'s", '’s']);

/** Whether an ambiguous form reads as a verb: followed by `that`, a colon or a quote, or after a name or pronoun. */
function verbLike(toks: readonly Tok[], i: number, a: number, b: number, lex: Lexicon): boolean {
  const prev = i > a ? toks[i - 1]! : undefined;
  if (!prev || b < i) return false;
  if ((lex.pronouns.has(prev.lw) && !POSSESSIVE.has(prev.lw)) || lex.between.has(prev.lw)) return true;
  if (prev.kind !== 'word' || prev.w[0] === prev.lw[0]) return false;
  const pp = i - 2 >= a ? toks[i - 2]! : undefined;
  return !pp || (!lex.determiners.has(pp.lw) && !POSSESSIVE.has(pp.lw));
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

/** Finds cue hits in a sentence; a token belongs to at most one cue. */
function findCues(
  toks: readonly Tok[],
  a: number,
  b: number,
  lex: Lexicon,
  quotes: readonly QuoteMarkSpan[],
): CueHit[] {
  const hits: CueHit[] = [];
  // The quotations this sentence touches (a document may hold hundreds).
  const from = toks[a]?.start ?? 0;
  const to = toks[b - 1]?.end ?? 0;
  const near = quotes.filter((q) => q.start < to && from < q.end);
  for (let i = a; i < b; i++) {
    // Cues inside parentheses count too (`(On Monday he said he would …)`): PolNeAR annotates them.
    if (toks[i]!.kind !== 'word') continue;
    const starts = lex.cueStarts.get(toks[i]!.lw);
    if (!starts) continue;
    // A cue inside a quotation belongs to the quoted speaker's words (`“I think …”`).
    if (insideQuote(near, toks[i]!.start)) continue;
    // `who asked not to be named, said …`: the verb of a distancing phrase reports nothing.
    const distancing = starts & 1 ? matchAt(toks, i, b, lex.distancing) : undefined;
    if (distancing) {
      i += distancing.words.length - 1;
      continue;
    }
    const after = starts & 2 ? matchAt(toks, i, b, lex.sourceAfter) : undefined;
    const verb = after || !(starts & 4) ? undefined : matchAt(toks, i, b, lex.verbs);
    const phrase = after ?? verb;
    if (!phrase) continue;
    const prev = i > a ? toks[i - 1]! : undefined;
    // `Secretary of State`: a capitalised cue word inside a sentence is part of a name.
    if (prev && !OPENERS.has(prev.w) && toks[i]!.w[0] !== toks[i]!.lw[0]) continue;
    // `the announced offensive`, `his claims`: a determiner makes the form a noun or adjective.
    if (!after && prev && (ARTICLES.has(prev.lw) || POSSESSIVE.has(prev.lw)) && prev.lw !== 'that') continue;
    if (!after && phrase.words.length === 1 && AMBIGUOUS.has(toks[i]!.lw) && !verbLike(toks, i, a, b, lex))
      continue;
    // `400 pledged delegates`, `the promised wall`: a participle before a noun is an adjective.
    if (!after && ADJECTIVAL.has(toks[i]!.lw) && i + 1 < b && !COMPLEMENT_OPENERS.has(toks[i + 1]!.lw))
      continue;
    hits.push({ i, j: i + phrase.words.length, phrase, after: !!after });
    i += phrase.words.length - 1;
  }
  return hits;
}

/** The tokens from `j` up to the next comma or sentence end (at most `max`), as a source phrase. */
function phraseTo(toks: readonly Tok[], j: number, b: number, max = 12): NpRange | null {
  let e = j;
  while (e < b && e - j < max && toks[e]!.w !== ',' && !isTerminal(toks[e]!) && !OPENERS.has(toks[e]!.w)) e++;
  return e > j && (e >= b || toks[e]!.w === ',' || isTerminal(toks[e]!)) ? { s: j, e } : null;
}

/** Content end of a sentence: the final full stop is left out unless a closing quote follows it. */
function sentenceContentEnd(toks: readonly Tok[], a: number, b: number): number {
  let k = b - 1;
  while (k > a && isTerminal(toks[k]!)) k--;
  return toks[k]!.end;
}

/** The quotation that ends exactly at `end` (a closing mark), if any. */
function quoteEndingAt(quotes: readonly QuoteMarkSpan[], end: number): QuoteMarkSpan | undefined {
  for (const q of quotes) if (q.end === end || q.end === end + 1) return q;
  return undefined;
}

function quoteStartingAt(quotes: readonly QuoteMarkSpan[], start: number): QuoteMarkSpan | undefined {
  for (const q of quotes) if (q.start === start) return q;
  return undefined;
}

/**
 * Content before a cue clause that starts at token `c` (the comma, dash or closing mark before the
 * source): the quotation that closes there, or the sentence from its start.
 */
function contentBefore(
  toks: readonly Tok[],
  a: number,
  c: number,
  quotes: readonly QuoteMarkSpan[],
): Span | null {
  let k = c;
  while (k >= a && (toks[k]!.w === ',' || toks[k]!.w === '—' || toks[k]!.w === '–')) k--;
  if (k < a) return null;
  const t = toks[k]!;
  const startTok = toks[a]!;
  if (CLOSERS.has(t.w)) {
    const q = quoteEndingAt(quotes, t.end);
    if (q && (q.start <= startTok.start || q.end - q.start >= 0.6 * (t.end - startTok.start)))
      return { start: q.start, end: q.end };
  }
  const q = quotes.find((x) => x.start < startTok.start && x.end >= t.end && x.end <= t.end + 1);
  const start = q ? q.start : startTok.start;
  return t.end > start ? { start, end: t.end } : null;
}

const CLAUSE_AFTER_COMMA = new Set([
  'and',
  'but',
  'while',
  'however',
  'whereas',
  'yet',
  'referring',
  'а',
  'но',
  'однако',
]);
/**
 * Words after a comma that open a trailing apposition about the last noun
 * (`…, a charge that X denied`): the outlet's gloss, not the reported words.
 */
const TRAILERS = new Set(['a', 'an']);
const insideQuote = (quotes: readonly QuoteMarkSpan[], i: number) =>
  quotes.some((q) => q.start < i && i < q.end);

/** The first character of a span, as a token surface would show an opening mark. */
const text0 = (toks: readonly Tok[], s: Span): string => toks.find((t) => t.start === s.start)?.w ?? '';

function wordsIn(toks: readonly Tok[], s: Span, from: number): number {
  let n = 0;
  for (let k = from; k < toks.length && toks[k]!.end <= s.end; k++) if (isWordy(toks[k]!)) n++;
  return n;
}

/** Content after a cue: from token `p` to the sentence end, or to the end of a quotation opened there. */
function contentAfter(
  toks: readonly Tok[],
  p: number,
  a: number,
  b: number,
  quotes: readonly QuoteMarkSpan[],
): Span | null {
  if (p >= b) return null;
  let words = 0;
  for (let k = p; k < b && words < 2; k++) if (isWordy(toks[k]!)) words++;
  if (words < 2 && !OPENERS.has(toks[p]!.w)) return null;
  const start = toks[p]!.start;
  let end = sentenceContentEnd(toks, a, b);
  // `(On Monday he said he would …)`: a parenthesis closed after the cue ends the content.
  for (let k = p, depth = 0; k < b && toks[k]!.end <= end; k++) {
    if (toks[k]!.w === '(') depth++;
    else if (toks[k]!.w === ')' && depth-- === 0) {
      let e = k - 1;
      while (e > p && isTerminal(toks[e]!)) e--;
      end = toks[e]!.end;
      break;
    }
  }
  // A quotation opened inside the content runs to its closing mark, even past the sentence.
  const q =
    quoteStartingAt(quotes, start) ?? quotes.find((x) => x.start > start && x.start < end && x.end > end);
  if (q && q.end > end) end = q.end;
  else {
    // `…, and more than 4 in 10 said …`, `…, however …`: a new clause ends reported content.
    let aside = false;
    for (let k = p + 3; k + 1 < b && toks[k]!.end <= end; k++) {
      const dash =
        (toks[k]!.w === '—' || toks[k]!.w === '–' || toks[k]!.w === '--') &&
        toks[k - 1]!.end < toks[k]!.start;
      // `…, but that he would not …` continues the reported clause; `…, but he …` starts a new one.
      const clause =
        toks[k]!.w === ',' &&
        ((CLAUSE_AFTER_COMMA.has(toks[k + 1]!.lw) && !THAT.has(toks[k + 2]?.lw ?? '')) ||
          TRAILERS.has(toks[k + 1]!.lw));
      // A pair of dashes sets off an aside inside the content (`“…” — itself a rebuttal — was …`).
      const paired = dash && (aside || toks.slice(k + 2, b).some((t) => t.w === toks[k]!.w && t.end <= end));
      if (dash && paired) aside = !aside;
      if ((dash || clause) && !paired && !insideQuote(quotes, toks[k]!.start)) {
        end = toks[k]!.start;
        break;
      }
    }
  }
  return end > start ? { start, end } : null;
}

const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would']);
const COORD = new Set(['and', 'but', 'и', 'но', 'а']);

/** A sentence subject for coordinated cues and colon introductions: a run of capitalised words or a pronoun at the sentence start. */
/** Words that open a relative clause on a source (`According to Gates, who …,`). */
const RELATIVE_CLAUSE = new Set([
  'who',
  'which',
  'whose',
  'where',
  'который',
  'которая',
  'которые',
  'которое',
]);
const QUANTIFIERS = new Set([
  'much',
  'many',
  'most',
  'some',
  'all',
  'several',
  'few',
  'none',
  'each',
  'both',
  'half',
]);
export function subjectAt(toks: readonly Tok[], a: number, k: number, lex: Lexicon): NpRange | null {
  let s = a;
  // Skip a dateline, an opening quote or a connective (`(Reuters) -`, `But`, `And`).
  while (
    s < k &&
    (toks[s]!.kind === 'punct' ||
      COORD.has(toks[s]!.lw) ||
      lex.boundaries.has(toks[s]!.lw) ||
      (lex.lang === 'ru' && lex.between.has(toks[s]!.lw)))
  )
    s++;
  // `На акции Ломджария опротестовала …`: a Russian sentence may open with a place or time phrase.
  if (lex.lang === 'ru' && s < k && PREPOSITIONS_RU.has(toks[s]!.lw)) {
    let t = s + 1;
    while (t < k && toks[t]!.kind === 'word' && !isCap(toks[t]!)) t++;
    if (t > s + 1 && t < k && isCap(toks[t]!)) s = t;
  }
  if (s < k && toks[s]!.w === 'Reuters') s++;
  while (s < k && toks[s]!.kind === 'punct') s++;
  if (s >= k) return null;
  if (lex.pronouns.has(toks[s]!.lw)) return { s, e: s + 1 };
  let np = walkForward(toks, s, k, lex);
  if (np && np.e - np.s > 7) {
    // `President Barack Obama met survivors …`: keep the capitalised run that opens it.
    let e = np.s;
    while (e < np.e && isCap(toks[e]!)) e++;
    np = e > np.s ? { s: np.s, e } : null;
  }
  if (!np) return null;
  // `Вашингтон обнародовал список …`: a Russian past form ends the subject.
  if (lex.lang === 'ru')
    for (let t = np.s + 1; t < np.e; t++)
      if (pastRu(toks[t]!)) {
        np = { s: np.s, e: t };
        break;
      }
  // `The court overruled and said …`: a past form that ends the phrase is the subject's verb.
  const last = toks[np.e - 1]!;
  if (np.e - np.s >= 2 && np.e === k && !isCap(last) && /^[a-z]{3,}ed$/.test(last.w))
    np = { s: np.s, e: np.e - 1 };
  const first = toks[np.s]!;
  // `much of the Western press`, `many of his supporters`: a quantifier opens a subject too.
  const quantified = QUANTIFIERS.has(first.lw) && toks[np.s + 1]?.lw === 'of';
  return isCap(first) || lex.determiners.has(first.lw) || quantified ? np : null;
}

/** Words that open an adverbial after a cue (`said on Friday`, `told reporters in an interview`). */
const ADVERBIAL = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'last',
  'earlier',
  'later',
  'while',
  'when',
  'to',
  'from',
  'for',
  'with',
  'this',
  'yesterday',
  'today',
  'tonight',
  'again',
  'repeatedly',
  'publicly',
  'privately',
  'recently',
  'in',
  'through',
  'via',
  'and',
  'but',
  'or',
  'in',
  'of',
  'as',
  'so',
  'nothing',
  'something',
  'anything',
  'в',
  'на',
  'во',
  'после',
  'накануне',
  'ранее',
  'и',
  'но',
]);

/** Lower-case words allowed between a cue and `that` (`told reporters in a statement that`). */
const MID = new Set([
  'reporters',
  'journalists',
  'statement',
  'interview',
  'conference',
  'press',
  'briefing',
  'news',
  'call',
  'email',
  'speech',
  'radio',
  'television',
  'show',
  'rally',
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'also',
  'repeatedly',
  'previously',
  'supporters',
  'audience',
  'crowd',
  'interviewer',
  'him',
  'her',
  'them',
  'us',
  'me',
  'his',
  'their',
  'its',
  'an',
  'a',
  'the',
  'friday',
  'журналистам',
  'изданию',
  'агентству',
  'в',
  'интервью',
  'беседе',
  'заявлении',
  'эфире',
  'на',
  'брифинге',
]);

/** After an adverbial, content starts at `that`, a colon or an opening quote within reach; else there is none. */
function pastAdverbial(toks: readonly Tok[], p: number, b: number, lex: Lexicon): number {
  let plain = true;
  for (let q = p; q < Math.min(b, p + 16); q++) {
    const t = toks[q]!;
    if (t.lw === 'that') return q;
    if (THAT.has(t.lw) || t.w === ':') return q + 1;
    if (OPENERS.has(t.w) && t.w !== '‘') return q;
    if (isTerminal(t)) break;
    // `said in a statement Thursday night they pulled …`: after a plain adverbial, a subject
    // pronoun opens the reported clause (no `that`).
    if (plain && q > p + 1 && SUBJECTS.has(t.lw) && toks[q + 1]?.kind === 'word') return q;
    if (
      t.kind === 'word' &&
      !isCap(t) &&
      !ADVERBIAL.has(t.lw) &&
      !MID.has(t.lw) &&
      !lex.determiners.has(t.lw)
    )
      plain = false;
  }
  return b;
}
const SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** End of the addressee after `told` (`told the Gazette`, `told Sputnik`, `told reporters`). */
function tellObjectEnd(toks: readonly Tok[], j: number, b: number, lex: Lexicon): number {
  let p = j;
  if (p < b && lex.determiners.has(toks[p]!.lw)) p++;
  const from = p;
  while (p < b && toks[p]!.kind === 'word' && toks[p]!.w[0] !== toks[p]!.lw[0]) p++;
  if (p === from && p < b && toks[p]!.kind === 'word') p++;
  return p;
}

const DASHES = new Set(['—', '–', '--']);
/** A lead before a mid-sentence `according to X,` shorter than this many words is resumed after it. */
const MID_LEAD_WORDS = 6;

/** `Reed (a pilot for thirty years) says`: a description in parentheses after the name is a role. */
function parenRole(toks: readonly Tok[], np: NpRange): NpRange | undefined {
  const pr = np.paren;
  return pr && pr[1] - pr[0] > 3 && ARTICLES.has(toks[pr[0] + 1]!.lw)
    ? { s: pr[0] + 1, e: pr[1] - 1 }
    : undefined;
}

/** The apposition after a comma (or an opening dash or parenthesis) at `c`, up to the next comma or the sentence end (before `b`). */
function description(toks: readonly Tok[], c: number, b: number): NpRange | undefined {
  const w = toks[c]?.w;
  if (w !== ',' && w !== '(' && !DASHES.has(w ?? '')) return undefined;
  let e = c + 1;
  while (e < b && toks[e]!.w !== ',' && !isTerminal(toks[e]!) && e - c <= 16) e++;
  return e > c + 1 && e - c <= 16 ? { s: c + 1, e } : undefined;
}

/**
 * The index of the dash or parenthesis that opens an aside closed by token `k` (a closing dash
 * or parenthesis right before a cue), or -1. The aside holds no terminal, quotation mark or comma.
 */
function asideStart(toks: readonly Tok[], k: number, a: number): number {
  const close = toks[k]!.w;
  if (close !== ')' && !DASHES.has(close)) return -1;
  for (let c = k - 1; c > a && k - c <= 20; c--) {
    const w = toks[c]!.w;
    if (close === ')' ? w === '(' : DASHES.has(w)) return c < k - 1 ? c : -1;
    if (isTerminal(toks[c]!) || OPENERS.has(w) || CLOSERS.has(w) || w === ')' || w === '(') return -1;
  }
  return -1;
}

/** Whether a phrase reads as a name or a description of a speaker: a pronoun, or capitalised words, titles, roles and articles only. */
function nameLike(toks: readonly Tok[], np: NpRange, lex: Lexicon): boolean {
  if (np.e - np.s === 1 && lex.pronouns.has(toks[np.s]!.lw)) return true;
  for (let k = np.s; k < np.e; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    if (
      !isCap(t) &&
      !lex.roles.has(t.lw) &&
      !lex.determiners.has(t.lw) &&
      !NAME_GLUE.has(t.lw) &&
      !lex.anonymous.has(t.lw) &&
      // A modifier of a role word (`официальный представитель`, `veteran pilot`).
      !(k + 1 < np.e && lex.roles.has(toks[k + 1]!.lw))
    )
      return false;
  }
  return true;
}
const NAME_GLUE = new Set([
  'of',
  'the',
  'for',
  'and',
  'de',
  'van',
  'von',
  'al',
  'bin',
  'senior',
  'former',
  'top',
  "'s",
  '’s',
  'района',
  'области',
]);

/**
 * `“…,” one aide said late last month, “…”`: the comma after a short adverbial that a resumed
 * quotation follows (its index), if the cue at `p` is followed by one.
 */
function commaBeforeQuote(toks: readonly Tok[], p: number, b: number, lex: Lexicon): number | undefined {
  for (let q = p; q < Math.min(b - 1, p + 6); q++) {
    const t = toks[q]!;
    if (t.w === ',') return q > p && OPENERS.has(toks[q + 1]!.w) ? q : undefined;
    if (t.kind !== 'word' || lex.verbs.has(t.lw)) return undefined;
  }
  return undefined;
}

/** The rest of a content after an interrupting `, X said,` (none when a new cue clause follows). */
function resumed(
  toks: readonly Tok[],
  p: number,
  a: number,
  b: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  first: Span,
  sourceFirst = false,
): Span[] | undefined {
  const firstQuoted = OPENERS.has(toks.find((t) => t.start === first.start)?.w ?? '');
  if (firstQuoted && toks[p]?.w !== ',') p = commaBeforeQuote(toks, p, b, lex) ?? p;
  if (toks[p]?.w !== ',' || p + 1 >= b) return undefined;
  const next = toks[p + 1]!;
  if (lex.verbs.has(next.lw) || lex.sourceAfter.has(next.lw) || ADVERBIAL.has(next.lw)) return undefined;
  // `…, he said, wiping sweat off his face`: a participle clause describes the speaker.
  if (lex.lang === 'en' && /^[a-z]+ing$/.test(next.w)) return undefined;
  // `…,'' said David Greene, director of …`: after a quotation only another quotation resumes it;
  // a description of the speaker never does.
  if (firstQuoted && !OPENERS.has(next.w)) return undefined;
  // After `, he noted,` (source before cue) no description can follow: `the world could …` resumes.
  if (!sourceFirst && (lex.determiners.has(next.lw) || lex.roles.has(next.lw) || lex.titles.has(next.w)))
    return undefined;
  const rest = contentAfter(toks, p + 1, a, b, quotes);
  return rest && wordsIn(toks, rest, p + 1) >= 3 ? [first, rest] : undefined;
}

/** Finds the candidate attributions of one sentence. */
export function sentenceCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  sentence: number,
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  const out: Candidate[] = [];
  let consumed = -1;
  for (const h of findCues(toks, a, b, lex, quotes)) {
    if (h.i < consumed) continue;
    const cue = { start: toks[h.i]!.start, end: toks[h.j - 1]!.end };
    const base = { cue, lemma: h.phrase.lemma, sentence };
    const prev = h.i - 1 >= a ? toks[h.i - 1]! : undefined;
    if (h.after) {
      // `according to FEC filings`, `according to a national Gallup Poll taken last week`: a source
      // the noun-phrase walk does not take is the phrase up to the comma or sentence end.
      const np = walkForward(toks, h.j, b, lex) ?? phraseTo(toks, h.j, b);
      if (!np) continue;
      let viaNp: NpRange | undefined;
      let speaker = np;
      let e = np.e;
      if (toks[e]?.w === ',' && (toks[e + 1]?.lw === 'citing' || toks[e + 1]?.lw === 'quoting')) {
        const np2 = walkForward(toks, e + 2, b, lex);
        if (np2) {
          viaNp = np;
          speaker = np2;
          e = np2.e;
          consumed = e;
        }
      }
      const atStart =
        h.i === a || (prev?.w === ',' && h.i <= a + 2) || (prev !== undefined && OPENERS.has(prev.w));
      if (atStart) {
        // `According to early results of exit polls conducted for …, black voters …`: the source runs
        // to the comma that closes the lead.
        const lead = phraseTo(toks, h.j, b, 30);
        if (lead && lead.e > e && toks[lead.e]?.w === ',' && speaker === np) {
          speaker = lead;
          e = lead.e;
          // `Как сообщает ТАСС со ссылкой на пресс-службу Минобороны, …`: the outlet relays the source.
          const cite = lex.lang === 'ru' ? citeIn(toks, lead) : -1;
          if (cite > lead.s) {
            viaNp = { s: lead.s, e: cite };
            speaker = { s: cite + (toks[cite]!.lw === 'со' ? 3 : 2), e: lead.e };
            consumed = lead.e;
          }
        }
        let p = e;
        // `According to Gates, who was speaking to donors, …`: a relative clause on the source is skipped.
        if (toks[p]?.w === ',' && RELATIVE_CLAUSE.has(toks[p + 1]?.lw ?? '')) {
          let q = p + 2;
          while (q < b && toks[q]!.w !== ',' && q - p < 30) q++;
          if (q < b && toks[q]!.w === ',') p = q;
        }
        while (p < b && lex.skipAfterCue.has(toks[p]!.lw)) p++;
        const content = contentAfter(toks, p, a, b, quotes);
        if (content)
          out.push({ ...base, content, np: speaker, viaNp, rule: 'according-to-lead', contentAfter: true });
      } else {
        const content = contentBefore(toks, a, h.i - 1, quotes);
        // `About 10:03 p.m., according to a congressional timeline, the contractors left …`: a short
        // lead before a mid-sentence relay is part of a clause that goes on after it.
        const rest =
          content && toks[e]?.w === ',' && wordsIn(toks, content, a) < MID_LEAD_WORDS
            ? contentAfter(toks, e + 1, a, b, quotes)
            : null;
        const parts = rest && wordsIn(toks, rest, e + 1) >= 3 ? [content!, rest] : undefined;
        if (content)
          out.push({
            ...base,
            content: parts ? { start: content.start, end: rest!.end } : content,
            parts,
            np: speaker,
            viaNp,
            rule: 'according-to-tail',
            contentAfter: false,
            clauseStart: prev!.start,
          });
      }
      continue;
    }
    // `как (дипломатично) сформулировал X, «…»`: a Russian `как` clause names the source first.
    const kak = lex.lang === 'ru' && [h.i - 1, h.i - 2].some((x) => x >= a && toks[x]!.lw === 'как');
    if (kak) {
      const np = walkForward(toks, h.j, b, lex);
      let q = np ? np.e : b;
      while (q < b && toks[q]!.w !== ',' && q - (np?.e ?? q) < 8) q++;
      const content = np && toks[q]?.w === ',' ? contentAfter(toks, q + 1, a, b, quotes) : null;
      if (np && content) out.push({ ...base, content, np, rule: 'according-to-lead', contentAfter: true });
      continue;
    }
    const form = toks[h.i]!.lw;
    const participle =
      (prev?.w === ',' || (prev !== undefined && CLOSERS.has(prev.w))) &&
      (lex.lang === 'ru' ? PARTICIPLES_RU.has(form) : form.endsWith('ing') && h.j === h.i + 1);
    let k = h.i - 1;
    while (k >= a && lex.between.has(toks[k]!.lw)) k--;
    // Skip a tell-object or adverbials up to `that` (`told reporters on Friday that …`).
    let p = h.j;
    for (let q = h.j; q < Math.min(b, h.j + 8); q++) {
      const tq = toks[q]!;
      // Only an adverbial, an addressee or a name may stand between the cue and its `that`.
      if (
        tq.kind === 'word' &&
        !THAT.has(tq.lw) &&
        !isCap(tq) &&
        !ADVERBIAL.has(tq.lw) &&
        !lex.determiners.has(tq.lw) &&
        !MID.has(tq.lw)
      )
        break;
      if (THAT.has(tq.lw)) {
        // PolNeAR and most readers take `that` as the start of the reported clause.
        p = lex.lang === 'en' ? q : q + 1;
        break;
      }
      if (toks[q]!.kind === 'punct' && toks[q]!.w !== ',') break;
    }
    if (p === h.j && h.phrase.lemma === 'tell' && h.j < b) p = tellObjectEnd(toks, h.j, b, lex);
    while (p < b && lex.skipAfterCue.has(toks[p]!.lw) && !(lex.lang === 'en' && toks[p]!.lw === 'that')) p++;
    // `vowed to …`, `urged … to`: an infinitive is content, not an adverbial.
    if (p < b && ADVERBIAL.has(toks[p]!.lw) && toks[p]!.lw !== 'to') p = pastAdverbial(toks, p, b, lex);
    if (participle) {
      const content = contentAfter(toks, p, a, b, quotes);
      // `…, adding that …`: the speaker of the clause it hangs on, else the sentence subject.
      const host = [...out].reverse().find((c) => c.np);
      const np = host?.np ?? subjectAt(toks, a, h.i - 1, lex) ?? undefined;
      if (content)
        out.push({
          ...base,
          np,
          content,
          rule: 'participle',
          contentAfter: true,
          clauseStart: prev!.w === ',' ? prev!.start : prev!.end,
        });
      continue;
    }
    if (lex.relay.has(h.phrase.lemma)) {
      const obj = walkForward(toks, h.j, b, lex);
      const left = walkBack(toks, k, a, lex);
      if (!obj) continue;
      let q = obj.e;
      while (q < b && /^(as|saying|advising|urging|being|to|,)$/.test(toks[q]!.lw)) q++;
      const content = contentAfter(toks, q, a, b, quotes);
      if (content)
        out.push({ ...base, content, np: obj, viaNp: left ?? undefined, rule: 'relay', contentAfter: true });
      continue;
    }
    if (k >= a && COORD.has(toks[k]!.lw)) {
      // `… and said that …`: the subject of the first verb speaks.
      // Inside an earlier content (`noted that Zelenskyy is … and is begging …`) the inner subject speaks.
      const outer = [...out].reverse().find((c) => c.np);
      // An auxiliary after `and` (`and is begging`) marks a new verb phrase of the inner clause.
      const aux = toks.slice(k + 1, h.i).some((t) => AUX.has(t.lw));
      const inside =
        outer && aux && outer.content.start <= toks[h.i]!.start && toks[h.i]!.start < outer.content.end;
      const from = inside ? toks.findIndex((t) => t.start >= outer.content.start) : a;
      const host = inside ? undefined : outer;
      const np = host?.np ?? subjectAt(toks, from, k, lex);
      const content = np ? contentAfter(toks, p, a, b, quotes) : null;
      if (content && np)
        out.push({
          ...base,
          content,
          np,
          rule: 'coordinated',
          contentAfter: true,
          clauseStart: toks[k]!.start,
        });
      continue;
    }
    // Passive (`a fact that was confirmed by the ministry`): not read as an attribution here.
    if (lex.lang === 'en' && toks[h.j]?.lw === 'by') continue;
    const left = k >= a ? walkBack(toks, k, a, lex) : null;
    if (!left) {
      const found = out.length;
      // Inverted: `“…,” said Henrot.` / `«…», — сказал он.` — the source closes the sentence or clause.
      const np = walkForward(toks, h.j, b, lex);
      const before = k >= a ? toks[k]! : undefined;
      // Only a short, name-like phrase after a reporting verb of the curated list reads as inverted.
      const first = np ? toks[np.s]! : undefined;
      const closes =
        np &&
        first &&
        !h.phrase.learned &&
        np.e - np.s - (np.paren ? np.paren[1] - np.paren[0] : 0) <= 7 &&
        nameLike(toks, np, lex) &&
        (isCap(first) ||
          lex.determiners.has(first.lw) ||
          lex.pronouns.has(first.lw) ||
          // `said former Vermont governor Howard Dean`: a role word among the first three.
          toks.slice(np.s, Math.min(np.e, np.s + 3)).some((t) => lex.roles.has(t.lw))) &&
        (np.e >= b - 4 || isTerminal(toks[np.e]!) || toks[np.e]!.w === ',' || CLOSERS.has(toks[np.e]!.w));
      // `Jason Sims — a teacher from Mount Pleasant — says …`, `Murphy (a Connecticut Democrat) says …`:
      // the speaker stands before an aside set off by dashes or parentheses.
      const aside = !closes && before ? asideStart(toks, k, a) : -1;
      if (aside > a) {
        const subj = walkBack(toks, aside - 1, a, lex);
        const content =
          subj && (isCap(toks[subj.s]!) || lex.determiners.has(toks[subj.s]!.lw))
            ? contentAfter(toks, p, a, b, quotes)
            : null;
        if (subj && content)
          out.push({
            ...base,
            content,
            np: subj,
            roleNp: description(toks, aside, k),
            rule: 'apposition-cue-content',
            contentAfter: true,
          });
        continue;
      }
      if (!closes && before?.w === ',') {
        // Apposition: `Congressman Chris Collins, a Trump supporter, said …`.
        let subj: NpRange | null = null;
        let c1 = k - 1;
        for (let tries = 0; tries < 3 && !subj; tries++) {
          while (c1 > a && toks[c1]!.w !== ',' && k - c1 < 30) c1--;
          if (c1 <= a || toks[c1]!.w !== ',') break;
          subj = walkBack(toks, c1 - 1, a, lex);
          if (subj && !isCap(toks[subj.s]!) && !lex.determiners.has(toks[subj.s]!.lw)) subj = null;
          // `Sen. Marco Rubio, R-Fla., …, said`: a party-state tag is not the subject.
          if (subj && /^[A-Z]-[A-Z]/.test(toks[subj.s]!.w)) subj = null;
          c1--;
        }
        const content = subj ? contentAfter(toks, p, a, b, quotes) : null;
        if (subj && content)
          out.push({
            ...base,
            content,
            np: subj,
            roleNp: description(toks, subj.e, k + 1),
            rule: 'apposition-cue-content',
            contentAfter: true,
          });
        continue;
      }
      if (
        closes &&
        np &&
        before &&
        (before.w === ',' || before.w === '—' || before.w === '–' || CLOSERS.has(before.w))
      ) {
        const content = contentBefore(toks, a, k, quotes);
        const parts = content ? resumed(toks, np.e, a, b, quotes, lex, content) : undefined;
        if (content)
          out.push({
            ...base,
            content: parts ? { start: content.start, end: parts[1]!.end } : content,
            parts,
            np,
            roleNp: description(toks, np.e, b),
            rule: 'inverted',
            contentAfter: false,
            clauseStart: before.start,
          });
      }
      // `При этом выразил сомнение, что …`, `Этот план без тени шутки назвал …`: a Russian verb
      // after adverbials only has the subject of an earlier clause, inherited like `…, adding that`.
      const raw =
        out.length === found && lex.lang === 'ru' && k >= a ? walkBack(toks, k, a, lex, true) : null;
      const content = raw ? contentAfter(toks, p, a, b, quotes) : null;
      if (content) out.push({ ...base, content, rule: 'source-cue-content', contentAfter: true });
      continue;
    }
    const lead = left.s - 1 >= a ? toks[left.s - 1]! : undefined;
    const leadIsClause =
      lead !== undefined && (lead.w === ',' || lead.w === '—' || lead.w === '–' || CLOSERS.has(lead.w));
    // `…, the official added, noting that …` and `…, Kirby said on Friday.`: the content is before.
    const after =
      leadIsClause && (toks[h.j]?.w === ',' || (CLOSERS.has(lead.w) && commaBeforeQuote(toks, h.j, b, lex)))
        ? null
        : contentAfter(toks, p, a, b, quotes);
    if (after && !(leadIsClause && wordsIn(toks, after, p) < 4)) {
      // A subject after `when`, `as`, `,` opens a new clause: earlier content stops there.
      const opener = left.s - 1 >= a ? toks[left.s - 1]! : undefined;
      const clauseStart =
        opener && (opener.w === ',' || lex.boundaries.has(opener.lw)) ? opener.start : undefined;
      out.push({
        ...base,
        content: after,
        np: left,
        roleNp: parenRole(toks, left),
        rule: 'source-cue-content',
        contentAfter: true,
        clauseStart: opener?.w === ',' ? clauseStart : undefined,
      });
      continue;
    }
    if (leadIsClause) {
      let c = contentBefore(toks, a, left.s - 1, quotes);
      // `After all, Sanders seems …`: a short lead that is not a quotation is an adverbial, not content.
      if (
        c &&
        !OPENERS.has(text0(toks, c)) &&
        wordsIn(toks, c, a) < 5 &&
        !resumed(toks, h.j, a, b, quotes, lex, c, true)
      )
        c = null;
      if (!c && after) {
        out.push({ ...base, content: after, np: left, rule: 'source-cue-content', contentAfter: true });
        continue;
      }
      const parts = c ? resumed(toks, h.j, a, b, quotes, lex, c, true) : undefined;
      if (c)
        out.push({
          ...base,
          content: parts ? { start: c.start, end: parts[1]!.end } : c,
          parts,
          np: left,
          rule: 'content-source-cue',
          contentAfter: false,
          clauseStart: lead.start,
        });
    }
  }
  // Content that runs on into a later cue clause (`…, he added`, `…, according to X`) stops there.
  for (const c of out) {
    if (!c.contentAfter) continue;
    for (const d of out) {
      if (d === c || d.clauseStart === undefined) continue;
      const cut = d.clauseStart;
      if (cut > c.content.start && cut < c.content.end) {
        c.content.end = cut;
        // `said that it “will not survive,” according to AFP`: the closing mark stays with its quotation.
        const q = quotes.find(
          (m) =>
            m.start >= c.content.start &&
            m.start < c.content.end &&
            m.end > c.content.end &&
            m.end <= cut + 1,
        );
        if (q) c.content.end = q.end;
      }
    }
  }
  return out;
}

/** Finds candidate attributions in every sentence of the document. */
export function findCandidates(
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  paragraphs: readonly Paragraph[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
  learned?: LearnedCues,
): Candidate[] {
  const out: Candidate[] = [];
  let a = 0;
  sentences.forEach((s, si) => {
    const para = paragraphs[s.paragraph];
    if (para && (para.duplicateOf !== undefined || SKIP_ROLES.has(para.role))) {
      if (para.role !== 'title' || para.duplicateOf !== undefined || lex.lang !== 'en') return;
      while (a < toks.length && toks[a]!.start < s.start) a++;
      let b = a;
      while (b < toks.length && toks[b]!.end <= s.end) b++;
      for (const c of titleCandidates(toks, a, b, si, lex)) out.push(c);
      a = b;
      return;
    }
    while (a < toks.length && toks[a]!.start < s.start) a++;
    let b = a;
    while (b < toks.length && toks[b]!.end <= s.end) b++;
    if (b > a) {
      const own = pruneNested(sentenceCandidates(toks, a, b, si, quotes, lex));
      for (const c of own) {
        trimToClause(c, toks, quotes);
        trimToObject(c, toks, quotes, lex);
        out.push(c);
      }
      // Lead rules only where no cue rule found the same content.
      const from = out.length - own.length;
      for (const c of leadCandidates(toks, a, b, si, quotes, lex))
        if (!own.some((d) => d.content.start < c.content.end && c.content.start < d.content.end)) out.push(c);
      // The learned cue model only where no rule found an attribution.
      if (learned) out.push(...learnedCandidates(toks, a, b, si, quotes, out.slice(from), lex, learned));
    }
    a = b;
  });
  if (lex.lang === 'ru') {
    for (const c of out) if (c.rule === 'source-cue-content') aboutThis(c, toks, sentences, out, lex);
    out.push(...interruptedQuotes(toks, sentences, quotes, lex));
  }
  return out;
}

/** Object pronouns that open a Russian sentence whose subject follows the cue (`Об этом сообщил X`). */
const ABOUT_THIS = new Set(['об этом', 'это', 'о том', 'об этом же']);

/**
 * `… Об этом сообщил источник в силовых структурах.`: the speaker follows the cue and the content
 * is the sentence before (in the same paragraph, when no other attribution holds it), else the
 * pronoun itself.
 */
function aboutThis(
  c: Candidate,
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  all: readonly Candidate[],
  lex: Lexicon,
): void {
  if (!c.np) return;
  const phrase = toks
    .slice(c.np.s, c.np.e)
    .map((t) => t.lw)
    .join(' ');
  const sent = sentences[c.sentence];
  if (!sent || !ABOUT_THIS.has(phrase) || toks[c.np.s]!.start !== sent.start) return;
  let j = c.np.e;
  while (j < toks.length && toks[j]!.start < c.cue.end) j++;
  let b = j;
  while (b < toks.length && toks[b]!.end <= sent.end) b++;
  const np = walkForward(toks, j, b, lex);
  if (!np) return;
  // A long description runs past the walk's reach: the name that closes it belongs to it.
  while (np.e < b && isCap(toks[np.e]!) && np.e - np.s < 16) np.e++;
  // `… Сергей Лавров по итогам переговоров`: the speaker ends before a preposition after the name
  // (not after an institution: `Совета Федерации по международным делам Андрей Климов`).
  const personal = (t: Tok) => /^[А-ЯЁ][а-яё]+$/.test(t.w) && !institutionRu(t.w, lex);
  const endAfterName = (r: NpRange) => {
    for (let t = r.s + 2; t < r.e; t++)
      if (PREPOSITIONS_RU.has(toks[t]!.lw) && personal(toks[t - 1]!) && personal(toks[t - 2]!)) {
        r.e = t;
        break;
      }
  };
  endAfterName(np);
  // `Об этом сообщает РБК-Украина со ссылкой на омбудсмена Людмилу Денисову`: the outlet relays.
  const full = phraseTo(toks, np.s, b, 30);
  const cite = full ? citeIn(toks, full) : -1;
  if (full && cite > np.s) {
    c.viaNp = { s: np.s, e: cite };
    np.s = cite + (toks[cite]!.lw === 'со' ? 3 : 2);
    np.e = full.e;
    endAfterName(np);
  }
  const pronoun = { start: toks[c.np.s]!.start, end: toks[c.np.e - 1]!.end };
  const prev = sentences[c.sentence - 1];
  let content: Span = pronoun;
  if (prev && prev.paragraph === sent.paragraph) {
    let e = toks.findIndex((t) => t.start >= prev.end) - 1;
    if (e < 0) e = toks.length - 1;
    while (e > 0 && isTerminal(toks[e]!)) e--;
    const span = { start: prev.start, end: toks[e]!.end };
    if (
      span.end > span.start &&
      !all.some((d) => d !== c && d.content.start < span.end && span.start < d.content.end)
    )
      content = span;
  }
  c.np = np;
  c.content = content;
  c.contentAfter = false;
  c.rule = 'about-this';
}

/** Where `со ссылкой на` / `ссылаясь на` starts inside a source phrase (and a source follows it), or -1. */
function citeIn(toks: readonly Tok[], np: NpRange): number {
  for (let i = np.s + 1; i + 2 < np.e; i++) {
    const w = toks[i]!.lw;
    if (w === 'со' && toks[i + 1]!.lw === 'ссылкой' && toks[i + 2]!.lw === 'на' && i + 3 < np.e) return i;
    if (w === 'ссылаясь' && toks[i + 1]!.lw === 'на') return i;
  }
  return -1;
}

const isDash = (t: Tok | undefined) => t !== undefined && DASHES.has(t.w);

/**
 * `«Мы фиксируем рост цен, — отметил замглавы МИД Александр Грушко. — Это следствие санкций»`:
 * a Russian quotation interrupted inside its marks by `— cue speaker. —`; its two pieces are the
 * content, the speaker is the noun phrase after the cue.
 */
function interruptedQuotes(
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  const out: Candidate[] = [];
  let k = 0;
  for (const m of quotes) {
    if (!m.closed) continue;
    while (k < toks.length && toks[k]!.start <= m.start) k++;
    for (let i = k; i + 3 < toks.length && toks[i]!.end < m.end; i++) {
      if (!isDash(toks[i]) || !lex.verbs.has(toks[i + 1]!.lw)) continue;
      const np = walkForward(toks, i + 2, toks.length, lex);
      if (!np) break;
      let j = np.e;
      if (toks[j]?.w === '.' || toks[j]?.w === ',') j++;
      if (!isDash(toks[j]) || j + 1 >= toks.length || toks[j + 1]!.start >= m.end) break;
      let e1 = i - 1;
      while (e1 > k && (toks[e1]!.w === ',' || isTerminal(toks[e1]!))) e1--;
      if (toks[e1]!.start <= m.start) break;
      const first = { start: m.start, end: toks[e1]!.end };
      const second = { start: toks[j + 1]!.start, end: m.end };
      const si = sentences.findIndex((x) => x.start <= toks[i + 1]!.start && toks[i + 1]!.start < x.end);
      out.push({
        content: { start: first.start, end: second.end },
        parts: [first, second],
        cue: { start: toks[i + 1]!.start, end: toks[i + 1]!.end },
        lemma: lex.verbs.get(toks[i + 1]!.lw)![0]!.lemma,
        np,
        sentence: Math.max(0, si),
        rule: 'interrupted-quote',
        contentAfter: false,
      });
      break;
    }
  }
  return out;
}
