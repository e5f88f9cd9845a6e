import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelUrl } from '../../models/dir.js';
import { hashString, type SparseVector } from '../../models/features.js';
import { type LinearModel, parseLinearModel } from '../../models/linear.js';
import type { ModelRegistry } from '../../models/registry.js';
import type { Span } from '../../schema.js';
import { type Candidate, matchAt, subjectAt } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './quote-marks.js';
import { isCap, isTerminal, type NpRange, OPENERS, type Tok, walkBack } from './tok.js';
import { loadVerbClasses, VERB_CLASSES, type VerbClasses } from './wordnet.js';

/**
 * Attributions the cue rules do not know. News text reports speech, thoughts and stances through
 * thousands of words (`balked at`, `trashes`, `is quick to point out`, `pivot sharply from`); a
 * list cannot hold them, but their context gives them away: a subject before, content after.
 * A learned model (`models/quotes/cues.<lang>.json`, trained on PolNeAR by
 * `newsprism train quotes-learned`) scores every word not already inside a rule's attribution
 * as the last word of a cue whose content follows it; the content runs to the next clause
 * mark (`,` `;` `(` dash) or the sentence end, and the speaker is the noun phrase before the cue.
 */

/** Hash bits of the learned-cue model. */
export const LEARNED_CUE_BITS = 16;

/** Words that never end a cue (articles, pronouns, forms of `be`, conjunctions): not scored. */
const NEVER = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'i',
  'he',
  'she',
  'it',
  'we',
  'they',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'this',
  'these',
  'those',
  'which',
  'who',
  'whom',
  'there',
  'not',
  'also',
  'very',
  'more',
  'most',
  'than',
  'then',
  'so',
  'if',
  'while',
  'when',
  'where',
  'because',
  'after',
  'before',
  'since',
  'mr',
  'ms',
  'mrs',
  'dr',
]);

/** Words that open a clause or an infinitive as reported content. */
const CLAUSE_OPENERS = new Set(['that', 'to', 'whether', 'if', 'how', 'what', 'why', 'who', 'when', 'where']);
/** Words that open an adjunct after a noun-phrase content (`… the race before making …`). */
const ADJUNCTS = new Set(['before', 'after', 'despite', 'during', 'while', 'because', 'since', 'until']);

/** Words that complete the cue of the word before them (`balked at`, `pointed to`). */
const PARTICLES = new Set([
  'at',
  'to',
  'of',
  'for',
  'on',
  'about',
  'with',
  'against',
  'from',
  'into',
  'over',
  'up',
  'out',
]);

/** Marks that end a learned content. */
const CLAUSE_MARKS = new Set([',', ';', '(', '—', '–', '--']);

const shape = (t: Tok | undefined): string => {
  if (!t) return '$';
  if (t.kind === 'punct') return t.w;
  if (t.kind === 'number') return '0';
  return isCap(t) ? 'X' : 'x';
};
const form = (t: Tok | undefined): string => (t ? (t.kind === 'word' ? t.lw : shape(t)) : '$');

/** Length of a crude stem (the word less `-ing`, `-ed`, `-es`, `-s`), so `trashes` and `trashed` share a weight. */
const stemLength = (w: string): number => {
  const n = w.length;
  if (n > 3 && w.endsWith('ing')) return n - 3;
  if (n > 2 && (w.endsWith('ed') || w.endsWith('es'))) return n - 2;
  return n > 1 && w[n - 1] === 's' ? n - 1 : n;
};

/** FNV-1a of `s` from code unit `from` on. */
function hashFrom(s: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, from); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes a value's hash with a feature family's salt (a murmur3 finaliser): one bucket per (family, value). */
function mix(h: number, salt: number): number {
  let x = Math.imul(h ^ salt, 0xcc9e2d51);
  x ^= x >>> 15;
  x = Math.imul(x, 0x1b873593);
  x ^= x >>> 13;
  return x >>> 0;
}

