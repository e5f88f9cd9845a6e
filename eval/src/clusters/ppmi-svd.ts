import { prng } from '@newsprism/core/train';

/** Word vectors from co-occurrence counts: one row per vocabulary word, `dims` columns. */
export interface WordVectors {
  words: string[];
  counts: number[];
  dims: number;
  /** Row-major, `words.length × dims`, each row of unit length (or zero). */
  data: Float64Array;
}

/** Settings of {@link ppmiSvd}. */
export interface PpmiSettings {
  /** Words seen at least this often get a vector. */
  minCount: number;
  /** At most this many words (the most frequent) get one. */
  maxVocab: number;
  /** The most frequent words serve as contexts, left and right apart. */
  contexts: number;
  /** Words on each side counted as context, weighted 1/distance. */
  window: number;
  dims: number;
  /** Power iterations of the randomized SVD. */
  power: number;
  /** Exponent of the context distribution smoothing (Levy et al. 2015). */
  alpha: number;
  /** Exponent of the singular values in the word vectors (0: U alone; 0.5: U√Σ). */
  eig: number;
  seed: number;
}

/** Sparse matrix, rows compressed. */
interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Vocabulary of `sentences` (lists of words): words by count, descending, ties by string. */
export function vocabulary(sentences: readonly (readonly string[])[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Word vectors by truncated SVD of a positive pointwise mutual information matrix (Levy,
 * Goldberg and Dagan 2015): rows the vocabulary, columns the `contexts` most frequent words on
 * the left and on the right apart (word order tells syntax, as Brown clusters' bigrams do),
 * counts weighted 1/distance within `window`, context probabilities smoothed by `alpha`. The
 * SVD is randomized (Halko, Martinsson and Tropp 2011): a Gaussian sketch, `power` iterations,
 * then the exact SVD of the small projected matrix.
 */
export function ppmiSvd(sentences: readonly (readonly string[])[], s: PpmiSettings): WordVectors {
  const vocab = vocabulary(sentences)
    .filter(([, n]) => n >= s.minCount)
    .slice(0, s.maxVocab);
  const index = new Map(vocab.map(([w], i) => [w, i]));
  const C = Math.min(s.contexts, vocab.length);
  const V = vocab.length;
  // One map per word (a single map holds at most 2^24 entries).
  const cooc = Array.from({ length: V }, () => new Map<number, number>());
  for (const sent of sentences) {
    const ids = sent.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i]!;
      if (w < 0) continue;
      for (let d = 1; d <= s.window; d++) {
        const l = ids[i - d];
        if (l !== undefined && l >= 0 && l < C) add(cooc[w]!, l, 1 / d);
        const r = ids[i + d];
        if (r !== undefined && r >= 0 && r < C) add(cooc[w]!, C + r, 1 / d);
      }
    }
  }
  const m = ppmi(cooc, V, 2 * C, s.alpha);
  const { u, sigma } = randomizedSvd(m, s.dims, s.power, s.seed);
  const k = sigma.length;
  const data = new Float64Array(V * k);
  for (let i = 0; i < V; i++) {
    let ss = 0;
    for (let j = 0; j < k; j++) {
      const x = u[i * k + j]! * sigma[j]! ** s.eig;
      data[i * k + j] = x;
      ss += x * x;
    }
    const norm = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let j = 0; j < k; j++) data[i * k + j]! *= norm;
  }
  return { words: vocab.map(([w]) => w), counts: vocab.map(([, n]) => n), dims: k, data };
}

const add = (m: Map<number, number>, key: number, x: number) => m.set(key, (m.get(key) ?? 0) + x);

// PPMI of the co-occurrence counts (one map of context → count per row), as a CSR matrix.
function ppmi(cooc: readonly Map<number, number>[], rows: number, cols: number, alpha: number): Csr {
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  for (let i = 0; i < rows; i++)
    for (const [j, x] of cooc[i]!) {
      rowSum[i]! += x;
      colSum[j]! += x;
    }
  let smoothed = 0;
  for (let j = 0; j < cols; j++) smoothed += colSum[j]! ** alpha;
  const ptr = new Int32Array(rows + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (const j of [...cooc[i]!.keys()].sort((a, b) => a - b)) {
      const pmi = Math.log((cooc[i]!.get(j)! * smoothed) / (rowSum[i]! * colSum[j]! ** alpha));
      if (pmi <= 0) continue;
      col.push(j);
      val.push(pmi);
    }
    ptr[i + 1] = col.length;
  }
  return { rows, cols, ptr, col: Int32Array.from(col), val: Float64Array.from(val) };
}

