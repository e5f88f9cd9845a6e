import { hashString } from '../../models/features.js';
import { cueWords } from '../../models/words.js';
import cuesEn from './cues.en.json' with { type: 'json' };

/** Subjectivity cues of one language, as written in `cues.<lang>.json`. */
export interface SubjectivityCues {
  /** Class name → lower-case words (`evalNeg`, `hedge`, `first`, …). */
  words: Record<string, string[]>;
  /** Class name → word endings that stand for the class (`adverbLy: ["ly"]`). */
  suffixes: Record<string, string[]>;
  /** Words with such an ending that are not of its class (`only`, `family`, `public`). */
  notSuffixed: string[];
}

/** Cues compiled for lookup: class numbers, and the hashes of every feature name made once. */
interface CompiledCues {
  names: string[];
  /** Word → the numbers of its classes. */
  classes: Map<string, number[]>;
  /** `[ending, class number]`, longest ending first. */
  endings: [string, number][];
  /** The same endings grouped by their last letter's code (one lookup rules most words out). */
  byLast: Map<number, [string, number][]>;
  /** Scratch counts per class (all zero between calls) and the classes touched. */
  counts: Int32Array;
  touched: number[];
  exempt: Set<string>;
  /** Per class: the hash of `k:<class>`. */
  present: number[];
  /** Per class: hashes of `k:<class>=<bucket>` for counts 1, 2–3, 4–7, 8+ (index 0..3). */
  buckets: number[][];
  evaluative: boolean[];
}

/** Where features go: the sentence-feature sink (pre-hashed names; `names` when explaining). */
export interface CueSink {
  hashed(h: number, value: number, name?: string): void;
  readonly names: string[] | undefined;
}

const SOURCES: Record<string, SubjectivityCues> = { en: cuesEn as SubjectivityCues };
const compiled = new Map<string, CompiledCues | null>();
const BUCKETS = ['1', '2-3', '4-7', '8-15'];
// Classes that carry the writer's own judgement; their share of the words is one feature.
const EVALUATIVE = new Set(['evalPos', 'evalNeg', 'emotion', 'stance', 'certainty', 'intens']);

/** Compiles cue lists into class numbers, a word → classes table and ordered endings. */
export function compileCues(c: SubjectivityCues): CompiledCues {
  const names = [...new Set([...Object.keys(c.words), ...Object.keys(c.suffixes)])];
  const num = new Map(names.map((n, i) => [n, i]));
  const classes = new Map<string, number[]>();
  for (const [cls, words] of Object.entries(c.words))
    for (const w of words) {
      const list = classes.get(w);
      if (!list) classes.set(w, [num.get(cls)!]);
      else if (!list.includes(num.get(cls)!)) list.push(num.get(cls)!);
    }
  const endings: [string, number][] = [];
  for (const [cls, ends] of Object.entries(c.suffixes))
    for (const e of ends) endings.push([e, num.get(cls)!]);
  endings.sort((a, b) => b[0].length - a[0].length);
  const byLast = new Map<number, [string, number][]>();
  for (const e of endings) {
    const last = e[0].charCodeAt(e[0].length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), e]);
  }
  return {
    names,
    classes,
    endings,
    byLast,
    counts: new Int32Array(names.length),
    touched: [],
    exempt: new Set(c.notSuffixed),
    present: names.map((n) => hashString(`k:${n}`)),
    buckets: names.map((n) => BUCKETS.map((b) => hashString(`k:${n}=${b}`))),
    evaluative: names.map((n) => EVALUATIVE.has(n)),
  };
}

function cuesFor(lang: string): CompiledCues | undefined {
  let c = compiled.get(lang);
  if (c === undefined) {
    const src = SOURCES[lang];
    c = src ? compileCues(src) : null;
    compiled.set(lang, c);
  }
  return c ?? undefined;
}