/** Feature families: each value's hash is mixed with its family's salt. */
const S_W = hashString('w');
const S_ST = hashString('st');
const S_S = hashString('s');
const S_P = hashString('p');
const S_PS = hashString('ps');
const S_PP = hashString('pp');
const S_N = hashString('n');
const S_NS = hashString('ns');
const S_N2 = hashString('n2');
const S_POS = hashString('pos');
const S_REST = hashString('rest');
const S_LEX = hashString('lex');
const S_WN = hashString('wn');
const S_PW = hashString('pw');
const S_SUBJ = hashString('subj');
const S_WV = hashString('wv');
const BIAS_HASH = mix(0, hashString('bias'));

/** The hashed feature "the cue ends with this word" (`w=<word>`), to build a model by hand. */
export const wordFeature = (word: string): number => mix(hashString(word), S_W);
const BUCKETS = ['0', '1', '2', '3-4', '5-8', '9-16', '17+'];
const bucketOf = (n: number): number => (n <= 2 ? n : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : 6);
const SUBJ = ['none', 'pron', 'cap'];

/** Token flags. */
const CANDIDATE = 1;
const PRONOUN = 2;
const CAP = 4;
const DISTANCING = 8;
const VERB = 16;
const EVALUATIVE = 32;
/** Lexicon flag: never scored (function words, relay verbs). */
const NEVER_SCORED = 64;

/**
 * The lexicon's word lists as flags by word hash, in a small open-addressing table: per token
 * this is one probe of a few kilobytes, where string- or number-keyed `Map`s and `Set`s cost
 * several times more (32-bit FNV over a few thousand words: a collision is negligible, and would
 * only set a flag on a rare word).
 */
class WordFlags {
  private readonly keys: Uint32Array;
  private readonly used: Uint8Array;
  private readonly vals: Uint8Array;
  private readonly mask: number;
  constructor(entries: Map<number, number>) {
    let size = 64;
    while (size < entries.size * 4) size *= 2;
    this.keys = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.vals = new Uint8Array(size);
    this.mask = size - 1;
    for (const [h, f] of entries) {
      let i = h & this.mask;
      while (this.used[i] && this.keys[i] !== h) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.keys[i] = h;
      this.vals[i]! |= f;
    }
  }
  get(h: number): number {
    let i = h & this.mask;
    while (this.used[i]) {
      if (this.keys[i] === h) return this.vals[i]!;
      i = (i + 1) & this.mask;
    }
    return 0;
  }
}

const wordFlagsByLexicon = new WeakMap<Lexicon, WordFlags>();
function wordFlags(lex: Lexicon): WordFlags {
  let t = wordFlagsByLexicon.get(lex);
  if (!t) {
    const m = new Map<number, number>();
    const add = (words: Iterable<string>, f: number) => {
      for (const w of words) {
        const h = hashString(w);
        m.set(h, (m.get(h) ?? 0) | f);
      }
    };
    // A relay verb's object is the speaker, never the content (`citing a senior US official`).
    const relay = [...lex.relay].flatMap((l) => {
      const st = l.replace(/e$/, '');
      return [l, `${l}s`, `${l}d`, `${st}ed`, `${st}es`, `${st}ing`];
    });
    add([...NEVER, ...relay], NEVER_SCORED);
    add(lex.pronouns.keys(), PRONOUN);
    add(lex.distancing.keys(), DISTANCING);
    add(lex.verbs.keys(), VERB);
    add(
      [...lex.evaluative].filter((w) => !lex.verbs.has(w)),
      EVALUATIVE,
    );
    t = new WordFlags(m);
    wordFlagsByLexicon.set(lex, t);
  }
  return t;
}

const EDGE_HASH = hashString('$');
const SHAPE_X = hashString('X');
const SHAPE_LOWER = hashString('x');

