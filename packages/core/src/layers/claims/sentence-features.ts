import { hashString, logBucket, type SparseVector } from '../../models/features.js';
import { cueWords } from '../../models/words.js';
import { addStems, addSubjectivityCues } from '../subjectivity/cue-features.js';
import lexiconEn from './lexicon.en.json' with { type: 'json' };
import lexiconRu from './lexicon.ru.json' with { type: 'json' };
import { sentenceWords } from './words.js';

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

/**
 * A compiled lexicon by class numbers, for counting without a map: word → class numbers (in
 * the lexicon's order), the hash of each `c:<class>` name, and scratch counts.
 */
interface ClassTable {
  names: string[];
  classes: Map<string, number[]>;
  present: number[];
  /** Per class: hashes of `c:<class>=<logBucket(n)>` for counts n < 64, filled on first use. */
  buckets: number[][];
  counts: Int32Array;
  touched: number[];
}

const tables = new WeakMap<CompiledLexicon, ClassTable>();

function classTable(lex: CompiledLexicon): ClassTable {
  let t = tables.get(lex);
  if (!t) {
    const num = new Map<string, number>();
    const classes = new Map<string, number[]>();
    for (const [w, cls] of lex)
      classes.set(
        w,
        cls.map((c) => {
          const i = num.get(c) ?? num.size;
          num.set(c, i);
          return i;
        }),
      );
    const names = [...num.keys()];
    t = {
      names,
      classes,
      present: names.map((n) => hashString(`c:${n}`)),
      buckets: names.map(() => []),
      counts: new Int32Array(names.length),
      touched: [],
    };
    tables.set(lex, t);
  }
  return t;
}

// Hash of `c:<class>=<logBucket(n)>` (FNV continues from the hash of `c:<class>`).
function bucketHash(t: ClassTable, c: number, n: number): number {
  if (n >= 64) return hashString(`=${logBucket(n)}`, t.present[c]!);
  const row = t.buckets[c]!;
  let h = row[n];
  if (h === undefined) {
    h = hashString(`=${logBucket(n)}`, t.present[c]!);
    row[n] = h;
  }
  return h;
}

// Hashes of `len=<logBucket(n)>` and `caps=<logBucket(n)>` for n < 256, made on first use.
const LEN_H: number[] = [];
const CAPS_H: number[] = [];

function addCount(out: Sink, prefix: string, made: number[], n: number): void {
  let h = n < 256 ? made[n] : undefined;
  if (h === undefined) {
    h = hashString(`${prefix}${logBucket(n)}`);
    if (n < 256) made[n] = h;
  }
  out.hashed(h, 1, out.names && `${prefix}${logBucket(n)}`);
}

// Surface patterns that hold whatever the language: they carry most of what makes a
// sentence checkable (figures, money, years) or personal (exclamation, question). Those that
// need a digit are only tried when there is one.
const DIGIT_PATTERNS: [string, RegExp][] = [
  ['pct', /\d\s?%|\d\s?(?:percent|per cent|процент)/i],
  ['money', /[$€£₽]\s?\d|\d\s?(?:dollars|euros|pounds|rubles|roubles|руб)/i],
  ['bignum', /\d\s?(?:million|billion|trillion|thousand|млн|млрд|тыс)/i],
  ['year', /\b(?:19|20)\d\d\b/],
];
// `/\d/`, `/["“”«»]/`, `/!/`, `/\?/` and `/\(/` of a sentence, found in one pass (bits).
const DIGIT = 1;
const MARKS: [string, number][] = [
  ['p:quote', 2],
  ['p:excl', 4],
  ['p:question', 8],
  ['p:paren', 16],
];

function surfaceMarks(text: string): number {
  let m = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m |= DIGIT;
    else if (c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb) m |= 2;
    else if (c === 33) m |= 4;
    else if (c === 63) m |= 8;
    else if (c === 40) m |= 16;
  }
  return m;
}

