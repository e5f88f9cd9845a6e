import type { HashedRows } from '../../models/hashed-table.js';
import {
  initialFeatures,
  left2Features,
  leftFeatures,
  morphFeatures,
  PAD_LEFT,
  PAD_RIGHT,
  pairFeatures,
  posFeatures,
  right2Features,
  rightFeatures,
  START,
  type SyntaxInput,
  selfFeatures,
  tagFeatures,
} from './features.js';
import type { LemmaRules } from './lemmatize.js';

/**
 * The word-only template groups summed per word form: as the token itself, one before, two
 * before, one after, two after, and the token not opening / opening the sentence.
 */
const GROUPS = [
  selfFeatures,
  leftFeatures,
  left2Features,
  rightFeatures,
  right2Features,
  (w: Uint32Array, mask: number, out: Int32Array, k: number) => initialFeatures(w, 0, mask, out, k),
  (w: Uint32Array, mask: number, out: Int32Array, k: number) => initialFeatures(w, 1, mask, out, k),
];

/** One output of the tagger: `upos` first, then morphological features (`Case`, `Number`, …). */
export interface SyntaxHead {
  name: string;
  /** Label values; for a morphological feature, `''` (absent) is the first. */
  labels: string[];
}

/** The serialised tagger and lemmatiser of one language (`models/syntax/syntax-<lang>.json`). */
export interface SyntaxModelFile extends HashedRows {
  format: 'newsprism-syntax/1';
  lang: string;
  heads: SyntaxHead[];
  lemmas: LemmaRules;
  meta: Record<string, unknown>;
}

/** Called by {@link SyntaxTagger.tag} while training, on every wrong decision. */
export interface Teacher {
  /** Gold label index per head, per token. */
  gold: Uint8Array[];
  /** Moves weight from column `pred` to column `gold` for the `k` features in `feats`. */
  update(feats: Int32Array, k: number, gold: number, pred: number): void;
}

/**
 * A greedy left-to-right tagger over hashed features with several heads sharing one table
 * `[bucket × column]`: the part of speech is decided first from the word, its context and the
 * two tags before it; the morphological heads then score with extra features conditioned on
 * that part of speech. Weights are int8 when shipped (integer sums, the common scale does not
 * change an arg max) and float while training.
 */
export class SyntaxTagger {
  readonly offsets: number[];
  readonly columns: number;
  private readonly mask: number;
  private readonly feats = new Int32Array(64);
  private scores = new Float64Array(64);
  /** Per word form (its hash fields), the summed weights of its word-only template groups (`GROUPS`). */
  private readonly vectors = new WeakMap<Uint32Array, Int32Array>();
  private total = new Int32Array(64);
  private readonly tagVectors = new Map<number, Int32Array>();

  constructor(
    readonly heads: readonly SyntaxHead[],
    readonly bits: number,
    private readonly table: Int8Array | Float32Array,
  ) {
    this.offsets = [];
    let c = 0;
    for (const h of heads) {
      this.offsets.push(c);
      c += h.labels.length;
    }
    this.columns = c;
    this.mask = (1 << bits) - 1;
    this.scores = new Float64Array(c);
    this.total = new Int32Array(c);
  }

  /**
   * The weights of a word's templates summed over all columns, once per form, for each of
   * `GROUPS` (`7 × columns`). Together with the tag-pair sums and the per-token templates they
   * give exactly the scores of all features (integer sums).
   */
  private vectorOf(w: Uint32Array): Int32Array {
    let v = this.vectors.get(w);
    if (v) return v;
    const C = this.columns;
    const t = this.table;
    v = new Int32Array(GROUPS.length * C);
    for (let g = 0; g < GROUPS.length; g++) {
      const k = GROUPS[g]!(w, this.mask, this.feats, 0);
      for (let f = 0; f < k; f++) {
        const b = this.feats[f]! * C;
        for (let c = 0; c < C; c++) v[g * C + c]! += t[b + c]!;
      }
    }
    this.vectors.set(w, v);
    return v;
  }

  /** The summed rows of the tag templates for a pair of previous tags, once per pair. */
  private tagVector(prev: number, prev2: number): Int32Array {
    const key = prev * 256 + prev2;
    let v = this.tagVectors.get(key);
    if (v) return v;
    const C = this.columns;
    const k = tagFeatures(prev, prev2, this.mask, this.feats, 0);
    v = new Int32Array(C);
    for (let f = 0; f < k; f++) for (let c = 0; c < C; c++) v[c]! += this.table[this.feats[f]! * C + c]!;
    this.tagVectors.set(key, v);
    return v;
  }

  /** Adds the rows of the first `k` features, columns `from` to the end, to `total`. */
  private addRows(k: number, from: number): void {
    const C = this.columns;
    const t = this.table;
    const tot = this.total;
    const feats = this.feats;
    for (let f = 0; f < k; f++) {
      const b = feats[f]! * C;
      for (let c = from; c < C; c++) tot[c]! += t[b + c]!;
    }
  }

