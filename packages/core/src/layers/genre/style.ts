import { COUNTRY_US, charClasses, DIGIT, isCountryUs, LETTER, MARK } from '../../models/words.js';
import de from './cues.de.json' with { type: 'json' };
import en from './cues.en.json' with { type: 'json' };
import fr from './cues.fr.json' with { type: 'json' };
import it from './cues.it.json' with { type: 'json' };
import pl from './cues.pl.json' with { type: 'json' };
import ru from './cues.ru.json' with { type: 'json' };

/**
 * Voice cues per language, single lower-cased words: `said` (attribution: said, told,
 * according…), `i` and `we` (the writer's own person), `modal` (modal and evaluative words:
 * should, clearly, why…), `intens` (intensifiers: very, utterly…).
 */
const CUES: Record<string, Record<string, string[]>> = { en, ru, fr, de, it, pl };
/** The style cue files by language, for provenance checksums. */
export const styleCueData: Readonly<Record<string, unknown>> = CUES;

/** The style measures of {@link genreStyle}, in a fixed order (models name them `g:<name>`). */
export const STYLE_MEASURES = [
  'words',
  'wpp',
  'questOut',
  'exclOut',
  'digits',
  'caps',
  'longPara',
  'ellipsis',
  'saidPara',
  'saidSent',
  'saidRate',
  'iOut',
  'weOut',
  'evalOut',
  'intensOut',
  'quoteShare',
  'ttr',
  'wordLen',
] as const;

/** One of {@link STYLE_MEASURES}. */
export type StyleMeasure = (typeof STYLE_MEASURES)[number];

/** Bits of a word's cue categories in {@link cueBits}. */
const SAID = 1;
const I = 2;
const WE = 4;
const MODAL = 8;
const INTENS = 16;
const BIT: Record<string, number> = { said: SAID, i: I, we: WE, modal: MODAL, intens: INTENS };

const lexicons = new Map<string, Map<string, number> | null>();

/** Word → bits of its cue categories, for one language (null without a lexicon). */
function cueBits(lang: string): Map<string, number> | null {
  let m = lexicons.get(lang);
  if (m === undefined) {
    const lex = CUES[lang];
    m = null;
    if (lex) {
      m = new Map();
      for (const [cat, words] of Object.entries(lex))
        for (const w of words) m.set(w, (m.get(w) ?? 0) | (BIT[cat] ?? 0));
    }
    lexicons.set(lang, m);
  }
  return m;
}

/**
 * Quotation marks: one after a space (or at a line's start) and before a word opens a quote, one
 * after a word and before a space or punctuation closes it, any other one toggles. A line break
 * closes an open quote unless the line ended a sentence inside it (a quote of several
 * sentences, one per line, or of several paragraphs).
 */
const isQuote = (c: number): boolean =>
  c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e;
/** What may stand between a sentence's final mark and the space after it: `"”’»)`. */
const isCloser = (c: number): boolean =>
  c === 0x22 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;
/** A paragraph this long (in words) reads as an essay, not a news paragraph. */
const LONG_PARAGRAPH = 80;
/**
 * The type-token ratio is taken over the body's first this many letter words, so that it does
 * not fall with length alone in long articles (shorter ones still score high: satire is short).
 */
const TTR_WINDOW = 300;

/** Counts gathered by the scan of {@link genreStyle}. */
export interface StyleCounts {
  words: number;
  outside: number;
  paras: number;
  longParas: number;
  saidParas: number;
  sentences: number;
  saidSentences: number;
  saidWords: number;
  caps: number;
  quest: number;
  excl: number;
  digits: number;
  ellipses: number;
  i: number;
  we: number;
  modal: number;
  intens: number;
  /** Words of letters (not numbers) and their summed length in code units. */
  letterWords: number;
  letters: number;
  /** Distinct lower-cased words among the first {@link TTR_WINDOW} letter words, and how many those are. */
  types: number;
  window: number;
}

const per100 = (n: number, of: number): number => Math.log1p((100 * n) / Math.max(1, of));

/**
 * Where the title of a text ends, given its paragraphs (or non-empty lines) in order: the end
 * of the first when another follows it, else 0. A text of one paragraph has no title line (a
 * pasted article body, a story joined into one line): taking all of it for the title left the
 * style measures an empty body, and such texts came out satire or opinion whatever they said.
 *
 * @example titleEndOf([{ end: 12 }, { end: 80 }]) // 12; titleEndOf([{ end: 80 }]) // 0
 */