/** Per-sentence token hashes and flags (index 0 = the sentence's first token), reused. */
class SentenceInfo {
  form = new Uint32Array(256);
  shape = new Uint32Array(256);
  flags = new Uint8Array(256);
  skip = new Uint8Array(256);

  fill(toks: readonly Tok[], a: number, b: number, lex: WordFlags): void {
    const n = b - a;
    if (n > this.form.length) {
      this.form = new Uint32Array(n * 2);
      this.shape = new Uint32Array(n * 2);
      this.flags = new Uint8Array(n * 2);
      this.skip = new Uint8Array(n * 2);
    }
    this.skip.fill(0, 0, n);
    for (let k = 0; k < n; k++) {
      const t = toks[a + k]!;
      if (t.kind === 'word') {
        const h = hashString(t.lw);
        const cap = t.w.charCodeAt(0) !== t.lw.charCodeAt(0);
        const lf = lex.get(h);
        let f = lf & (PRONOUN | DISTANCING | VERB | EVALUATIVE);
        if (cap) f |= CAP;
        else if (!(lf & NEVER_SCORED)) f |= CANDIDATE;
        this.form[k] = h;
        this.shape[k] = cap ? SHAPE_X : SHAPE_LOWER;
        this.flags[k] = f;
      } else {
        const h = hashString(shape(t));
        this.form[k] = h;
        this.shape[k] = h;
        this.flags[k] = 0;
      }
    }
  }
}
const sentenceInfo = new SentenceInfo();

/**
 * Writes the hashed features of token `i` as the last word of a cue to `idx` (cleared first):
 * the word, its stem and last three letters, the forms and shapes around it, its place in the
 * sentence, whether the cue list knows it, word pairs across it, and whether a pronoun or
 * capitalised word (a speaker) comes in the three words before. `info` holds the sentence's
 * token infos from token `a`. Names are kept (for training reports) when `names` is given.
 */
function cueFeatures(
  toks: readonly Tok[],
  info: SentenceInfo,
  i: number,
  a: number,
  b: number,
  mask: number,
  idx: Int32Array,
  verbs: VerbClasses,
  names?: string[],
): void {
  let subj = 0;
  for (let k = i - 1; k >= a && k >= i - 3; k--) {
    const f = info.flags[k - a]!;
    if (f & PRONOUN) {
      subj = 1;
      break;
    }
    if (f & CAP && k > a) {
      subj = 2;
      break;
    }
  }
  const w = toks[i]!.lw;
  const o = i - a;
  const hw = info.form[o]!;
  const hp = i > a ? info.form[o - 1]! : EDGE_HASH;
  const sp = i > a ? info.shape[o - 1]! : EDGE_HASH;
  const hpp = i > a + 1 ? info.form[o - 2]! : EDGE_HASH;
  const hn = i + 1 < b ? info.form[o + 1]! : EDGE_HASH;
  const sn = i + 1 < b ? info.shape[o + 1]! : EDGE_HASH;
  const hnn = i + 2 < b ? info.form[o + 2]! : EDGE_HASH;
  const fl = info.flags[o]!;
  const lexClass = fl & VERB ? 1 : fl & EVALUATIVE ? 2 : 0;
  idx[0] = mix(hw, S_W) & mask;
  idx[1] = mix(hashString(w, 0x811c9dc5, stemLength(w)), S_ST) & mask;
  idx[2] = mix(w.length > 4 ? hashFrom(w, w.length - 3) : hw, S_S) & mask;
  idx[3] = mix(hp, S_P) & mask;
  idx[4] = mix(sp, S_PS) & mask;
  idx[5] = mix(hpp, S_PP) & mask;
  idx[6] = mix(hn, S_N) & mask;
  idx[7] = mix(sn, S_NS) & mask;
  idx[8] = mix(hnn, S_N2) & mask;
  idx[9] = mix(bucketOf(i - a), S_POS) & mask;
  idx[10] = mix(bucketOf(b - i), S_REST) & mask;
  idx[11] = mix(lexClass, S_LEX) & mask;
  idx[12] = mix(mix(hw, S_WN) ^ hn, S_WN) & mask;
  idx[13] = mix(mix(hp, S_PW) ^ hw, S_PW) & mask;
  idx[14] = mix(mix(subj, S_SUBJ) ^ sn, S_SUBJ) & mask;
  idx[15] = BIAS_HASH & mask;
  const vc = verbs.of(hw, w);
  idx[16] = mix(vc, S_WV) & mask;
  if (names) {
    const f = (k: number) => (k >= a && k < b ? form(toks[k]) : '$');
    const sh = (k: number) => (k >= a && k < b ? shape(toks[k]) : '$');
    names.push(
      `w=${w}`,
      `st=${w.slice(0, stemLength(w))}`,
      `s=${w.length > 4 ? w.slice(-3) : w}`,
      `p=${f(i - 1)}`,
      `ps=${sh(i - 1)}`,
      `pp=${f(i - 2)}`,
      `n=${f(i + 1)}`,
      `ns=${sh(i + 1)}`,
      `n2=${f(i + 2)}`,
      `pos=${BUCKETS[bucketOf(i - a)]}`,
      `rest=${BUCKETS[bucketOf(b - i)]}`,
      `lex=${['-', 'verb', 'eval'][lexClass]}`,
      `wn=${w}_${f(i + 1)}`,
      `pw=${f(i - 1)}_${w}`,
      `subj=${SUBJ[subj]}_${sh(i + 1)}`,
      'bias',
      `wv=${VERB_CLASSES[vc]}`,
    );
  }
}