// FNV-1a continued from `seed` over `s.slice(from, to)`: the same value `hashString` gives
// for the concatenated name, without building the string (this is the hot loop).
function fnv(s: string, seed: number, from = 0, to = s.length): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEED_W = hashString('w:');
const SEED_G = hashString('g:');
const SEED_S = hashString('s:');
const ANGLE_L = '<'.charCodeAt(0);
const ANGLE_R = '>'.charCodeAt(0);

// Hashes of the few fixed feature names (`c:eval`, `len=4-7`, `p:money`), computed once.
const nameHashes = new Map<string, number>();

/** A sparse vector under construction; `names` only when explanations were asked for. */
class Sink {
  idx: number[] = [];
  val: number[] = [];
  names: string[] | undefined;
  constructor(
    private readonly mask: number,
    keepNames: boolean,
  ) {
    if (keepNames) this.names = [];
  }
  /** Adds a pre-hashed feature; `name` is only read when names are kept. */
  hashed(h: number, value: number, name?: string): void {
    this.idx.push(h & this.mask);
    this.val.push(value);
    this.names?.push(name!);
  }
  add(name: string, value = 1): void {
    let h = nameHashes.get(name);
    if (h === undefined) {
      h = hashString(name);
      if (nameHashes.size < 4096) nameHashes.set(name, h);
    }
    this.hashed(h, value, name);
  }
}

const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193) >>> 0;

/** Which feature groups a sentence model uses. */
interface Groups {
  chars: boolean;
  suffixes: boolean;
  bigrams: boolean;
}

// Character 3–5-grams of `<w>`, each hashed once by extending from every start position
// (five FNV steps per position rather than twelve).
function charGrams(w: string, out: Sink): void {
  const len = w.length + 2;
  const at = (j: number) => (j === 0 ? ANGLE_L : j === len - 1 ? ANGLE_R : w.charCodeAt(j - 1));
  for (let i = 0; i + 3 <= len; i++) {
    let h = SEED_G;
    for (let j = i; j < i + 5 && j < len; j++) {
      h = step(h, at(j));
      if (j - i >= 2) out.hashed(h, 0.5, out.names && `g:${`<${w}>`.slice(i, j + 1)}`);
    }
  }
}

// Mixes a 32-bit hash (murmur3's finaliser): bigram and unigram buckets derive from one FNV
// pass per word instead of one pass per feature name.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const START = fnv('<s>', SEED_W);
const END = fnv('</s>', SEED_W);

function ngrams(words: readonly string[], out: Sink, g: Groups): void {
  const keep = out.names !== undefined;
  let prev = START;
  let prevWord = '<s>';
  for (const w of words) {
    const h = fnv(w, SEED_W);
    out.hashed(h, 1, keep ? `w:${w}` : undefined);
    if (g.bigrams) out.hashed(mix(Math.imul(prev, 31) ^ h), 1, keep ? `b:${prevWord}_${w}` : undefined);
    prev = h;
    prevWord = w;
    // Word endings carry part of speech and register (`-ly`, `-ous`, `-est`) at one hash a word.
    if (g.suffixes && w.length > 4)
      out.hashed(fnv(w, SEED_S, w.length - 3), 0.5, keep ? `s:${w.slice(-3)}` : undefined);
    if (g.chars) charGrams(w, out);
  }
  if (g.bigrams && words.length)
    out.hashed(mix(Math.imul(prev, 31) ^ END), 1, keep ? `b:${prevWord}_</s>` : undefined);
}

// `/\d/.test(w)` (0–9) without the regular expression: it ran on every Cyrillic word.
function hasAsciiDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Case facts of single code units, filled on first sight: 1 known, 2 when the unit is its own
// lower case (`ch === ch.toLowerCase()`), 4 when it is its own upper case, 8 when its lower
// and upper case differ. A one-unit string maps the same wherever it stands, so the table
// answers what `text[i].toLowerCase()` did without making strings.
const CASE = new Uint8Array(0x10000);

function caseOf(c: number): number {
  let v = CASE[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    v = 1 | (ch === lower ? 2 : 0) | (ch === upper ? 4 : 0) | (lower !== upper ? 8 : 0);
    CASE[c] = v;
  }
  return v;
}