const OPENERS = new Set(['but', 'and', 'yet', 'so', 'still', 'thus', 'then', 'or', 'nor', 'now']);
const WH = new Set([
  'what',
  'why',
  'how',
  'who',
  'where',
  'is',
  'are',
  'does',
  'do',
  'can',
  'should',
  'will',
]);
// Short spans in curly or double quotes: scare quotes (`the “experts”`), not speech.
const QUOTED = /[“"‘]([^“”"‘’\n]{1,60})[”"’]/g;
const QUOTE_MARK = /["“‘«]/;

/** Counts of the quoted spans of `text`: short ones (1–3 words) and speech-length ones. */
export function quotedSpans(text: string): { scare: number; speech: number } {
  let scare = 0;
  let speech = 0;
  if (!QUOTE_MARK.test(text)) return { scare, speech };
  for (const m of text.matchAll(QUOTED)) {
    const n = m[1]!.trim().split(/\s+/).length;
    if (n <= 3) scare++;
    else speech++;
  }
  if (/^\s*[“"‘«]/.test(text)) speech++;
  return { scare, speech };
}

// Hashes of the fixed surface-feature names, made once.
const SURFACE = [
  'k:endQ',
  'k:whQ',
  'k:excl',
  'k:scare=1',
  'k:scare=2-3',
  'k:speech',
  'k:dash',
  'k:semicolon',
  'k:opener',
] as const;
const H = Object.fromEntries(SURFACE.map((n) => [n, hashString(n)])) as Record<
  (typeof SURFACE)[number],
  number
>;
const SHARE = [0, 1, 2, 3, 4].map((i) => `k:evalShare=${i}`);
const SHARE_H = SHARE.map((n) => hashString(n));

function put(out: CueSink, name: (typeof SURFACE)[number]): void {
  out.hashed(H[name], 1, name);
}

const bucketOf = (n: number) => (n <= 1 ? 0 : n <= 3 ? 1 : n <= 7 ? 2 : 3);

// Marks of one sentence, found in one pass over its characters.
function marks(text: string): {
  excl: boolean;
  semicolon: boolean;
  quote: boolean;
  dash: boolean;
  endQ: boolean;
} {
  let excl = false;
  let semicolon = false;
  let quote = false;
  let dash = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) excl = true;
    else if (c === 59) semicolon = true;
    else if (c === 34 || c === 0x201c || c === 0x2018 || c === 0xab) quote = true;
    else if (c === 0x2014 || c === 0x2013) dash = true;
    else if (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) dash = true;
    if (c > 32) last = c;
  }
  return { excl, semicolon, quote, dash, endQ: last === 63 };
}

/**
 * Adds the subjectivity cue features of one sentence (`k:` names): counts of the word classes
 * of `cues.<lang>.json`, word-ending classes (`-ly`, `-ous`, `-est`) of words not listed, the
 * share of evaluative words, and surface marks (a question that ends the sentence, a
 * wh-question, exclamation, scare quotes, quoted speech, a dash, an opening conjunction).
 * These generalise past the few hundred training sentences in a way word n-grams cannot.
 * `words` are the sentence's `sentenceWords`.
 */
export function addSubjectivityCues(
  text: string,
  words: readonly string[],
  lang: string,
  out: CueSink,
): void {
  const cues = cuesFor(lang);
  if (cues) {
    const counts = cues.counts;
    const touched = cues.touched;
    touched.length = 0;
    let evaluative = 0;
    // `US` in capitals is the country, not the pronoun `us` of the `first` class (`cueWords`).
    const cw = cueWords(text, words);
    for (let i = 0; i < cw.length; i++) {
      const w = cw[i]!;
      const cls = cues.classes.get(w);
      if (cls) {
        let e = false;
        for (let j = 0; j < cls.length; j++) {
          const c = cls[j]!;
          if (counts[c]++ === 0) touched.push(c);
          if (cues.evaluative[c]) e = true;
        }
        if (e) evaluative++;
        continue;
      }
      if (w.length < 5) continue;
      const ends = cues.byLast.get(w.charCodeAt(w.length - 1));
      if (!ends) continue;
      for (let j = 0; j < ends.length; j++)
        if (w.endsWith(ends[j]![0])) {
          // The exception list is consulted only for a word with a class ending (most have none).
          if (cues.exempt.has(w)) break;
          const c = ends[j]![1];
          if (counts[c]++ === 0) touched.push(c);
          break;
        }
    }
    touched.sort((a, b) => a - b);
    for (const c of touched) {
      const b = bucketOf(counts[c]!);
      counts[c] = 0;
      out.hashed(cues.present[c]!, 1, out.names && `k:${cues.names[c]}`);
      out.hashed(cues.buckets[c]![b]!, 1, out.names && `k:${cues.names[c]}=${BUCKETS[b]}`);
    }
    const share = words.length ? evaluative / words.length : 0;
    const b = share === 0 ? 0 : share < 0.05 ? 1 : share < 0.1 ? 2 : share < 0.2 ? 3 : 4;
    out.hashed(SHARE_H[b]!, 1, SHARE[b]);
  }
  const m = marks(text);
  if (m.endQ) {
    put(out, 'k:endQ');
    if (WH.has(words[0] ?? '')) put(out, 'k:whQ');
  }
  if (m.excl) put(out, 'k:excl');
  if (m.quote) {
    const q = quotedSpans(text);
    if (q.scare) put(out, q.scare === 1 ? 'k:scare=1' : 'k:scare=2-3');
    if (q.speech) put(out, 'k:speech');
  }
  if (m.dash) put(out, 'k:dash');
  if (m.semicolon) put(out, 'k:semicolon');
  if (OPENERS.has(words[0] ?? '')) put(out, 'k:opener');
}

const SEED_T = hashString('t:');
const SEED_E = hashString('e:');

/**
 * Adds word stems (`t:` + the first five letters of words of seven letters or more) and
 * endings (`e:` + the last four), each at 0.5: a cheap stand-in for character n-grams that
 * lets `disenchanted` and `disenchantment` share a weight. Hashed from the word itself (FNV
 * continued from the prefix's hash), without building the names.
 */
export function addStems(words: readonly string[], out: CueSink): void {
  for (const w of words) {
    if (w.length < 7) continue;
    out.hashed(hashString(w, SEED_T, 5), 0.5, out.names && `t:${w.slice(0, 5)}`);
    let h = SEED_E;
    for (let i = w.length - 4; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    out.hashed(h >>> 0, 0.5, out.names && `e:${w.slice(-4)}`);
  }
}