/** Whether token `i` of the sentence `[a, b)` is scored at all: a lower-case word with words after it. */
function cueCandidate(toks: readonly Tok[], flags: number, i: number, b: number): boolean {
  if (!(flags & CANDIDATE)) return false;
  const n = toks[i + 1];
  return i + 1 < b && !!n && (n.kind === 'word' || n.kind === 'number' || OPENERS.has(n.w));
}

/** The content after a cue ending at token `i`: to the quotation's end, the next clause mark or the sentence end. */
function learnedContent(
  toks: readonly Tok[],
  i: number,
  b: number,
  marks: readonly QuoteMarkSpan[],
): { start: number; end: number } | null {
  const first = toks[i + 1]!;
  const start = first.start;
  if (OPENERS.has(first.w)) {
    const q = marks.find((m) => m.start === start);
    if (q) return { start, end: q.end };
  }
  // A noun-phrase object (`touting his recent wins in …`) ends before an adjunct; a clause runs on.
  const clause = CLAUSE_OPENERS.has(first.lw);
  let k = i + 1;
  let inQuote: QuoteMarkSpan | undefined;
  for (; k < b; k++) {
    const u = toks[k]!;
    if (inQuote && u.start >= inQuote.end) inQuote = undefined;
    if (!inQuote && OPENERS.has(u.w)) inQuote = marks.find((m) => m.start === u.start);
    if (inQuote) continue;
    if ((isTerminal(u) && !abbreviationDot(toks, k)) || CLAUSE_MARKS.has(u.w)) break;
    if (!clause && k >= i + 3 && ADJUNCTS.has(u.lw)) break;
  }
  let e = k - 1;
  while (e > i && toks[e]!.kind === 'punct' && !inQuoteEnd(marks, toks[e]!)) e--;
  return e > i ? { start, end: toks[e]!.end } : null;
}

const inQuoteEnd = (marks: readonly QuoteMarkSpan[], t: Tok) => marks.some((m) => m.end === t.end);

/** A full stop inside the sentence glued to a title or initial (`Rep.`, `Mr.`, `D.`): no clause end. */
function abbreviationDot(toks: readonly Tok[], k: number): boolean {
  const prev = toks[k - 1];
  return (
    toks[k]!.w === '.' &&
    prev !== undefined &&
    prev.end === toks[k]!.start &&
    /^[A-Z][a-z]{0,2}$/.test(prev.w) &&
    k + 1 < toks.length &&
    isCap(toks[k + 1]!)
  );
}

