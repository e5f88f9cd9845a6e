import { BucketBitmap } from '../../models/hashed-table.js';
import { LEFT, RIGHT, SHIFT } from './transitions.js';

/** Added to every int8 weight so that packed halves never borrow. */
const BIAS = 128;

/**
 * One block of a shipped parser's columns: the buckets whose block is not all zero, and their
 * rows. Two columns share an Int32: each weight + 128 (0–255) in 16 bits, so one addition sums
 * two columns; a decision of at most 256 rows cannot carry from one into the other
 * (256 × 255 < 2^16) and the high half stays below 2^31.
 */
class Block {
  readonly rows: Int32Array;
  /** Int32 per row. */
  readonly stride: number;
  readonly map: BucketBitmap;

  /** Columns `[from, from + width)` of `table`'s rows (`columns` each, for buckets `ids`), zero blocks left out. */
  constructor(
    bits: number,
    ids: Uint32Array,
    table: Int8Array,
    columns: number,
    from: number,
    width: number,
  ) {
    this.stride = Math.ceil(width / 2);
    const nonZero = (r: number) => {
      for (let c = 0; c < width; c++) if (table[r * columns + from + c] !== 0) return true;
      return false;
    };
    let n = 0;
    for (let r = 0; r < ids.length; r++) if (nonZero(r)) n++;
    const kept = new Uint32Array(n);
    this.rows = new Int32Array(n * this.stride);
    const at = (r: number, c: number) => (c < width ? table[r * columns + from + c]! : 0) + BIAS;
    for (let r = 0, k = 0; r < ids.length; r++) {
      if (!nonZero(r)) continue;
      for (let c = 0; c < width; c += 2) this.rows[k * this.stride + c / 2] = at(r, c) | (at(r, c + 1) << 16);
      kept[k++] = ids[r]!;
    }
    this.map = new BucketBitmap(bits, kept);
  }
}

/**
 * A shipped parser's weights laid out for run-time decisions: the three move columns, the labels
 * of a `LEFT` arc and those of a `RIGHT` arc as three tables, each holding only the buckets with a
 * non-zero weight in it, found through a bitmap (`BucketBitmap`). A decision reads the small move
 * table (a quarter of a megabyte: it stays in cache) and, for an arc, one label table — where one
 * table of every column and an `Int32Array` index of every bucket missed the cache on each
 * feature. The sums are the same integers over the same non-zero weights as
 * `DependencyParser.best`, and ties go to the first column as there, so the moves and labels are
 * the same.
 */
export class ParseRows {
  private readonly moves: Block;
  private readonly left: Block;
  private readonly right: Block;
  /** Packed sums of the label columns. */
  private readonly sums: Int32Array;

  /** From the shipped buckets (ascending) and their rows of `3 + 2 × labels` columns. */
  constructor(
    bits: number,
    ids: Uint32Array,
    table: Int8Array,
    readonly labels: number,
  ) {
    const C = 3 + 2 * labels;
    this.moves = new Block(bits, ids, table, C, 0, 3);
    this.left = new Block(bits, ids, table, C, 3, labels);
    this.right = new Block(bits, ids, table, C, 3 + labels, labels);
    this.sums = new Int32Array(Math.ceil(labels / 2));
  }

  /** The move of a configuration with features `feats[0, n)`: among `LEFT` and `RIGHT` only when `shift` is false. */
  move(feats: Int32Array, n: number, shift: boolean): number {
    const { map, rows } = this.moves;
    let sl = 0;
    let rr = 0;
    let k = 0;
    for (let f = 0; f < n; f++) {
      const row = map.rowOf(feats[f]!);
      if (row < 0) continue;
      sl += rows[2 * row]!;
      rr += rows[2 * row + 1]!;
      k++;
    }
    const s = (sl & 0xffff) - BIAS * k;
    const l = (sl >>> 16) - BIAS * k;
    const r = (rr & 0xffff) - BIAS * k;
    if (!shift) return r > l ? RIGHT : LEFT;
    let best = SHIFT;
    let top = s;
    if (l > top) {
      best = LEFT;
      top = l;
    }
    return r > top ? RIGHT : best;
  }

  /** The label of the arc a `LEFT` or `RIGHT` move makes (index into the parser's labels). */
  label(feats: Int32Array, n: number, move: number): number {
    const { map, rows, stride } = move === LEFT ? this.left : this.right;
    const s = this.sums;
    s.fill(0);
    for (let f = 0; f < n; f++) {
      const row = map.rowOf(feats[f]!);
      if (row < 0) continue;
      const at = stride * row;
      for (let c = 0; c < stride; c++) s[c]! += rows[at + c]!;
    }
    // Every half is offset by the same BIAS × rows read: the arg max is that of the weights' sums.
    let best = 0;
    let top = s[0]! & 0xffff;
    for (let c = 1; c < this.labels; c++) {
      const v = c & 1 ? s[c >> 1]! >>> 16 : s[c >> 1]! & 0xffff;
      if (v > top) {
        best = c;
        top = v;
      }
    }
    return best;
  }
}