/**
 * Counts words that start with a capital letter after a space that follows a letter, digit or
 * `,;:` — capitalised words inside the sentence, mostly names. A character scan: the
 * equivalent look-behind regular expression was the costliest step of the features.
 */
function capitalisedInside(text: string): number {
  let n = 0;
  for (let i = 2; i < text.length; i++) {
    if (text.charCodeAt(i - 1) !== 32) continue;
    // ASCII decides by code (A–Z); only other characters need the case-mapping test.
    const code = text.charCodeAt(i);
    if (code < 128 ? code < 65 || code > 90 : (caseOf(code) & 2) !== 0) continue;
    const d = text.charCodeAt(i + 1);
    if (!(d >= 97 && d <= 122) && !(d > 127 && (caseOf(d) & 4) === 0)) continue;
    const b = text.charCodeAt(i - 2);
    if (b === 44 || b === 59 || b === 58 || (b >= 48 && b <= 57) || (caseOf(b) & 8) !== 0) n++;
  }
  return n;
}

/**
 * The features of one sentence: lower-cased word unigrams `w:` and bigrams `b:` (digits folded
 * to `0`), optionally character 3–5-grams `g:` and word endings `s:`, all
 * scaled together to unit length; then word-class counts from the lexicon (`c:eval`,
 * `c:modal`), surface patterns (`p:money`, `p:year`), capitalised non-initial words and a length
 * bucket. Training and run time share this function.
 */
function sentenceFeatures(text: string, words: string[], lex: CompiledLexicon, out: Sink, g: Groups): void {
  // Words are letter runs or digit runs: only a digit run (its first character a digit, or
  // beyond ASCII) can hold a 0–9, so most words are passed over without a regular expression.
  for (let k = 0; k < words.length; k++) {
    const c = words[k]!.charCodeAt(0);
    if (((c >= 48 && c <= 57) || c >= 128) && hasAsciiDigit(words[k]!))
      words[k] = words[k]!.replace(/\d/g, '0');
  }
  ngrams(words, out, g);
  let ss = 0;
  for (const v of out.val) ss += v * v;
  if (ss > 0) {
    const k = 1 / Math.sqrt(ss);
    for (let i = 0; i < out.val.length; i++) out.val[i]! *= k;
  }
  // Class counts in the order classes are first met (the order the features were always
  // added in), with class numbers and pre-hashed names instead of a map and built strings.
  const t = classTable(lex);
  const counts = t.counts;
  const touched = t.touched;
  touched.length = 0;
  // The lexicon reads `US` in capitals as the country, not the pronoun `us` (`cueWords`).
  const cw = cueWords(text, words);
  for (let k = 0; k < cw.length; k++) {
    const cls = t.classes.get(cw[k]!);
    if (cls)
      for (let j = 0; j < cls.length; j++) {
        const c = cls[j]!;
        if (counts[c]++ === 0) touched.push(c);
      }
  }
  for (let k = 0; k < touched.length; k++) {
    const c = touched[k]!;
    const n = counts[c]!;
    counts[c] = 0;
    out.hashed(t.present[c]!, 1, out.names && `c:${t.names[c]}`);
    out.hashed(bucketHash(t, c, n), 1, out.names && `c:${t.names[c]}=${logBucket(n)}`);
  }
  const m = surfaceMarks(text);
  if (m & DIGIT) {
    out.add('p:num');
    for (const [name, re] of DIGIT_PATTERNS) if (re.test(text)) out.add(`p:${name}`);
  }
  for (let k = 0; k < MARKS.length; k++) if (m & MARKS[k]![1]) out.add(MARKS[k]![0]);
  addCount(out, 'len=', LEN_H, words.length);
  const caps = capitalisedInside(text);
  if (caps) addCount(out, 'caps=', CAPS_H, caps);
  out.add('bias');
}

