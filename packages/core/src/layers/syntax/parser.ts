import type { HashedRows } from '../../models/hashed-table.js';
import {
  PARSE_FEATURES,
  type ParseInput,
  packMorph,
  parseFeatures,
  parseWordHash,
} from './parse-features.js';
import { ParseRows } from './parse-rows.js';
import { ArcState, dependentCounts, LEFT, oracleApplied, oracleMove, SHIFT } from './transitions.js';

/** The serialised dependency parser of one language (`models/syntax/deps-<lang>.json`). */
export interface DepsModelFile extends HashedRows {
  format: 'newsprism-deps/1';
  lang: string;
  /** The UPOS tags the parser reads, in the order of its tag features (1-based there). */
  tags: string[];
  /** Arc labels (UD base relations, `root` excluded: the word left on the stack is the root). */
  labels: string[];
  /** Whether the parser reads the tagger's Case, Gender and Number (`packMorph`); absent: no. */
  morph?: boolean;
  meta: Record<string, unknown>;
}

/** Gold tree of a training sentence, and the table update the parser calls on a wrong move. */
export interface ParseTeacher {
  /** Gold head per word (0-based, −1 for the root). */
  heads: ArrayLike<number>;
  /** Gold label index per word (into the parser's `labels`; any value for the root). */
  labels: ArrayLike<number>;
  update(feats: Int32Array, k: number, gold: number, pred: number): void;
}

/** A dependency tree: head per word (0-based, −1 for the root) and label per word. */
export interface DepTree {
  head: Int32Array;
  label: Uint8Array;
}

/**
 * A greedy arc-standard dependency parser (`transitions.ts`) scoring its moves with a linear
 * model over hashed features of the configuration (`parse-features.ts`): three columns for the
 * moves, then the labels of a `LEFT` arc and those of a `RIGHT` arc. Weights are int8 when shipped and float
 * while training, in one table `[bucket × columns]` like the tagger's.
 */
export class DependencyParser {
  readonly columns: number;
  readonly mask: number;
  private readonly feats = new Int32Array(PARSE_FEATURES);
  private readonly scores: Float64Array;
  private readonly tagIndex: Map<string, number>;

  constructor(
    readonly tags: readonly string[],
    readonly labels: readonly string[],
    readonly bits: number,
    /** `[bucket × columns + column]`, dense over all buckets (training); empty for a shipped model. */
    readonly table: Int8Array | Float32Array,
    /** A shipped model's rows laid out for decisions ({@link ParseRows}); it then parses with them. */
    private readonly shipped?: ParseRows,
    /** Whether {@link input} reads the words' FEATS (a parser trained with morphology). */
    readonly morph = false,
  ) {
    this.columns = 3 + 2 * labels.length;
    this.mask = (1 << bits) - 1;
    this.scores = new Float64Array(this.columns);
    this.tagIndex = new Map(tags.map((t, i) => [t, i + 1]));
  }

  /** The parser of a shipped (pruned, int8) model file. */
  static fromFile(file: DepsModelFile): DependencyParser {
    const columns = 3 + 2 * file.labels.length;
    const ids = Buffer.from(file.buckets, 'base64');
    const w = Buffer.from(file.weights, 'base64');
    const n = ids.length / 4;
    if (w.length !== n * columns)
      throw new Error(`${n} buckets but ${w.length} weights for ${columns} columns`);
    const buckets = new Uint32Array(n);
    for (let r = 0; r < n; r++) buckets[r] = ids.readUInt32LE(r * 4);
    const rows = new ParseRows(
      file.bits,
      buckets,
      new Int8Array(w.buffer, w.byteOffset, w.length),
      file.labels.length,
    );
    return new DependencyParser(
      file.tags,
      file.labels,
      file.bits,
      new Int8Array(0),
      rows,
      file.morph === true,
    );
  }

