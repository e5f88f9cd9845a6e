import { NewsprismError } from '@newsprism/core';
import {
  articleScores,
  LINE_WIDTH,
  LINE_WIDTH_ARTICLE,
  type LineStage,
  lineInputs,
  lineScore,
  refineThresholds,
  solve,
  tuneThresholds,
} from '@newsprism/core/train';
import { SEMEVAL_LANGS } from './dataset.js';

/** An article as the line stage is fitted on it: out-of-fold sentence probabilities and its lines. */
export interface StageArticle {
  /** Probabilities of the article's sentences, in order. */
  probs: readonly ArrayLike<number>[];
  /** Its lines: gold label indices, the indices of the sentences in each, its words. */
  lines: readonly { gold: readonly number[]; members: readonly number[]; words: number }[];
}

/** Options of {@link fitLineStage}. */
export interface LineStageOptions {
  /** Labels with fewer gold lines keep the sentence rule at `fallback`'s threshold. */
  minSupport?: number;
  /** L2 penalty of the per-label regressions (towards 0, bias included). */
  l2?: number;
  /** Weight of macro-F1 in the threshold refinement (see `refineThresholds`). */
  macroWeight?: number;
  /** The article's summed technique probability as an input too (`LINE_WIDTH_ARTICLE` weights). */
  articleDensity?: boolean;
  /**
   * Thresholds chosen on cross-fitted line scores: each article's lines scored by regressions
   * fitted without its fold (articles dealt round-robin into this many folds; 0 or 1: the
   * regressions fitted on every line score them, as before). The weights are fitted on all.
   */
  crossFit?: number;
}

/**
 * The languages `--set gate=…` and `--set lineStage=…` fit an article gate and a line stage for
 * (a comma-separated list; `1`: Russian; `0` or absent: none). One language cannot have both
 * (`E_OPTION_VALUE`): the analyzer decides a language with a stage by the stage alone, so a
 * gate beside it would change nothing but the span calibration the trainer fits.
 */
export function decisionLanguages(extra: Readonly<Record<string, string | undefined>>): {
  gate: string[];
  stage: string[];
} {
  const list = (v: string | undefined) => (!v || v === '0' ? [] : v === '1' ? ['ru'] : v.split(','));
  const gate = list(extra.gate);
  const stage = list(extra.lineStage);
  const known = Object.values(SEMEVAL_LANGS);
  for (const [key, langs] of [
    ['gate', gate],
    ['lineStage', stage],
  ] as const) {
    const bad = langs.filter((l) => !known.includes(l));
    if (bad.length)
      throw new NewsprismError(
        'E_OPTION_VALUE',
        `--set ${key}=${extra[key]}: ${bad.join(', ')} is not a language of the data set (${known.join(', ')}; 1 for ru, 0 for none)`,
      );
  }
  const both = gate.filter((l) => stage.includes(l));
  if (both.length)
    throw new NewsprismError(
      'E_OPTION_VALUE',
      `gate and lineStage both name ${both.join(', ')}: a language with a line stage is decided by it alone; drop one`,
    );
  return { gate, stage };
}

/** Logistic regression of `ys` on `xs` (the last input is the bias) by Newton's method. */
export function logisticNewton(xs: readonly number[][], ys: readonly number[], l2: number): number[] {
  const n = xs[0]?.length ?? LINE_WIDTH;
  const w = new Array(n).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n * n);
    xs.forEach((x, i) => {
      const p = lineScore(w, x);
      const r = p - ys[i]!;
      const s = p * (1 - p);
      for (let a = 0; a < n; a++) {
        g[a]! += r * x[a]!;
        for (let b = 0; b < n; b++) h[a * n + b]! += s * x[a]! * x[b]!;
      }
    });
    const m = Math.max(1, xs.length);
    for (let a = 0; a < n; a++) {
      g[a] = g[a]! / m + l2 * w[a]!;
      for (let b = 0; b < n; b++) h[a * n + b] = h[a * n + b]! / m + (a === b ? l2 : 0);
    }
    const step = solve(h, g, n);
    let moved = 0;
    for (let a = 0; a < n; a++) {
      w[a] -= step[a]!;
      moved = Math.max(moved, Math.abs(step[a]!));
    }
    if (moved < 1e-6) break;
  }
  return w.map((x) => Math.round(x * 1e4) / 1e4);
}

/**
 * Fits a line stage ({@link LineStage}) on the lines of `articles`: per label with at least
 * `minSupport` gold lines, a logistic regression of the line's gold on {@link lineInputs};
 * then every such label's threshold on its line score, by coordinate ascent on the lines'
 * micro-F1 (plus `macroWeight` × macro-F1), the other labels keeping `fallback` on their
 * sentences' highest probability.
 */
export function fitLineStage(
  articles: readonly StageArticle[],
  fallback: ArrayLike<number>,
  labels: number,
  options: LineStageOptions = {},
): LineStage {
  const minSupport = options.minSupport ?? 15;
  const l2 = options.l2 ?? 1e-2;
  const width = options.articleDensity ? LINE_WIDTH_ARTICLE : LINE_WIDTH;
  const units: { x: (l: number) => number[]; max: Float64Array; gold: number[]; fold: number }[] = [];
  const k = options.crossFit ?? 0;
  for (const [ai, a] of articles.entries()) {
    const scores = articleScores(a.probs, labels);
    for (const line of a.lines) {
      if (!line.members.length) continue;
      const members = line.members.map((j) => a.probs[j]!);
      const max = new Float64Array(labels);
      for (const p of members) for (let l = 0; l < labels; l++) if (p[l]! > max[l]!) max[l] = p[l]!;
      units.push({
        x: (l) => lineInputs(members, scores, line.words, l, width),
        max,
        gold: [...line.gold],
        fold: k > 1 ? ai % k : 0,
      });
    }
  }
  const weights: number[][] = [];
  const probs = units.map((u) => Float64Array.from(u.max));
  const fitted: number[] = [];
  for (let l = 0; l < labels; l++) {
    const ys = units.map((u) => (u.gold.includes(l) ? 1 : 0));
    const positives = ys.reduce((s: number, y) => s + y, 0);
    if (positives < minSupport) {
      weights.push([]);
      continue;
    }
    const xs = units.map((u) => u.x(l));
    const w = logisticNewton(xs, ys, l2);
    weights.push(w);
    fitted.push(l);
    if (k > 1)
      for (let f = 0; f < k; f++) {
        const out = units.map((u, i) => (u.fold === f ? i : -1)).filter((i) => i >= 0);
        const rest = units.map((u, i) => (u.fold !== f ? i : -1)).filter((i) => i >= 0);
        const wf = logisticNewton(
          rest.map((i) => xs[i]!),
          rest.map((i) => ys[i]!),
          l2,
        );
        for (const i of out) probs[i]![l] = lineScore(wf, xs[i]!);
      }
    else
      xs.forEach((x, i) => {
        probs[i]![l] = lineScore(w, x);
      });
  }
  const gold = units.map((u) => u.gold);
  const start = Float32Array.from(fallback);
  const tuned = tuneThresholds(probs, gold, labels, minSupport);
  for (const l of fitted) start[l] = tuned[l]!;
  const thresholds = refineThresholds(probs, gold, start, options.macroWeight ?? 0, fitted);
  return { weights, thresholds: [...thresholds].map((x) => Math.round(x * 1e4) / 1e4) };
}