export function titleEndOf(paragraphs: readonly { end: number }[]): number {
  return paragraphs.length > 1 ? paragraphs[0]!.end : 0;
}

/**
 * Style measures of an article body (the text after `titleEnd`) that tell reporting from
 * opinion in every language of the data: how much is attributed (`said…` per sentence and per
 * paragraph), quoted, and said in the outlet's own voice (first person, modal and evaluative
 * words, intensifiers, questions and exclamations outside quotes), plus length and shape
 * (words per paragraph, long paragraphs, digits, capitalised words inside sentences,
 * ellipses) and vocabulary (distinct words among the first 300, mean word length). Rates
 * are log-scaled per 100 words; shares are in [0, 1]. Words are those of `featureWords`
 * (letters joined over an apostrophe, and numbers); paragraphs are lines.
 */
export function genreStyle(text: string, lang: string, titleEnd = 0): Record<StyleMeasure, number> {
  const c = styleCounts(text, lang, titleEnd);
  const S = Math.max(1, c.sentences);
  const P = Math.max(1, c.paras);
  return {
    words: Math.log(Math.max(1, c.words)),
    wpp: Math.log(Math.max(1, c.words) / P),
    questOut: c.quest / S,
    exclOut: c.excl / S,
    digits: per100(c.digits, c.words),
    caps: c.caps / Math.max(1, c.words),
    longPara: c.longParas / P,
    ellipsis: per100(c.ellipses, c.words),
    saidPara: c.saidParas / P,
    saidSent: c.saidSentences / S,
    saidRate: per100(c.saidWords, c.words),
    iOut: per100(c.i, c.outside),
    weOut: per100(c.we, c.outside),
    evalOut: per100(c.modal, c.outside),
    intensOut: per100(c.intens, c.outside),
    quoteShare: c.words ? Math.max(0, 1 - c.outside / c.words) : 0,
    ttr: c.window ? c.types / c.window : 0,
    wordLen: c.letterWords ? c.letters / c.letterWords : 0,
  };
}

/**
 * The counts behind {@link genreStyle}, in one pass over the body's code units (the genre
 * analyzer runs on every article: regex splits and per-sentence word lists cost four times as
 * much). A sentence ends at `.!?…` (closing quotes or brackets may follow) before white space,
 * or at a line break.
 */
