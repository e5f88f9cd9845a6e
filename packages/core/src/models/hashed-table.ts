/**
 * The storage of the project's greedy sequence taggers (English NER, syntax): a weight table of
 * `2^bits` hashed feature buckets × `columns` labels, of which only the buckets with a large
 * enough weight are shipped — their ids ascending as little-endian Uint32 and their rows as
 * int8 (weight = int8 × scale), both base64.
 */
export interface HashedRows {
  bits: number;
  /** Weight = int8 × scale. */
  scale: number;
  /** base64 of little-endian Uint32 bucket ids, ascending. */
  buckets: string;
  /** base64 of Int8 rows, `columns` per bucket, in bucket order. */
  weights: string;
}

/**
 * Spreads shipped rows into a dense int8 table indexed by `bucket × columns + column`: a
 * feature then costs one memory access and no probing.
 */
export function denseTable(rows: HashedRows, columns: number): Int8Array {
  const idBuf = Buffer.from(rows.buckets, 'base64');
  const w = Buffer.from(rows.weights, 'base64');
  const q = new Int8Array(columns << rows.bits);
  const n = idBuf.length / 4;
  if (w.length !== n * columns)
    throw new Error(`${n} buckets but ${w.length} weights for ${columns} columns`);
  const src = new Int8Array(w.buffer, w.byteOffset, w.length);
  for (let r = 0; r < n; r++)
    q.set(src.subarray(r * columns, (r + 1) * columns), idBuf.readUInt32LE(r * 4) * columns);
  return q;
}

/**
 * Which of `2^bits` buckets carry a row, and where: a bit per bucket and, per 32 buckets, the
 * number of rows before them (rows stored in bucket order). 1/16 of the memory of an
 * `Int32Array` index of every bucket, so it stays in cache; a lookup counts bits.
 */
export class BucketBitmap {
  private readonly words: Int32Array;

  /** From the kept buckets, ascending. */
  constructor(bits: number, ids: ArrayLike<number>) {
    const occ = new Int32Array(2 * Math.ceil(2 ** bits / 32));
    let last = -1;
    for (let r = 0; r < ids.length; r++) {
      const b = ids[r]!;
      if (b <= last) throw new Error('bucket ids must ascend');
      last = b;
      occ[2 * (b >>> 5)]! |= 1 << (b & 31);
    }
    for (let k = 0, before = 0; k < occ.length; k += 2) {
      occ[k + 1] = before;
      before += popcount(occ[k]!);
    }
    this.words = occ;
  }

  /** The row of bucket `b` (its rank among the kept buckets), or −1 when it has none. */
  rowOf(b: number): number {
    const k = 2 * (b >>> 5);
    const m = this.words[k]!;
    const bit = 1 << (b & 31);
    return (m & bit) === 0 ? -1 : this.words[k + 1]! + popcount(m & (bit - 1));
  }
}

/** Number of set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