  /** The arg max of head `h` in `total`. */
  private bestTotal(h: number): number {
    const off = this.offsets[h]!;
    const L = this.heads[h]!.labels.length;
    const tot = this.total;
    let best = 0;
    for (let l = 1; l < L; l++) if (tot[off + l]! > tot[off + best]!) best = l;
    return best;
  }

  /**
   * Tagging with a shipped (int8) table: the word-only templates come from per-form sums
   * (`vectorOf`) and the tag templates from per-pair sums (`tagVector`), so a token costs
   * cached vectors and the rows of its five word-pair templates instead of 29 random reads of
   * the table. Same scores as {@link tag}'s general path.
   */
  private tagFast(p: SyntaxInput): Uint8Array[] {
    const H = this.heads.length;
    const C = this.columns;
    const out = this.heads.map(() => new Uint8Array(p.n));
    const tot = this.total;
    let prev = START;
    let prev2 = START;
    let prevMorph = START;
    // One lookup per token (not five): the vectors of the sentence, padding at both ends.
    const vecs: Int32Array[] = new Array(p.n + 4);
    vecs[0] = vecs[1] = this.vectorOf(PAD_LEFT);
    vecs[p.n + 2] = vecs[p.n + 3] = this.vectorOf(PAD_RIGHT);
    for (let i = 0; i < p.n; i++) vecs[i + 2] = this.vectorOf(p.words[i]!);
    for (let i = 0; i < p.n; i++) {
      const vs = vecs[i + 2]!;
      const vl = vecs[i + 1]!;
      const vl2 = vecs[i]!;
      const vr = vecs[i + 3]!;
      const vr2 = vecs[i + 4]!;
      const vt = this.tagVector(prev, prev2);
      const init = (i === 0 ? 6 : 5) * C;
      for (let c = 0; c < C; c++)
        tot[c] =
          vs[c]! + vl[C + c]! + vl2[2 * C + c]! + vr[3 * C + c]! + vr2[4 * C + c]! + vs[init + c]! + vt[c]!;
      this.addRows(pairFeatures(p, i, prev, this.mask, this.feats, 0), 0);
      const upos = this.bestTotal(0);
      out[0]![i] = upos;
      if (H > 1) {
        this.addRows(morphFeatures(p, i, upos, prev, prevMorph, this.mask, this.feats, 0), this.offsets[1]!);
        let packed = 0;
        for (let h = 1; h < H; h++) {
          const v = this.bestTotal(h);
          out[h]![i] = v;
          packed = packed * 16 + v;
        }
        prevMorph = packed;
      }
      prev2 = prev;
      prev = upos;
    }
    return out;
  }

  /** The arg max of head `h` over the first `k` features. */
  private best(h: number, k: number): number {
    const C = this.columns;
    const off = this.offsets[h]!;
    const L = this.heads[h]!.labels.length;
    const s = this.scores;
    const t = this.table;
    const feats = this.feats;
    s.fill(0, 0, L);
    for (let f = 0; f < k; f++) {
      const b = feats[f]! * C + off;
      for (let l = 0; l < L; l++) s[l]! += t[b + l]!;
    }
    let best = 0;
    for (let l = 1; l < L; l++) if (s[l]! > s[best]!) best = l;
    return best;
  }

  /**
   * Tags a sentence: label indices per head, per token. With a `teacher` (training), every
   * wrong decision updates the weights; the next decisions still see the predicted tags, as
   * they will at run time.
   */
  tag(p: SyntaxInput, teacher?: Teacher): Uint8Array[] {
    if (!teacher && this.table instanceof Int8Array) return this.tagFast(p);
    const H = this.heads.length;
    const out = this.heads.map(() => new Uint8Array(p.n));
    let prev = START;
    let prev2 = START;
    let prevMorph = START;
    for (let i = 0; i < p.n; i++) {
      const k = posFeatures(p, i, prev, prev2, this.mask, this.feats);
      const upos = this.best(0, k);
      out[0]![i] = upos;
      if (teacher && teacher.gold[0]![i] !== upos) teacher.update(this.feats, k, teacher.gold[0]![i]!, upos);
      if (H > 1) {
        const k2 = morphFeatures(p, i, upos, prev, prevMorph, this.mask, this.feats, k);
        let packed = 0;
        for (let h = 1; h < H; h++) {
          const v = this.best(h, k2);
          out[h]![i] = v;
          packed = packed * 16 + v;
          if (teacher && teacher.gold[h]![i] !== v)
            teacher.update(this.feats, k2, this.offsets[h]! + teacher.gold[h]![i]!, this.offsets[h]! + v);
        }
        prevMorph = packed;
      }
      prev2 = prev;
      prev = upos;
    }
    return out;
  }
}