export function styleCounts(text: string, lang: string, from = 0): StyleCounts {
  const cues = cueBits(lang);
  const k = charClasses();
  const n: StyleCounts = {
    words: 0,
    outside: 0,
    paras: 0,
    longParas: 0,
    saidParas: 0,
    sentences: 0,
    saidSentences: 0,
    saidWords: 0,
    caps: 0,
    quest: 0,
    excl: 0,
    digits: 0,
    ellipses: 0,
    i: 0,
    we: 0,
    modal: 0,
    intens: 0,
    letterWords: 0,
    letters: 0,
    types: 0,
    window: 0,
  };
  const seen = new Set<string>();
  let inQuote = false;
  let paraContent = false;
  let paraWords = 0;
  let paraSaid = 0;
  let sentWords = 0;
  let sentSaid = 0;
  let sentLetterWords = 0;
  let pendingEnd = false;
  let dots = 0;
  // Called once per word or number (created once per article, not per word).
  const tokenSeen = () => {
    sentWords++;
    paraWords++;
    paraContent = true;
    pendingEnd = false;
    dots = 0;
  };
  const endSentence = () => {
    if (sentWords) {
      n.sentences++;
      if (sentSaid) n.saidSentences++;
    }
    sentWords = sentSaid = sentLetterWords = 0;
    pendingEnd = false;
  };
  const endParagraph = () => {
    // A quote open at a sentence end goes on into the next line (over blank lines too).
    const carry = inQuote && (pendingEnd || !paraContent);
    endSentence();
    if (paraContent) {
      n.paras++;
      if (paraWords > LONG_PARAGRAPH) n.longParas++;
      if (paraSaid) n.saidParas++;
    }
    paraContent = false;
    paraWords = paraSaid = 0;
    inQuote = carry;
  };
  const len = text.length;
  const lower = text.toLowerCase();
  const same = lower.length === len;
  let i = from;
  while (i < len) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      endParagraph();
      dots = 0;
      i++;
      continue;
    }
    const cls = ch >= 0xd800 && ch <= 0xdfff ? 0 : k[ch]!;
    if (cls & (LETTER | MARK)) {
      const start = i;
      i++;
      while (i < len && k[text.charCodeAt(i)]! & (LETTER | MARK)) i++;
      while (
        i + 1 < len &&
        (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) &&
        k[text.charCodeAt(i + 1)]! & LETTER
      ) {
        i += 2;
        while (i < len && k[text.charCodeAt(i)]! & LETTER) i++;
      }
      // Lower-cased once for the whole text when that keeps offsets (it almost always does).
      const w = same ? lower.slice(start, i) : text.slice(start, i).toLowerCase();
      if (sentLetterWords > 0 && text.charCodeAt(start) !== w.charCodeAt(0) && isCapitalised(text, start, i))
        n.caps++;
      sentLetterWords++;
      n.letterWords++;
      n.letters += w.length;
      if (n.window < TTR_WINDOW) {
        n.window++;
        seen.add(w);
      }
      // `US` in capitals is the country: no cue (the `we` list holds the pronoun `us`).
      if (countWord(isCountryUs(text, start, i) ? COUNTRY_US : w, cues, inQuote, n) & SAID) {
        sentSaid++;
        paraSaid++;
      }
      tokenSeen();
      continue;
    }
    if (cls & DIGIT) {
      i++;
      while (i < len && k[text.charCodeAt(i)]! & DIGIT) i++;
      n.digits++;
      n.words++;
      if (!inQuote) n.outside++;
      tokenSeen();
      continue;
    }
    if (isSpace(ch)) {
      if (pendingEnd) endSentence();
      dots = 0;
      i++;
      continue;
    }
    paraContent = true;
    if (ch === 0x2e) {
      dots++;
      if (dots === 3) {
        n.ellipses++;
        dots = 0;
      }
      pendingEnd = true;
    } else {
      dots = 0;
      if (ch === 0x2026) {
        n.ellipses++;
        pendingEnd = true;
      } else if (ch === 0x3f || ch === 0x21) {
        if (!inQuote) ch === 0x3f ? n.quest++ : n.excl++;
        pendingEnd = true;
      } else if (isQuote(ch)) inQuote = quoteState(text, i, inQuote);
      else if (!isCloser(ch)) pendingEnd = false;
    }
    // A closing quote after the final mark keeps the sentence ending at the next space.
    if (isQuote(ch) && !isCloser(ch)) pendingEnd = false;
    i++;
  }
  endParagraph();
  n.types = seen.size;
  return n;
}

/** Whether the quotation mark at `i` leaves a quote open: by its place, or else it toggles. */
function quoteState(text: string, i: number, open: boolean): boolean {
  const before = i === 0 ? 0x0a : text.charCodeAt(i - 1);
  const after = i + 1 >= text.length ? 0x0a : text.charCodeAt(i + 1);
  const spaceBefore = before === 0x0a || isSpace(before) || before === 0x28;
  const spaceAfter = after === 0x0a || isSpace(after) || ENDS.has(after);
  if (spaceBefore && !spaceAfter) return true;
  if (spaceAfter && !spaceBefore) return false;
  return !open;
}

/** What may follow a closing quotation mark: `.,;:!?)…`. */
const ENDS = new Set([0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x2026]);

/** Whether `text[start, end)` has a lower-case letter after the first: `Kyiv`, not `NATO`. */
function isCapitalised(text: string, start: number, end: number): boolean {
  const rest = text.slice(start + 1, end);
  return rest !== rest.toUpperCase();
}

/**
 * Adds one lower-cased word to the counts (all words, words outside quotes, voice cues) and
 * returns its cue bits.
 */
function countWord(w: string, cues: Map<string, number> | null, inQuote: boolean, n: StyleCounts): number {
  n.words++;
  const bits = cues?.get(w) ?? 0;
  if (bits & SAID) n.saidWords++;
  if (inQuote) return bits;
  n.outside++;
  if (bits & I) n.i++;
  if (bits & WE) n.we++;
  if (bits & MODAL) n.modal++;
  if (bits & INTENS) n.intens++;
  return bits;
}