/** The speaker of a learned cue: the noun phrase or pronoun just before it (past a few adverbs and auxiliaries). */
function speakerBefore(toks: readonly Tok[], i: number, a: number, lex: Lexicon): NpRange | undefined {
  let k = i - 1;
  while (k >= a && i - k <= 4 && (lex.between.has(toks[k]!.lw) || toks[k]!.kind !== 'word')) k--;
  if (k >= a && lex.pronouns.has(toks[k]!.lw)) return { s: k, e: k + 1 };
  if (k >= a && isCap(toks[k]!)) {
    const np = walkBack(toks, k, a, lex);
    if (np) return np;
  }
  // Else the sentence subject (`Trump, who …, balked at …`).
  return subjectAt(toks, a, i, lex) ?? undefined;
}

/** The learned-cue model of a run, or (for training) a collector of every scored word's features. */
export interface LearnedCues {
  model: LinearModel | null;
  /** WordNet verb classes, a feature of the model. */
  verbs: VerbClasses;
  collect?: (i: number, x: SparseVector) => void;
  /** Keep feature names on collected vectors. */
  keepNames?: boolean;
}

/** The logit of a probability (thresholds are kept as probabilities). */
const logit = (p: number): number => Math.log(p / (1 - p));
/** The number of features of a word, and a reused buffer for them (the analyzer is synchronous). */
const FEATURE_COUNT = 17;
const scratch = new Int32Array(FEATURE_COUNT);

/**
 * Adds learned-cue candidates for the sentence `[a, b)` (index `si`) where no rule candidate
 * (`taken`) covers the word, its content or its speaker.
 */
export function learnedCandidates(
  toks: readonly Tok[],
  a: number,
  b: number,
  si: number,
  marks: readonly QuoteMarkSpan[],
  taken: readonly Candidate[],
  lex: Lexicon,
  learned: LearnedCues,
): Candidate[] {
  const out: Candidate[] = [];
  const model = learned.model;
  const mask = (1 << (model?.bits ?? LEARNED_CUE_BITS)) - 1;
  const threshold = model ? logit(model.thresholds[0]!) : Infinity;
  // Scored on the int8 table as `LinearModel.logits` does (a quarter of the memory to touch).
  const q = model && !learned.collect ? model.quantizedWeights() : undefined;
  const weights = model && !learned.collect && !q ? model.weights : undefined;
  const scale = q ? model!.scale : 1;
  const bias = model?.bias[0] ?? 0;
  const covered = (s: number, e: number) =>
    taken.some((c) => (c.content.start < e && s < c.content.end) || (c.cue.start < e && s < c.cue.end)) ||
    out.some((c) => c.content.start < e && s < c.content.end);
  const flagsOf = wordFlags(lex);
  const info = sentenceInfo;
  info.fill(toks, a, b, flagsOf);
  // Words inside a rule's cue or content, or inside a quotation, are not scored.
  const skip = info.skip;
  const from = toks[a]!.start;
  const to = toks[b - 1]!.end;
  const cover = (sp: Span) => {
    if (sp.start < to && from < sp.end)
      for (let k = a; k < b; k++) if (toks[k]!.start < sp.end && sp.start < toks[k]!.end) skip[k - a] = 1;
  };
  for (const c of taken) {
    cover(c.content);
    cover(c.cue);
  }
  for (const m of marks)
    if (m.start < to && from < m.end)
      for (let k = a; k < b; k++) if (m.start < toks[k]!.start && toks[k]!.end < m.end) skip[k - a] = 1;
  const idx = scratch;
  for (let i = a; i < b - 1; i++) {
    const flags = info.flags[i - a]!;
    // `who asked not to be named`: the verb of a distancing phrase reports nothing.
    const distancing = flags & DISTANCING ? matchAt(toks, i, b, lex.distancing) : undefined;
    if (distancing) {
      i += distancing.words.length - 1;
      continue;
    }
    if (skip[i - a] || !cueCandidate(toks, flags, i, b)) continue;
    const t = toks[i]!;
    if (learned.collect) {
      const names = learned.keepNames ? [] : undefined;
      cueFeatures(toks, info, i, a, b, mask, idx, learned.verbs, names);
      learned.collect(i, { idx: [...idx], val: Array(FEATURE_COUNT).fill(1), ...(names ? { names } : {}) });
      continue;
    }
    if (!q && !weights) continue;
    cueFeatures(toks, info, i, a, b, mask, idx, learned.verbs);
    let sum = 0;
    if (q) for (let f = 0; f < FEATURE_COUNT; f++) sum += q[idx[f]!]!;
    else for (let f = 0; f < FEATURE_COUNT; f++) sum += weights![idx[f]!]!;
    const z = bias + scale * sum;
    if (z < threshold) continue;
    if (out.some((c) => c.content.start < t.end && t.start < c.content.end)) continue;
    const content = learnedContent(toks, i, b, marks);
    if (!content || covered(content.start, content.end)) continue;
    // `balked at`, `pointed to`: a particle after a lower-case word completes that word's cue.
    const c0 = PARTICLES.has(t.lw) && i - 1 > a && info.flags[i - 1 - a]! & CANDIDATE ? i - 1 : i;
    const np = speakerBefore(toks, c0, a, lex);
    const c: Candidate = {
      content,
      cue: { start: toks[c0]!.start, end: t.end },
      lemma: c0 < i ? `${toks[c0]!.lw} ${t.lw}` : t.lw,
      rule: 'learned-cue',
      sentence: si,
      contentAfter: true,
    };
    if (np) c.np = np;
    else c.impersonal = true;
    out.push(c);
  }
  return out;
}

