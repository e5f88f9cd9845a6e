/**
 * Label-free adaptation of a binary decision to a test set whose class balance differs from
 * the training data's (experiment `train subjectivity --set fit=sources --set adapt=…`).
 */

const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

/**
 * The positive class's prior in a batch and the batch's posteriors under it, by the EM of
 * Saerens, Latinne and Decaestecker (2002): `posteriors` are calibrated probabilities at the
 * training prior `trainPrior`; each step re-weighs them by the ratio of the current prior
 * estimate to the training one and takes the mean posterior as the next estimate. `strength`
 * adds that many pseudo-sentences at the training prior (a Beta prior; 0 = plain EM), which
 * keeps a small batch near the training balance.
 */
export function emPrior(
  posteriors: readonly number[],
  trainPrior: number,
  strength = 0,
  iterations = 100,
): { prior: number; posteriors: number[] } {
  const base = logit(clamp(trainPrior));
  const logits = posteriors.map((p) => logit(clamp(p)));
  let prior = trainPrior;
  let adjusted = [...posteriors];
  for (let k = 0; k < iterations; k++) {
    const shift = logit(clamp(prior)) - base;
    adjusted = logits.map((l) => 1 / (1 + Math.exp(-(l + shift))));
    const next = (adjusted.reduce((a, b) => a + b, 0) + strength * trainPrior) / (adjusted.length + strength);
    if (Math.abs(next - prior) < 1e-7) {
      prior = next;
      break;
    }
    prior = next;
  }
  const shift = logit(clamp(prior)) - base;
  return { prior, posteriors: logits.map((l) => 1 / (1 + Math.exp(-(l + shift)))) };
}

/**
 * The threshold on `posteriors` that maximises the macro-F1 expected under them (the
 * expected confusion counts of deciding the top k positive, for every k): a decision that
 * follows the batch's own balance without labels, right when the posteriors are.
 */
export function plugInThreshold(posteriors: readonly number[]): number {
  const sorted = [...posteriors].sort((a, b) => b - a);
  const n = sorted.length;
  const positives = sorted.reduce((a, b) => a + b, 0);
  let tp = 0;
  let best = { score: -1, k: 0 };
  for (let k = 0; k <= n; k++) {
    if (k > 0) tp += sorted[k - 1]!;
    const fp = k - tp;
    const fn = positives - tp;
    const tn = n - k - fn;
    const f1 = (a: number, b: number, c: number) => (a > 0 ? (2 * a) / (2 * a + b + c) : 0);
    const score = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    if (score > best.score + 1e-12) best = { score, k };
  }
  if (best.k === 0) return 1;
  if (best.k === n) return 0;
  return (sorted[best.k - 1]! + sorted[best.k]!) / 2;
}
