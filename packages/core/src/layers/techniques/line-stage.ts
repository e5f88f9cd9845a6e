/**
 * A paragraph-level decision over the sentence model's probabilities (`meta.lineStage`, per
 * language): a paragraph uses technique l when a per-label logistic regression on its
 * sentences' highest probability, their noisy-or, the article's mean probability of l and the
 * paragraph's length in words (and, in a stage of {@link LINE_WIDTH_ARTICLE} weights, the
 * article's summed mean probability of all techniques: how dense in techniques it looks)
 * reaches the label's threshold. Labels without weights keep the sentence rule (a paragraph
 * uses l when one of its sentences reaches `thresholds[l]`).
 */

/** Per label: weights of {@link lineInputs} (empty: the sentence rule) and the decision threshold. */
export interface LineStage {
  weights: number[][];
  thresholds: number[];
}

/** The stages of a model, by language code. */
export type LineStages = Record<string, LineStage>;

/** Number of inputs (bias included). */
export const LINE_WIDTH = 5;
/** Number of inputs with the article's technique density (bias included). */
export const LINE_WIDTH_ARTICLE = 6;

const isNumbers = (x: unknown, n?: number): boolean =>
  Array.isArray(x) && (n === undefined || x.length === n) && x.every((v) => Number.isFinite(v));

/**
 * What is wrong with a model file's line stage for `labels` labels (a threshold and a row of
 * {@link LINE_WIDTH} weights or none per label, all finite), or undefined when nothing is.
 */
export function lineStageProblem(stage: unknown, labels: number): string | undefined {
  const s = stage as Partial<LineStage> | null;
  if (!isNumbers(s?.thresholds, labels)) return `needs thresholds: ${labels} numbers`;
  if (!Array.isArray(s!.weights) || s!.weights.length !== labels) return `needs weights: ${labels} rows`;
  const bad = s!.weights.findIndex(
    (w) => !(isNumbers(w, 0) || isNumbers(w, LINE_WIDTH) || isNumbers(w, LINE_WIDTH_ARTICLE)),
  );
  return bad < 0
    ? undefined
    : `weights[${bad}] must be empty or ${LINE_WIDTH} or ${LINE_WIDTH_ARTICLE} numbers`;
}

const EPS = 1e-4;

function logit(p: number): number {
  const q = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
  return Math.log(q / (1 - q));
}

/** Whitespace-separated words of `text` between `start` and `end`. */
export function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * The inputs of label `l` for a paragraph: logit of its sentences' highest probability, logit of
 * their noisy-or, logit of the article's mean probability, log(1 + words), 1; with `width`
 * {@link LINE_WIDTH_ARTICLE}, before the 1 the log of the article's mean probabilities summed
 * over all techniques.
 */
export function lineInputs(
  members: readonly ArrayLike<number>[],
  article: ArrayLike<number>,
  words: number,
  l: number,
  width = LINE_WIDTH,
): number[] {
  let max = 0;
  let miss = 1;
  for (const p of members) {
    if (p[l]! > max) max = p[l]!;
    miss *= 1 - p[l]!;
  }
  const x = [logit(max), logit(1 - miss), logit(article[l]!), Math.log1p(words)];
  if (width === LINE_WIDTH_ARTICLE) {
    let total = 0;
    for (let k = 0; k < article.length; k++) total += article[k]!;
    x.push(Math.log(total + EPS));
  }
  x.push(1);
  return x;
}

/** The stage's score of label `l` for a paragraph (`weights[l]` non-empty). */
export function lineScore(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The stage's score of each label for a paragraph (NaN for the labels of the sentence rule):
 * computed once, for {@link lineDecide} and for what is shown of the paragraph.
 */
export function lineScores(
  stage: LineStage,
  members: readonly ArrayLike<number>[],
  article: ArrayLike<number>,
  words: number,
): Float64Array {
  const out = new Float64Array(stage.thresholds.length).fill(Number.NaN);
  for (let l = 0; l < out.length; l++) {
    const w = stage.weights[l];
    if (w?.length) out[l] = lineScore(w, lineInputs(members, article, words, l, w.length));
  }
  return out;
}

/** A probability (or a logit of {@link lineInputs}, read back) for a reason: two decimals. */
const shown = (p: number): string => (Math.round(p * 100) / 100).toFixed(2);

/**
 * A score and the threshold it is compared with, with two decimals, or with as many more as it
 * takes for them to read differently when they differ: `0.497 < 0.500`, never `0.50 < 0.50`.
 */
export function shownPair(score: number, threshold: number): [string, string] {
  const a = shown(score);
  const b = shown(threshold);
  if (a !== b || score === threshold) return [a, b];
  for (let digits = 3; ; digits++) {
    const [x, y] = [score.toFixed(digits), threshold.toFixed(digits)];
    if (x !== y || digits >= 20) return [x, y];
  }
}

/**
 * The reason a paragraph's decision of label `l` (`weights[l]` non-empty) gives first in a
 * finding's or near miss's `why`: the stage's score against its threshold and the inputs it
 * weighed (probabilities as the sentence model gave them, before calibration), e.g.
 * `paragraph stage 0.31 ≥ 0.20: best sentence 0.45, its sentences together 0.62, article 0.12, 42 words`.
 */
export function lineReason(
  stage: LineStage,
  members: readonly ArrayLike<number>[],
  article: ArrayLike<number>,
  words: number,
  l: number,
  score: number,
): string {
  const [best, together, mean] = lineInputs(members, article, words, l).map((z) => 1 / (1 + Math.exp(-z)));
  const t = stage.thresholds[l]!;
  const [a, b] = shownPair(score, t);
  return `paragraph stage ${a} ${score >= t ? '≥' : '<'} ${b}: best sentence ${shown(best!)}, its sentences together ${shown(together!)}, article ${shown(mean!)}, ${words} words`;
}

/**
 * The labels a paragraph uses under `stage` (sentence probabilities of its members, in order);
 * `scores`: the paragraph's {@link lineScores}, when the caller has them.
 */
export function lineDecide(
  stage: LineStage,
  members: readonly ArrayLike<number>[],
  article: ArrayLike<number>,
  words: number,
  scores: ArrayLike<number> = lineScores(stage, members, article, words),
): number[] {
  const out: number[] = [];
  if (members.length === 0) return out;
  for (let l = 0; l < stage.thresholds.length; l++) {
    if (stage.weights[l]?.length) {
      if (scores[l]! >= stage.thresholds[l]!) out.push(l);
    } else if (members.some((p) => p[l]! >= stage.thresholds[l]!)) out.push(l);
  }
  return out;
}