/** Where the shipped learned-cue models are: `models/quotes/cues.<lang>.json`. */
const SHIPPED = /^cues\.([a-z]{2,3})\.json$/;

/** The learned-cue models of a pipeline by language, and the verb classes they read. */
export interface LearnedCueModels {
  byLang: ReadonlyMap<string, LinearModel>;
  /** A user's model for every language. */
  own?: LinearModel;
  verbs: VerbClasses;
}

/**
 * Loads the learned-cue models for the option `learned`: `''` = every shipped
 * `models/quotes/cues.<lang>.json`, a model file's path = that model for every language, `off`
 * = none (the rules alone). Returns null for `off`.
 */
export function loadLearnedCues(registry: ModelRegistry, learned: string): LearnedCueModels | null {
  if (learned === 'off') return null;
  const verbs = loadVerbClasses(registry);
  const parse =
    (what: string) =>
    ([b]: Buffer[]) =>
      parseLinearModel(b!.toString('utf8'), what);
  if (learned) {
    const own = registry.load(
      'quotes/user',
      learned,
      parse(learned),
      'make one with newsprism train quotes-learned',
    );
    return { byLang: new Map(), own, verbs };
  }
  const dir = fileURLToPath(modelUrl('quotes/'));
  const byLang = new Map<string, LinearModel>();
  for (const f of registry.exists(dir) ? readdirSync(dir).sort() : []) {
    const lang = SHIPPED.exec(f)?.[1];
    if (lang)
      byLang.set(
        lang,
        registry.load(
          `quotes/${f}`,
          join(dir, f),
          parse(`quotes/${f}`),
          'train it with newsprism train quotes-learned --data ../shared/data/polnear',
        ),
      );
  }
  return { byLang, verbs };
}

/** The learned-cue settings of one document's language, or undefined for none. */
export function learnedFor(models: LearnedCueModels | null, lang: string): LearnedCues | undefined {
  if (!models) return undefined;
  const model = models.own ?? models.byLang.get(lang);
  return model ? { model, verbs: models.verbs } : undefined;
}
