import { FeatureHasher, featureWords, logBucket, type SparseVector } from '../../models/features.js';
import lexiconEn from './lexicon.en.json' with { type: 'json' };
import lexiconRu from './lexicon.ru.json' with { type: 'json' };

/** Word classes of one language: class name → lower-case words. */
export interface Lexicon {
  words: Record<string, string[]>;
}

/** A lexicon compiled for lookup: word → the classes it belongs to. */
export type CompiledLexicon = Map<string, string[]>;

const compiled = new Map<string, CompiledLexicon>();

/** Compiles a lexicon's word lists into one lookup table. */
export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const m: CompiledLexicon = new Map();
  for (const [cls, words] of Object.entries(lex.words))
    for (const w of words) {
      const list = m.get(w);
      if (list) list.push(cls);
      else m.set(w, [cls]);
    }
  return m;
}

/** The word-class lexicon for `lang` (English for languages without one of their own). */
export function lexiconFor(lang: string): CompiledLexicon {
  const key = lang === 'ru' ? 'ru' : 'en';
  let lex = compiled.get(key);
  if (!lex) {
    lex = compileLexicon((key === 'ru' ? lexiconRu : lexiconEn) as Lexicon);
    compiled.set(key, lex);
  }
  return lex;
}

// Surface patterns that hold whatever the language: they carry most of what makes a
// sentence checkable (figures, money, years) or personal (exclamation, question).
const PATTERNS: [string, RegExp][] = [
  ['num', /\d/],
  ['pct', /\d\s?%|percent|per cent|процент/i],
  ['money', /[$€£₽]\s?\d|\d\s?(?:dollars|euros|pounds|rubles|roubles|руб)/i],
  ['bignum', /\d[\d.,]*\s?(?:million|billion|trillion|thousand|млн|млрд|тыс)/i],
  ['year', /\b(?:19|20)\d\d\b/],
  ['quote', /["“”«»]/],
  ['excl', /!/],
  ['question', /\?/],
  ['paren', /\(/],
];

/** Options of {@link sentenceFeatures}. */
export interface SentenceFeatureOptions {
  /** Add character 3–5-grams of words (slower, helps with small training sets). */
  chars?: boolean;
}

/**
 * Adds the features of one sentence to `h`: lower-cased word unigrams and bigrams (digits
 * folded to `0`, length-normalised), word-class counts from the lexicon (`c:eval`, `c:modal`),
 * surface patterns (`p:money`, `p:year`), capitalised non-initial words and a length bucket.
 * Training and run time call this same function, which keeps the two consistent.
 */
export function sentenceFeatures(
  text: string,
  lex: CompiledLexicon,
  h: FeatureHasher,
  options: SentenceFeatureOptions = {},
): void {
  const words = featureWords(text).map((w) => (/\d/.test(w) ? w.replace(/\d/g, '0') : w));
  const from = h.size;
  let prev = '<s>';
  for (const w of words) {
    h.add(`w:${w}`);
    h.add(`b:${prev}_${w}`);
    prev = w;
  }
  if (words.length) h.add(`b:${prev}_</s>`);
  if (options.chars) {
    for (const w of words) {
      const p = `<${w}>`;
      for (let n = 3; n <= 5; n++)
        for (let i = 0; i + n <= p.length; i++) h.add(`g:${p.slice(i, i + n)}`, 0.5);
    }
  }
  h.normalize(from);
  const counts = new Map<string, number>();
  for (const w of words) {
    const cls = lex.get(w);
    if (cls) for (const c of cls) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  for (const [c, n] of counts) {
    h.add(`c:${c}`);
    h.add(`c:${c}=${logBucket(n)}`);
  }
  for (const [name, re] of PATTERNS) if (re.test(text)) h.add(`p:${name}`);
  h.add(`len=${logBucket(words.length)}`);
  const caps = text.match(/(?<=[\p{L}\p{N},;:] )\p{Lu}\p{Ll}+/gu);
  if (caps) h.add(`caps=${logBucket(caps.length)}`);
  h.add('bias');
}

/** Feature settings a sentence model was trained with (stored in its file's `meta`). */
export interface SentenceModelSettings {
  bits: number;
  chars: boolean;
}

/** The feature vector of one sentence for a model trained with `settings`. */
export function sentenceVector(
  text: string,
  lang: string,
  settings: SentenceModelSettings,
  keepNames = false,
): SparseVector {
  const h = new FeatureHasher(settings.bits, keepNames);
  sentenceFeatures(text, lexiconFor(lang), h, { chars: settings.chars });
  return h.vector();
}
