import { BucketBitmap, type HashedRows } from '../../models/hashed-table.js';
import { ownString } from '../../text/own-string.js';
import {
  freshTags,
  type HashtagReading,
  hashWord,
  initialFeatures,
  left2Features,
  leftFeatures,
  morphFeatures,
  PAD_LEFT,
  PAD_RIGHT,
  pairFeatures,
  right2Features,
  rightFeatures,
  START,
  type SyntaxInput,
  type SyntaxLexicon,
  selfFeatures,
  tagFeatures,
  WORD_FIELDS,
} from './features.js';
import type { Lemmatizer } from './lemmatize.js';
import type { SyntaxHead } from './tagger.js';

/**
 * The word-only template groups summed per word form: the token itself inside the sentence,
 * the token opening it, and the word as one before, two before, one after and two after.
 */
const GROUPS = [
  (w: Uint32Array, mask: number, out: Int32Array, k: number) =>
    initialFeatures(w, 0, mask, out, selfFeatures(w, mask, out, k)),
  (w: Uint32Array, mask: number, out: Int32Array, k: number) =>
    initialFeatures(w, 1, mask, out, selfFeatures(w, mask, out, k)),
  leftFeatures,
  left2Features,
  rightFeatures,
  right2Features,
];

/** Slots 0 and 1 hold the padding before and after a sentence; word forms take the others. */
const RESERVED = 2;
/** Word forms kept at most before the cache starts over (the first sentence may need more). */
const CAPACITY = 32_768;

/** Annotation arrays a sentence is appended to (the layer's, or one sentence's). */
export interface SyntaxArrays {
  upos: string[];
  lemma: string[];
  feats?: string[];
}

/**
 * Tagging and lemmatising with a shipped (int8) model, at run time. Each word form seen gets a
 * slot in a bounded cache, found from the text's characters without cutting the string out:
 * its hashed fields, the weights of its word-only templates summed over all columns (`GROUPS`,
 * 16-bit: at most 15 int8 rows), and its lemma under the part of speech it last had. A token
 * then costs six cached sums, the rows of its five word-pair templates (and, with
 * morphology, ten more) and no allocation. Only the shipped rows are kept, found through a
 * bitmap of the buckets (a feature the model never learned costs no table read). Scores are the
 * integer sums of `SyntaxTagger.tag` over the same features, so the tags are the same.
 */
export class SyntaxRunner {
  private readonly C: number;
  /** Columns per slot in `vectors`: one block of `C` per template group. */
  private readonly V: number;
  private readonly uposLabels: readonly string[];
  /** First column of each head. */
  private readonly offsets: number[] = [];
  /** The shipped rows only (a quarter to a third of the buckets), in bucket order: less memory to miss in. */
  private readonly rows: Int8Array;
  private readonly mask: number;
  /** Which buckets the model ships a row for, and which row. */
  private readonly occupied: BucketBitmap;
  /** Summed rows of the tag templates per pair of previous tags (`tagIndex`). */
  private readonly tagSums: Int32Array;
  private readonly feats = new Int32Array(64);
  private readonly total: Int32Array;
  /** FEATS string per packed morphology (4 bits a head), made once. */
  private readonly featStrings: (string | undefined)[] = [];

  private capacity = 0;
  private size = RESERVED;
  /** Open addressing, `2 × capacity` entries: slot + 1, or 0 for empty. */
  private index = new Int32Array(0);
  private forms: string[] = [];
  private fields = new Uint32Array(0);
  private views: Uint32Array[] = [];
  private vectors = new Int16Array(0);
  /** Per slot, the lemma last made and the part of speech (+ 1) it was made for (0: none). */
  private lemmas: string[] = [];
  private lemmaTags = new Uint8Array(0);
  /** Per slot, 1 when its form is decided without the tags before it (`freshTags`). */
  private fresh = new Uint8Array(0);

  // One sentence: slots with two padding slots at each end, its input for the feature
  // templates, and the decided labels per head.
  private slots = new Int32Array(0);
  private readonly input: SyntaxInput = { n: 0, words: [] };
  private tags: Uint8Array[] = [];

  /**
   * From a model file's heads and its shipped rows (`HashedRows`: bucket ids ascending, int8
   * rows in the same order), the lemmatiser, the model's lexicon, if any, how it reads
   * hashtags and whether its pair templates read lexicon classes.
   */
  constructor(
    private readonly heads: readonly SyntaxHead[],
    file: HashedRows,
    private readonly lemmatizer: Lemmatizer,
    private readonly lexicon?: SyntaxLexicon,
    private readonly hashtags?: HashtagReading,
    lexPairs?: boolean,
  ) {
    if (lexPairs) this.input.lexPairs = true;
    let C = 0;
    for (const h of heads) {
      this.offsets.push(C);
      C += h.labels.length;
    }
    this.C = C;
    this.V = GROUPS.length * C;
    this.mask = (1 << file.bits) - 1;
    this.uposLabels = heads[0]!.labels;
    this.total = new Int32Array(C);
    const ids = Buffer.from(file.buckets, 'base64');
    const w = Buffer.from(file.weights, 'base64');
    const n = ids.length / 4;
    if (w.length !== n * C) throw new Error(`${n} buckets but ${w.length} weights for ${C} columns`);
    this.rows = new Int8Array(w.length);
    this.rows.set(new Int8Array(w.buffer, w.byteOffset, w.length));
    const buckets = new Uint32Array(n);
    for (let r = 0; r < n; r++) buckets[r] = ids.readUInt32LE(r * 4);
    this.occupied = new BucketBitmap(file.bits, buckets);
    const T = this.uposLabels.length + 1;
    this.tagSums = new Int32Array(T * T * C);
    for (let a = 0; a < T; a++)
      for (let b = 0; b < T; b++) {
        const k = tagFeatures(a === T - 1 ? START : a, b === T - 1 ? START : b, this.mask, this.feats, 0);
        this.sumRows(k, this.tagSums, (a * T + b) * C);
      }
  }