/** Feature settings a sentence model was trained with (stored in its file's `meta`). */
export interface SentenceModelSettings {
  bits: number;
  /** Character 3–5-grams of every word (slow; off in the shipped models). */
  chars: boolean;
  /** The last three letters of words longer than four. */
  suffixes?: boolean;
  /** Word bigrams (default on). */
  bigrams?: boolean;
  /** The subjectivity cue features of `layers/subjectivity/cue-features.ts` (`k:` names). */
  cues?: boolean;
  /** Word stems and endings of `layers/subjectivity/cue-features.ts` (`t:`, `e:` names). */
  stems?: boolean;
  /** Feminine third-person pronouns read as masculine ({@link neutralPronouns}). */
  neutral?: boolean;
}

// English feminine third-person pronouns (as `sentenceWords` gives them) and the masculine
// word each is read as.
const MASCULINE = new Map([
  ['she', 'he'],
  ['her', 'his'],
  ['hers', 'his'],
  ['herself', 'himself'],
  ["she's", "he's"],
  ["she'd", "he'd"],
  ["she'll", "he'll"],
  ['she’s', 'he’s'],
  ['she’d', 'he’d'],
  ['she’ll', 'he’ll'],
]);

/** Whether `words` (lower-cased `sentenceWords`) hold a pronoun {@link neutralPronouns} rewrites. */
export function hasFemininePronoun(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (MASCULINE.has(words[i]!)) return true;
  return false;
}

/**
 * Rewrites, in place, the feminine third-person pronouns of `words` (lower-cased
 * `sentenceWords`) as masculine ones (`she` → `he`, `her` → `his`); returns whether any was.
 * The check-worthiness data confounds pronoun gender with period: no major-party candidate
 * in the debates before 2016 was a woman, so `she` and `her` spoke of third parties and were
 * rarely check-worthy (14 % and 9 % `Yes`), while in 2016 they name the opponent (35 %, 38 %).
 * A model that learns this scores a claim about a woman lower than the same claim about a
 * man; read as one gender the pronouns carry what they say, not whom.
 */
export function neutralPronouns(words: string[]): boolean {
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const to = MASCULINE.get(words[i]!);
    if (to !== undefined) {
      words[i] = to;
      changed = true;
    }
  }
  return changed;
}

// Builds the features of one sentence into a sink; returns where the model-specific groups
// (cues, stems) begin.
function build(
  text: string,
  lang: string,
  settings: SentenceModelSettings,
  out: Sink,
  words: readonly string[] | undefined,
): number {
  const w = words ? [...words] : sentenceWords(text);
  if (settings.neutral) neutralPronouns(w);
  sentenceFeatures(text, w, lexiconFor(lang), out, {
    chars: settings.chars,
    suffixes: settings.suffixes ?? false,
    bigrams: settings.bigrams ?? true,
  });
  const shared = out.idx.length;
  if (settings.cues) addSubjectivityCues(text, w, lang, out);
  if (settings.stems) addStems(w, out);
  return shared;
}

/**
 * The feature vector of one sentence for a model trained with `settings`. `words` may pass
 * the sentence's `sentenceWords` when the caller has them already.
 */
export function sentenceVector(
  text: string,
  lang: string,
  settings: SentenceModelSettings,
  keepNames = false,
  words?: readonly string[],
): SparseVector {
  const out = new Sink((1 << settings.bits) - 1, keepNames);
  build(text, lang, settings, out, words);
  return out.names ? { idx: out.idx, val: out.val, names: out.names } : { idx: out.idx, val: out.val };
}

/**
 * The vector of {@link sentenceVector} and `shared`, the number of its features that come
 * before the groups only some models use (`cues`, `stems`): a model trained without those
 * groups scores the first `shared` features of the same vector (the joint scorer).
 */
export function splitSentenceVector(
  text: string,
  lang: string,
  settings: SentenceModelSettings,
  words?: readonly string[],
): { idx: number[]; val: number[]; shared: number } {
  const out = new Sink((1 << settings.bits) - 1, false);
  const shared = build(text, lang, settings, out, words);
  return { idx: out.idx, val: out.val, shared };
}
