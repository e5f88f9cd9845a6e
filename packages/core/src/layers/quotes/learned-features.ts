import { hashString } from '../../models/features.js';
import type { WordClusters } from '../../models/word-clusters.js';
import type { Lexicon } from './lexicon.js';
import { isCap, OPENERS, type Tok } from './tok.js';
import { VERB_CLASSES, type VerbClasses } from './wordnet.js';

/**
 * Features of the learned-cue model: each word that could end a cue is described by 17 hashed
 * features of itself and its context (see {@link cueFeatures}); the word lists of the lexicon are
 * looked up once per sentence through hashes.
 */

/** The number of hashed features of a word. */
export const FEATURE_COUNT = 17;
/** The number of hashed features of a word with word clusters (four more: the word's at two levels, the words around it). */
export const FEATURE_COUNT_CLUSTERS = 21;
/** A token's shape: `$` for none, punctuation as written, `0` a number, `X`/`x` by capital. */
export const shape = (t: Tok | undefined): string => {
  if (!t) return '$';
  if (t.kind === 'punct') return t.w;
  if (t.kind === 'number') return '0';
  return isCap(t) ? 'X' : 'x';
};
/** A word lower-cased, anything else its shape. */
export const form = (t: Tok | undefined): string => (t ? (t.kind === 'word' ? t.lw : shape(t)) : '$');

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
const S_C1 = hashString('c1');
const S_C3 = hashString('c3');
const S_CN = hashString('cn');
const S_CP = hashString('cp');
const BIAS_HASH = mix(0, hashString('bias'));

/** The hashed feature "the cue ends with this word" (`w=<word>`), to build a model by hand. */
export const wordFeature = (word: string): number => mix(hashString(word), S_W);
const BUCKETS = ['0', '1', '2', '3-4', '5-8', '9-16', '17+'];
const bucketOf = (n: number): number => (n <= 2 ? n : n <= 4 ? 3 : n <= 8 ? 4 : n <= 16 ? 5 : 6);
const SUBJ = ['none', 'pron', 'cap'];

/** Token flag: a word the model scores (lower case, not a function word). */
export const CANDIDATE = 1;
const PRONOUN = 2;
const CAP = 4;
/** Token flag: the first word of a distancing phrase (`asked not to be named`). */
export const DISTANCING = 8;
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
/** The flag table of a lexicon, built on first use. */
export function wordFlags(lex: Lexicon): WordFlags {
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
    add([...lex.words.neverCues, ...relay], NEVER_SCORED);
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
export class SentenceInfo {
  form = new Uint32Array(256);
  shape = new Uint32Array(256);
  flags = new Uint8Array(256);
  skip = new Uint8Array(256);
  /** Each token's leaf cluster id + 1 (see {@link leafAt}), or -1 until asked: a word's is asked up to three times. */
  leaf = new Int32Array(256);

  fill(toks: readonly Tok[], a: number, b: number, lex: WordFlags): void {
    const n = b - a;
    if (n > this.form.length) {
      this.form = new Uint32Array(n * 2);
      this.shape = new Uint32Array(n * 2);
      this.flags = new Uint8Array(n * 2);
      this.skip = new Uint8Array(n * 2);
      this.leaf = new Int32Array(n * 2);
    }
    this.skip.fill(0, 0, n);
    this.leaf.fill(-1, 0, n);
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
/** The one reused per-sentence buffer (the analyzer is synchronous). */
export const sentenceInfo = new SentenceInfo();

/**
 * Writes the hashed features of token `i` as the last word of a cue to `idx` (cleared first):
 * the word, its stem and last three letters, the forms and shapes around it, its place in the
 * sentence, whether the cue list knows it, word pairs across it, and whether a pronoun or
 * capitalised word (a speaker) comes in the three words before. `info` holds the sentence's
 * token infos from token `a`. Names are kept (for training reports) when `names` is given. With
 * `clusters` (a model trained on them), four word-cluster features follow ({@link FEATURE_COUNT_CLUSTERS}).
 */
export function cueFeatures(
  toks: readonly Tok[],
  info: SentenceInfo,
  i: number,
  a: number,
  b: number,
  mask: number,
  idx: Int32Array,
  verbs: VerbClasses,
  names?: string[],
  clusters?: WordClusters | null,
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
  // Word clusters (`idx[17…20]`): the word's class among 64 and among 1,024, and the classes among
  // 256 of the words after and before it (0 for no word, or none in the file), so a cue word no
  // training sentence holds scores by the words that share its contexts.
  if (clusters) {
    const lw = leafAt(clusters, toks, info, i, a, b);
    const ln = classOf(leafAt(clusters, toks, info, i + 1, a, b), 2);
    const lp = classOf(leafAt(clusters, toks, info, i - 1, a, b), 2);
    idx[17] = mix(classOf(lw, 4), S_C1) & mask;
    idx[18] = mix(lw, S_C3) & mask;
    idx[19] = mix(ln, S_CN) & mask;
    idx[20] = mix(lp, S_CP) & mask;
    if (names) names.push(`c1=${classOf(lw, 4)}`, `c3=${lw}`, `cn=${ln}`, `cp=${lp}`);
  }
}

/** Token `k`'s leaf cluster id + 1 (0 for no word of the sentence `[a, b)`, or none in the file). */
function leafAt(
  clusters: WordClusters,
  toks: readonly Tok[],
  info: SentenceInfo,
  k: number,
  a: number,
  b: number,
): number {
  if (k < a || k >= b) return 0;
  let leaf = info.leaf[k - a]!;
  if (leaf < 0) {
    const id = toks[k]!.kind === 'word' ? clusters.leafOfHash(info.form[k - a]!) : undefined;
    leaf = id === undefined ? 0 : id + 1;
    info.leaf[k - a] = leaf;
  }
  return leaf;
}

/** A leaf's (id + 1) class a level up, `shift` bits coarser (2: among 256, 4: among 64), + 1; 0 stays 0. */
const classOf = (leaf: number, shift: number): number => (leaf ? 1 + ((leaf - 1) >> shift) : 0);

/** Whether token `i` of the sentence `[a, b)` is scored at all: a lower-case word with words after it. */
export function cueCandidate(toks: readonly Tok[], flags: number, i: number, b: number): boolean {
  if (!(flags & CANDIDATE)) return false;
  const n = toks[i + 1];
  return i + 1 < b && !!n && (n.kind === 'word' || n.kind === 'number' || OPENERS.has(n.w));
}
