/**
 * Decision rules tuned on held-out (out-of-fold) probabilities: per-label thresholds for
 * multilabel models, class offsets for multiclass ones.
 */

/**
 * Per-label thresholds that maximise each label's F1 on held-out probabilities (multilabel).
 * Labels with fewer than `minSupport` gold examples, or whose best F1 is below `minF1`, get a
 * threshold of 1.01 (never predicted): a guess on a handful of examples costs precision.
 */
export function tuneThresholds(
  probs: readonly Float64Array[],
  gold: readonly number[][],
  labels: number,
  minSupport = 3,
  minF1 = 0.05,
): Float32Array {
  const t = new Float32Array(labels);
  for (let l = 0; l < labels; l++) {
    const rows = probs.map((p, i) => [p[l]!, gold[i]!.includes(l) ? 1 : 0] as const);
    const support = rows.reduce((s, r) => s + r[1], 0);
    rows.sort((a, b) => b[0] - a[0]);
    let tp = 0;
    let best = 0;
    let bestT = 1.01;
    for (let i = 0; i < rows.length; i++) {
      tp += rows[i]![1];
      if (i + 1 < rows.length && rows[i + 1]![0] === rows[i]![0]) continue;
      const f1 = (2 * tp) / (i + 1 + support);
      if (f1 > best) {
        best = f1;
        bestT = i + 1 < rows.length ? (rows[i]![0] + rows[i + 1]![0]) / 2 : rows[i]![0];
      }
    }
    t[l] = support < minSupport || best < minF1 ? 1.01 : bestT;
  }
  return t;
}

/**
 * Refines thresholds by coordinate ascent on `micro-F1 + macroWeight × macro-F1` over all
 * labels (per-label F1 optimisation alone over-predicts rare, weak labels and so costs the
 * micro average). Only labels in `tune` move (default: all). Returns new thresholds.
 */
export function refineThresholds(
  probs: readonly Float64Array[],
  gold: readonly number[][],
  start: ArrayLike<number>,
  macroWeight = 0.5,
  tune?: readonly number[],
  rounds = 2,
): Float32Array {
  const L = start.length;
  const t = Float32Array.from(start);
  const isGold = probs.map((_, i) => {
    const g = new Uint8Array(L);
    for (const y of gold[i]!) g[y] = 1;
    return g;
  });
  const tp = new Float64Array(L);
  const fp = new Float64Array(L);
  const fn = new Float64Array(L);
  const count = (l: number) => {
    tp[l] = fp[l] = fn[l] = 0;
    probs.forEach((p, i) => {
      const yes = p[l]! >= t[l]!;
      if (isGold[i]![l]) yes ? tp[l]!++ : fn[l]!++;
      else if (yes) fp[l]!++;
    });
  };
  for (let l = 0; l < L; l++) count(l);
  const f1 = (a: number, b: number, c: number) => (a ? (2 * a) / (2 * a + b + c) : 0);
  const labels = tune ?? [...Array(L).keys()];
  for (let r = 0; r < rounds; r++) {
    for (const l of labels) {
      let TP = 0;
      let FP = 0;
      let FN = 0;
      let macro = 0;
      for (let k = 0; k < L; k++) {
        if (k === l) continue;
        TP += tp[k]!;
        FP += fp[k]!;
        FN += fn[k]!;
        macro += f1(tp[k]!, fp[k]!, fn[k]!);
      }
      const rows = probs.map((p, i) => [p[l]!, isGold[i]![l]!] as const).sort((a, b) => b[0] - a[0]);
      const support = rows.reduce((s, x) => s + x[1], 0);
      const objective = (a: number, b: number) =>
        f1(TP + a, FP + b, FN + support - a) + (macroWeight * (macro + f1(a, b, support - a))) / L;
      let best = objective(0, 0);
      let bestT = 1.01;
      let a = 0;
      let b = 0;
      for (let i = 0; i < rows.length; i++) {
        rows[i]![1] ? a++ : b++;
        if (i + 1 < rows.length && rows[i + 1]![0] === rows[i]![0]) continue;
        const v = objective(a, b);
        if (v > best + 1e-9) {
          best = v;
          bestT = i + 1 < rows.length ? (rows[i]![0] + rows[i + 1]![0]) / 2 : rows[i]![0];
        }
      }
      t[l] = bestT;
      count(l);
    }
  }
  return t;
}

/** Macro-F1 of single-label decisions over `labels` classes. */
export function macroF1(pred: readonly number[], gold: readonly number[], labels: number): number {
  let sum = 0;
  for (let l = 0; l < labels; l++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    pred.forEach((p, i) => {
      if (p === l && gold[i] === l) tp++;
      else if (p === l) fp++;
      else if (gold[i] === l) fn++;
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / labels;
}

/**
 * Logit offsets for a multiclass model that maximise macro-F1 on held-out probabilities
 * (coordinate ascent over a grid; offsets of labels not in `tune` stay at `start`). Rare classes
 * get the push a plain arg-max never gives them.
 */
export function tuneOffsets(
  probs: readonly Float64Array[],
  gold: readonly number[],
  start: ArrayLike<number>,
  tune?: readonly number[],
): Float32Array {
  const L = start.length;
  const t = Float32Array.from(start);
  const logp = probs.map((p) => Array.from(p, (x) => Math.log(Math.max(x, 1e-12))));
  const decide = () =>
    logp.map((z) => {
      let best = 0;
      for (let l = 1; l < L; l++) if (z[l]! + t[l]! > z[best]! + t[best]!) best = l;
      return best;
    });
  let score = macroF1(decide(), gold, L);
  for (let round = 0; round < 3; round++) {
    for (const l of tune ?? [...Array(L).keys()]) {
      let bestT = t[l]!;
      for (let v = -4; v <= 4.001; v += 0.25) {
        t[l] = v;
        const s = macroF1(decide(), gold, L);
        if (s > score + 1e-9) {
          score = s;
          bestT = v;
        }
      }
      t[l] = bestT;
    }
  }
  return t;
}