  /** Row of `tagSums` for the two previous tags (`START` → the last). */
  private tagIndex(prev: number, prev2: number): number {
    const T = this.uposLabels.length + 1;
    return ((prev === START ? T - 1 : prev) * T + (prev2 === START ? T - 1 : prev2)) * this.C;
  }

  /** Where bucket `r`'s row starts in `rows`, or -1 when the model ships none (all zero). */
  private rowOf(r: number): number {
    const row = this.occupied.rowOf(r);
    return row < 0 ? -1 : row * this.C;
  }

  /** Adds the rows of the first `k` features of `feats` to `out` from `at` (all columns). */
  private sumRows(k: number, out: Int32Array | Int16Array, at: number): void {
    const C = this.C;
    const t = this.rows;
    for (let f = 0; f < k; f++) {
      const b = this.rowOf(this.feats[f]!);
      if (b >= 0) for (let c = 0; c < C; c++) out[at + c]! += t[b + c]!;
    }
  }

  /** Adds the rows of the first `k` features, columns `from` to the end, to `total`. */
  private addRows(k: number, from: number): void {
    const C = this.C;
    const t = this.rows;
    const tot = this.total;
    for (let f = 0; f < k; f++) {
      const b = this.rowOf(this.feats[f]!);
      if (b >= 0) for (let c = from; c < C; c++) tot[c]! += t[b + c]!;
    }
  }

  /** (Re)allocates the cache for `capacity` forms: empty, padding slots filled. */
  private allocate(capacity: number): void {
    const F = WORD_FIELDS;
    this.capacity = capacity;
    this.index = new Int32Array(2 * capacity);
    this.forms = new Array(capacity).fill('');
    this.fields = new Uint32Array(capacity * F);
    this.views = Array.from({ length: capacity }, (_, s) => this.fields.subarray(s * F, (s + 1) * F));
    this.vectors = new Int16Array(capacity * this.V);
    this.lemmas = new Array(capacity).fill('');
    this.lemmaTags = new Uint8Array(capacity);
    this.fresh = new Uint8Array(capacity);
    this.fields.set(PAD_LEFT, 0);
    this.fields.set(PAD_RIGHT, F);
    this.fillVector(0);
    this.fillVector(1);
    this.size = RESERVED;
  }

  /** Room for `n` new forms: starts the cache over when full (never inside a sentence). */
  private reserve(n: number): void {
    if (this.size + n <= this.capacity) return;
    if (RESERVED + n > this.capacity || this.capacity === 0) {
      let c = CAPACITY;
      while (c < RESERVED + n) c *= 2;
      this.allocate(c);
      return;
    }
    this.index.fill(0);
    this.size = RESERVED;
  }

  /** The summed template-group rows of a slot's fields. */
  private fillVector(s: number): void {
    const V = this.V;
    this.vectors.fill(0, s * V, (s + 1) * V);
    for (let g = 0; g < GROUPS.length; g++) {
      const k = GROUPS[g]!(this.views[s]!, this.mask, this.feats, 0);
      this.sumRows(k, this.vectors, s * V + g * this.C);
    }
  }

  /** A new slot for `form` at index entry `e`. */
  private add(form: string, e: number): number {
    const s = this.size++;
    this.index[e] = s + 1;
    this.forms[s] = form;
    hashWord(form, this.fields, s * WORD_FIELDS, this.lexicon, this.hashtags);
    this.fresh[s] = freshTags(form, this.hashtags) ? 1 : 0;
    this.fillVector(s);
    this.lemmaTags[s] = 0;
    return s;
  }