  /**
   * The parser's reading of a sentence: word hashes and tag indices, and with a morphology
   * parser the words' packed Case, Gender and Number (`feats`: the tagger's FEATS per word).
   */
  input(forms: readonly string[], upos: readonly string[], feats?: readonly string[]): ParseInput {
    const n = forms.length;
    const words = new Uint32Array(n);
    const tags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      words[i] = parseWordHash(forms[i]!);
      tags[i] = this.tagIndex.get(upos[i]!) ?? 0;
    }
    if (!this.morph) return { n, words, tags };
    const morph = new Uint8Array(n);
    if (feats) for (let i = 0; i < n; i++) morph[i] = packMorph(feats[i]);
    return { n, words, tags, morph };
  }

  /** First column of the labels of a move's arc (`LEFT` or `RIGHT`). */
  private labelBlock(move: number): number {
    return move === LEFT ? 3 : 3 + this.labels.length;
  }

  /**
   * Sums columns `[from, from + count)` over the rows of the first `k` features in `this.feats`
   * into `scores` and returns the arg max of those columns (training: the dense table).
   */
  private best(k: number, from: number, count: number): number {
    const s = this.scores;
    const t = this.table;
    const feats = this.feats;
    const C = this.columns;
    s.fill(0, 0, count);
    for (let f = 0; f < k; f++) {
      const b = feats[f]! * C + from;
      for (let c = 0; c < count; c++) s[c]! += t[b + c]!;
    }
    let best = 0;
    for (let c = 1; c < count; c++) if (s[c]! > s[best]!) best = c;
    return best;
  }

  /**
   * Parses a sentence greedily: the move (`SHIFT`, `LEFT`, `RIGHT`) is decided first from three
   * columns, then an arc's label from that direction's label columns, so a decision reads a few
   * columns per feature rather than every labelled move. With a `teacher` (training), wrong
   * moves and wrong labels (of the gold direction) update the weights, and the parse follows
   * the oracle (static-oracle training).
   */
  parse(p: ParseInput, teacher?: ParseTeacher): DepTree {
    if (this.shipped) {
      if (teacher) throw new Error('a shipped (pruned int8) parser cannot be trained further');
      return this.parseShipped(p, this.shipped);
    }
    const st = new ArcState(p.n);
    const L = this.labels.length;
    const feats = this.feats;
    const pending = teacher ? dependentCounts(teacher.heads) : undefined;
    while (!st.done()) {
      const k = parseFeatures(p, st, this.mask, feats);
      let move: number;
      if (!st.legal(SHIFT)) move = this.best(k, 1, 2) + 1;
      else if (!st.legal(LEFT)) move = SHIFT;
      else move = this.best(k, 0, 3);
      if (teacher && pending) {
        const gold = oracleMove(st, teacher.heads, pending);
        if (gold !== move) teacher.update(feats, k, gold, move);
        let label = 0;
        if (gold !== SHIFT) {
          label = teacher.labels[gold === LEFT ? st.s(1) : st.s(0)]!;
          const from = this.labelBlock(gold);
          const got = this.best(k, from, L);
          if (got !== label) teacher.update(feats, k, from + label, from + got);
        }
        st.apply(gold, label);
        oracleApplied(st, gold, teacher.heads, pending);
      } else st.apply(move, move === SHIFT ? 0 : this.best(k, this.labelBlock(move), L));
    }
    return { head: st.head, label: st.label };
  }

  /**
   * {@link parse} with a shipped model's rows: the same decisions, and a configuration whose
   * only legal move is `SHIFT` (fewer than two words on the stack) computes no features.
   */
  private parseShipped(p: ParseInput, rows: ParseRows): DepTree {
    const st = new ArcState(p.n);
    const feats = this.feats;
    while (!st.done()) {
      if (st.depth < 2) {
        st.apply(SHIFT, 0);
        continue;
      }
      const n = parseFeatures(p, st, this.mask, feats);
      const move = rows.move(feats, n, st.legal(SHIFT));
      st.apply(move, move === SHIFT ? 0 : rows.label(feats, n, move));
    }
    return { head: st.head, label: st.label };
  }

  /** Parses one sentence of word forms and tags; heads 0-based (−1 root), labels as strings (`root` for the root). */
  parseWords(
    forms: readonly string[],
    upos: readonly string[],
    feats?: readonly string[],
  ): { head: number[]; deprel: string[] } {
    const tree = this.parse(this.input(forms, upos, feats));
    const head = Array.from(tree.head);
    return { head, deprel: head.map((h, i) => (h < 0 ? 'root' : this.labels[tree.label[i]!]!)) };
  }
}
