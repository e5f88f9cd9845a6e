import type { HashedRows } from '../../models/hashed-table.js';
import { morphFeatures, posFeatures, START, type SyntaxInput } from './features.js';
import type { LemmaRules } from './lemmatize.js';
import type { FormClassFile } from './lexicon.js';

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
  /** The morphological lexicon whose classes are features of every word (Russian). */
  lexicon?: FormClassFile;
  /** How hashtags are read (`'body'`: through the word after `#`); absent, as whole forms. */
  hashtags?: 'body';
  /** Whether the pair templates read the lexicon classes too (`SyntaxInput.lexPairs`). */
  lexPairs?: true;
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
 * change an arg max) and float while training. This is the general path (training,
 * evaluation of a float table); shipped models tag at run time with `SyntaxRunner`, which
 * makes the same decisions from cached per-word sums.
 */
export class SyntaxTagger {
  readonly offsets: number[];
  readonly columns: number;
  /** `2^bits - 1`: keeps a feature hash's table bits. */
  readonly mask: number;
  private readonly feats = new Int32Array(64);
  private scores = new Float64Array(64);

  constructor(
    readonly heads: readonly SyntaxHead[],
    readonly bits: number,
    /** `[bucket × columns + column]`; int8 when shipped (see `SyntaxRunner`), float while training. */
    readonly table: Int8Array | Float32Array,
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