  /**
   * The slot of `text.slice(start, end)`, made from the characters (the string is cut only when
   * new, and copied: a slice would keep the whole text alive as long as the slot, {@link ownString}).
   */
  private slotOfSpan(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    const m = this.index.length - 1;
    const len = end - start;
    for (let e = h & m; ; e = (e + 1) & m) {
      const s = this.index[e]! - 1;
      if (s < 0) return this.add(ownString(text.slice(start, end)), e);
      const f = this.forms[s]!;
      if (f.length !== len) continue;
      let k = 0;
      while (k < len && f.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return s;
    }
  }

  /**
   * Tags and lemmatises the tokens `from` to `to` (one sentence) of `text`, appending to `out`
   * (`feats` too when the model has morphology and `out` has the array).
   */
  annotate(
    text: string,
    tokens: readonly { start: number; end: number }[],
    from: number,
    to: number,
    out: SyntaxArrays,
  ): void {
    const n = to - from;
    this.begin(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[from + i]!;
      this.slots[i + 2] = this.slotOfSpan(text, t.start, t.end);
    }
    this.run(n, out);
  }

  /** {@link annotate} for a sentence given as word forms. */
  annotateForms(forms: readonly string[], out: SyntaxArrays): void {
    const text = forms.join('');
    let at = 0;
    this.begin(forms.length);
    forms.forEach((f, i) => {
      this.slots[i + 2] = this.slotOfSpan(text, at, at + f.length);
      at += f.length;
    });
    this.run(forms.length, out);
  }

  /** Makes room for a sentence of `n` tokens. */
  private begin(n: number): void {
    this.reserve(n);
    if (this.slots.length < n + 4) {
      this.slots = new Int32Array(2 * n + 4);
      this.tags = this.heads.map(() => new Uint8Array(2 * n + 4));
    }
  }

  /** Tags the sentence in `slots` and appends its strings. */
  private run(n: number, out: SyntaxArrays): void {
    const sl = this.slots;
    sl[0] = sl[1] = 0;
    sl[n + 2] = sl[n + 3] = 1;
    const words = this.input.words;
    for (let i = 0; i < n; i++) words[i] = this.views[sl[i + 2]!]!;
    this.input.n = n;
    this.tagSentence(n);
    const upos = this.tags[0]!;
    for (let i = 0; i < n; i++) {
      const u = upos[i]!;
      const s = sl[i + 2]!;
      // A form is read as one part of speech nearly always: one lemma kept per form.
      if (this.lemmaTags[s] !== u + 1) {
        this.lemmas[s] = this.lemmatizer.lemma(this.forms[s]!, this.uposLabels[u]!);
        this.lemmaTags[s] = u + 1;
      }
      out.upos.push(this.uposLabels[u]!);
      out.lemma.push(this.lemmas[s]!);
    }
    if (out.feats && this.heads.length > 1) for (let i = 0; i < n; i++) out.feats.push(this.featString(i));
  }

  /** The FEATS string of token `i`'s morphology heads. */
  private featString(i: number): string {
    const heads = this.heads;
    let packed = 0;
    for (let h = 1; h < heads.length; h++) packed = packed * 16 + this.tags[h]![i]!;
    let s = this.featStrings[packed];
    if (s === undefined) {
      const parts: string[] = [];
      for (let h = 1; h < heads.length; h++) {
        const v = heads[h]!.labels[this.tags[h]![i]!]!;
        if (v) parts.push(`${heads[h]!.name}=${v}`);
      }
      s = this.featStrings[packed] = parts.join('|');
    }
    return s;
  }

  /** Greedy left to right over `slots`, labels into `tags` (the decisions of `SyntaxTagger.tag`). */
  private tagSentence(n: number): void {
    const { C, V } = this;
    const H = this.heads.length;
    const off1 = H > 1 ? this.offsets[1]! : C;
    const L0 = this.uposLabels.length;
    const vec = this.vectors;
    const ts = this.tagSums;
    const tot = this.total;
    const sl = this.slots;
    const p = this.input;
    let prev = START;
    let prev2 = START;
    let prevMorph = START;
    for (let i = 0; i < n; i++) {
      const s = sl[i + 2]! * V + (i === 0 ? C : 0);
      const l = sl[i + 1]! * V + 2 * C;
      const l2 = sl[i]! * V + 3 * C;
      const r = sl[i + 3]! * V + 4 * C;
      const r2 = sl[i + 4]! * V + 5 * C;
      const fresh = this.fresh[sl[i + 2]!] === 1;
      const t = fresh ? this.tagIndex(START, START) : this.tagIndex(prev, prev2);
      for (let c = 0; c < C; c++)
        tot[c] = vec[s + c]! + vec[l + c]! + vec[l2 + c]! + vec[r + c]! + vec[r2 + c]! + ts[t + c]!;
      this.addRows(pairFeatures(p, i, fresh ? START : prev, this.mask, this.feats, 0), 0);
      let upos = 0;
      for (let c = 1; c < L0; c++) if (tot[c]! > tot[upos]!) upos = c;
      this.tags[0]![i] = upos;
      if (H > 1) {
        this.addRows(morphFeatures(p, i, upos, prev, prevMorph, this.mask, this.feats, 0), off1);
        let packed = 0;
        for (let h = 1; h < H; h++) {
          const o = this.offsets[h]!;
          const L = this.heads[h]!.labels.length;
          let v = 0;
          for (let c = 1; c < L; c++) if (tot[o + c]! > tot[o + v]!) v = c;
          this.tags[h]![i] = v;
          packed = packed * 16 + v;
        }
        prevMorph = packed;
      }
      prev2 = prev;
      prev = upos;
    }
  }
}
