/**
 * A second stage over the sentence model's probabilities: each sentence's probability of a
 * technique is rescored from its own, its neighbours' (the sentences before and after it in the
 * article, whatever the paragraphing) and the article's mean, by a per-label logistic
 * regression on their logits. Nothing here depends on how the text is cut into lines.
 */

/** Per label: weights of [own logit, neighbours' highest logit, article mean logit] and a bias. */
export type SentenceContext = number[][];

/** Number of weights per label (three inputs and a bias). */
const WIDTH = 4;
const EPS = 1e-4;

function logit(p: number): number {
  const q = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  return Math.log(q / (1 - q));
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The inputs of label `l` for every sentence of one article (`probs` in article order):
 * own logit, the higher logit of the two neighbours (the article mean at either end with one
 * neighbour missing is replaced by the one there; a lone sentence uses the mean), article mean.
 */
function inputs(probs: readonly ArrayLike<number>[], l: number): Float64Array[] {
  const n = probs.length;
  let sum = 0;
  for (const p of probs) sum += p[l]!;
  const mean = logit(n ? sum / n : 0);
  return probs.map((p, i) => {
    const before = i > 0 ? probs[i - 1]![l]! : -1;
    const after = i + 1 < n ? probs[i + 1]![l]! : -1;
    const near = Math.max(before, after);
    return Float64Array.of(logit(p[l]!), near < 0 ? mean : logit(near), mean);
  });
}

/**
 * The probabilities of an article's sentences (in article order) rescored by `context`; the
 * input unchanged when there is none. Labels without weights keep their probability.
 */
export function withContext(
  probs: readonly Float64Array[],
  context: SentenceContext | undefined,
): Float64Array[] {
  if (!context || probs.length === 0) return probs as Float64Array[];
  const L = probs[0]!.length;
  const out = probs.map((p) => Float64Array.from(p));
  for (let l = 0; l < L; l++) {
    const w = context[l];
    if (!w || w.length !== WIDTH) continue;
    inputs(probs, l).forEach((x, i) => {
      out[i]![l] = sigmoid(w[0]! * x[0]! + w[1]! * x[1]! + w[2]! * x[2]! + w[3]!);
    });
  }
  return out;
}

/**
 * Fits the per-label weights of {@link withContext} on held-out probabilities of whole articles
 * (`articles[k]`: the probabilities of article k's sentences in order, `gold[k][i]` the gold
 * label indices of its i-th sentence) by Newton's method with a small L2 penalty. A label with
 * fewer than `minPositives` gold sentences keeps its probability (weights 1, 0, 0, 0).
 */
export function fitContext(
  articles: readonly (readonly Float64Array[])[],
  gold: readonly (readonly (readonly number[])[])[],
  labels: number,
  minPositives = 30,
  l2 = 1e-2,
): SentenceContext {
  const out: SentenceContext = [];
  for (let l = 0; l < labels; l++) {
    const xs: Float64Array[] = [];
    const ys: number[] = [];
    articles.forEach((probs, k) => {
      inputs(probs, l).forEach((x, i) => {
        xs.push(x);
        ys.push(gold[k]![i]!.includes(l) ? 1 : 0);
      });
    });
    const positives = ys.reduce((a, b) => a + b, 0);
    out.push(positives < minPositives ? [1, 0, 0, 0] : newton(xs, ys, l2));
  }
  return out;
}

/** Logistic regression of `ys` on `xs` (plus a bias) by Newton's method, from the identity. */
function newton(xs: readonly Float64Array[], ys: readonly number[], l2: number): number[] {
  const w = [1, 0, 0, 0];
  for (let iter = 0; iter < 25; iter++) {
    const g = new Float64Array(WIDTH);
    const h = new Float64Array(WIDTH * WIDTH);
    xs.forEach((x, i) => {
      const row = [x[0]!, x[1]!, x[2]!, 1];
      const p = sigmoid(row[0]! * w[0]! + row[1]! * w[1]! + row[2]! * w[2]! + w[3]!);
      const r = p - ys[i]!;
      const s = p * (1 - p);
      for (let a = 0; a < WIDTH; a++) {
        g[a]! += r * row[a]!;
        for (let b = 0; b < WIDTH; b++) h[a * WIDTH + b]! += s * row[a]! * row[b]!;
      }
    });
    const n = xs.length;
    for (let a = 0; a < WIDTH; a++) {
      // The penalty pulls towards the identity (own logit weight 1), not towards zero.
      g[a] = g[a]! / n + l2 * (w[a]! - (a === 0 ? 1 : 0));
      for (let b = 0; b < WIDTH; b++) h[a * WIDTH + b] = h[a * WIDTH + b]! / n + (a === b ? l2 : 0);
    }
    const step = solve(h, g);
    let moved = 0;
    for (let a = 0; a < WIDTH; a++) {
      w[a]! -= step[a]!;
      moved = Math.max(moved, Math.abs(step[a]!));
    }
    if (moved < 1e-6) break;
  }
  return w.map((x) => Math.round(x * 1e4) / 1e4);
}

/** Solves `A x = b` (A n×n, symmetric positive definite) by Gaussian elimination with pivoting. */
export function solve(A: Float64Array, b: Float64Array, n = WIDTH): Float64Array {
  const m = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[piv * n + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < n; k++) [m[c * n + k], m[piv * n + k]] = [m[piv * n + k]!, m[c * n + k]!];
      [x[c], x[piv]] = [x[piv]!, x[c]!];
    }
    const d = m[c * n + c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c]! / d;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= m[r * n + k]! * x[k]!;
    x[r] = s / (m[r * n + r]! || 1e-12);
  }
  return x;
}
