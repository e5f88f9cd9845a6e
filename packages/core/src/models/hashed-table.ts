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
