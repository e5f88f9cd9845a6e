import type { HashedRows } from '@newsprism/core/train';

/**
 * Averaged perceptron over a hashed table `[bucket × column]` (the trainer of the project's
 * greedy taggers: English NER, syntax). Lazy averaging: `acc` holds the running sum of each
 * weight over time, brought up to date (`ts`) whenever the weight changes.
 */
export class Perceptron {
  readonly w: Float32Array;
  readonly acc: Float64Array;
  readonly ts: Int32Array;
  /** Decisions seen so far (the averaging clock); the caller ticks it once per decision. */
  t = 0;

  constructor(
    readonly columns: number,
    readonly bits: number,
  ) {
    this.w = new Float32Array(columns << bits);
    this.acc = new Float64Array(columns << bits);
    this.ts = new Int32Array(columns << bits);
  }

  /** Adds 1 to column `gold` and −1 to column `pred` of the `k` buckets in `feats`. */
  update(feats: Int32Array, k: number, gold: number, pred: number): void {
    const C = this.columns;
    for (let f = 0; f < k; f++) {
      for (const [c, d] of [
        [gold, 1],
        [pred, -1],
      ] as const) {
        const i = feats[f]! * C + c;
        this.acc[i]! += (this.t - this.ts[i]!) * this.w[i]!;
        this.ts[i] = this.t;
        this.w[i]! += d;
      }
    }
  }

  /** The averaged weights. */
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let i = 0; i < out.length; i++)
      out[i] = (this.acc[i]! + (this.t - this.ts[i]!) * this.w[i]!) / Math.max(1, this.t);
    return out;
  }
}

/**
 * Keeps the buckets whose largest |weight| reaches `min`, quantised to int8 with one scale
 * (the shipped form of a tagger table, read back by core's `denseTable`).
 */
export function compactRows(
  avg: Float32Array,
  columns: number,
  bits: number,
  min: number,
): HashedRows & { kept: number } {
  let max = 0;
  for (const x of avg) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const ids: number[] = [];
  const rows: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    let m = 0;
    for (let t = 0; t < columns; t++) m = Math.max(m, Math.abs(avg[b * columns + t]!));
    if (m < min) continue;
    ids.push(b);
    for (let t = 0; t < columns; t++)
      rows.push(Math.max(-127, Math.min(127, Math.round(avg[b * columns + t]! / scale))));
  }
  const idBuf = Buffer.alloc(ids.length * 4);
  for (let r = 0; r < ids.length; r++) idBuf.writeUInt32LE(ids[r]!, r * 4);
  return {
    bits,
    scale,
    buckets: idBuf.toString('base64'),
    weights: Buffer.from(Int8Array.from(rows).buffer).toString('base64'),
    kept: ids.length,
  };
}