// A · X, X dense `cols × k` row-major; result `rows × k`.
function mul(a: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(a.rows * k);
  for (let i = 0; i < a.rows; i++)
    for (let p = a.ptr[i]!; p < a.ptr[i + 1]!; p++) {
      const v = a.val[p]!;
      const j = a.col[p]!;
      for (let t = 0; t < k; t++) y[i * k + t]! += v * x[j * k + t]!;
    }
  return y;
}

// Aᵀ · Y, Y dense `rows × k`; result `cols × k`.
function mulT(a: Csr, y: Float64Array, k: number): Float64Array {
  const x = new Float64Array(a.cols * k);
  for (let i = 0; i < a.rows; i++)
    for (let p = a.ptr[i]!; p < a.ptr[i + 1]!; p++) {
      const v = a.val[p]!;
      const j = a.col[p]!;
      for (let t = 0; t < k; t++) x[j * k + t]! += v * y[i * k + t]!;
    }
  return x;
}

/** Orthonormalises, in place, the `k` columns of the row-major `n × k` matrix (Gram–Schmidt, twice). */
export function orthonormalize(q: Float64Array, n: number, k: number): void {
  for (let pass = 0; pass < 2; pass++)
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += q[r * k + i]! * q[r * k + j]!;
        for (let r = 0; r < n; r++) q[r * k + j]! -= dot * q[r * k + i]!;
      }
      let ss = 0;
      for (let r = 0; r < n; r++) ss += q[r * k + j]! ** 2;
      const norm = ss > 1e-300 ? 1 / Math.sqrt(ss) : 0;
      for (let r = 0; r < n; r++) q[r * k + j]! *= norm;
    }
}

/**
 * Eigenvalues and eigenvectors of a symmetric `n × n` matrix (cyclic Jacobi), by eigenvalue
 * descending; `vectors` row-major with the eigenvectors as columns.
 */
export function symmetricEigen(m: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y]! - a[x * n + x]!);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from]!;
  });
  return { values: order.map((i) => a[i * n + i]!), vectors };
}

// Top `dims` left singular vectors (row-major `rows × dims`) and singular values of `a`.
function randomizedSvd(a: Csr, dims: number, power: number, seed: number) {
  const k = Math.min(dims + 10, a.rows, a.cols);
  const rand = prng(seed);
  const gauss = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const omega = new Float64Array(a.cols * k).map(gauss);
  let q = mul(a, omega, k);
  orthonormalize(q, a.rows, k);
  for (let i = 0; i < power; i++) {
    const z = mulT(a, q, k);
    orthonormalize(z, a.cols, k);
    q = mul(a, z, k);
    orthonormalize(q, a.rows, k);
  }
  // B = Qᵀ A (k × cols); B Bᵀ = Qᵀ A Aᵀ Q, whose eigenvectors W give U = Q W.
  const bt = mulT(a, q, k); // cols × k = Bᵀ
  const bbt = new Float64Array(k * k);
  for (let r = 0; r < a.cols; r++)
    for (let i = 0; i < k; i++) {
      const x = bt[r * k + i]!;
      if (x === 0) continue;
      for (let j = 0; j < k; j++) bbt[i * k + j]! += x * bt[r * k + j]!;
    }
  const { values, vectors } = symmetricEigen(bbt, k);
  const d = Math.min(dims, k);
  const u = new Float64Array(a.rows * d);
  for (let r = 0; r < a.rows; r++)
    for (let j = 0; j < d; j++) {
      let x = 0;
      for (let i = 0; i < k; i++) x += q[r * k + i]! * vectors[i * k + j]!;
      u[r * d + j] = x;
    }
  return { u, sigma: values.slice(0, d).map((x) => Math.sqrt(Math.max(0, x))) };
}
