import { type ArticleGate, articleScores } from '@newsprism/core/train';

/** An article as the gate is fitted on it: out-of-fold sentence probabilities and its lines. */
export interface GateArticle {
  /** Probabilities of the article's sentences, in order. */
  probs: readonly ArrayLike<number>[];
  /** Its lines: gold label indices and the indices of the sentences in each. */
  lines: readonly { gold: readonly number[]; members: readonly number[] }[];
}

/** Options of {@link fitArticleGate}. */
export interface GateFitOptions {
  /** Labels with fewer gold lines keep `init` and no article condition. */
  minSupport?: number;
  /** Rounds of coordinate ascent over the labels. */
  passes?: number;
  /** Candidate cuts per label: sentence thresholds and article scores (order statistics). */
  sentenceCuts?: number;
  articleCuts?: number;
}

/** `n` evenly spaced order statistics of `xs` (unique, ascending). */
function cuts(xs: readonly number[], n: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  const out = new Set<number>();
  for (let i = 0; i < n && s.length; i++) out.add(s[Math.min(s.length - 1, Math.floor((i * s.length) / n))]!);
  return [...out];
}

function f1(tp: number, fp: number, fn: number): number {
  return tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/**
 * Fits an article gate ({@link ArticleGate}) to the lines of `articles` by coordinate ascent on
 * their micro-F1 (a line uses a technique when one of its sentences is decided for it): from
 * `init` (the model's thresholds, no article condition), each label in turn takes the pair of
 * article cut and sentence threshold that gives the highest micro-F1 with the other labels' pairs
 * fixed. A sentence threshold of 0 labels every sentence of the articles that pass the cut.
 */
export function fitArticleGate(
  articles: readonly GateArticle[],
  init: ArrayLike<number>,
  labels: number,
  options: GateFitOptions = {},
): ArticleGate {
  const minSupport = options.minSupport ?? 15;
  const passes = options.passes ?? 3;
  const scores = articles.map((a) => articleScores(a.probs, labels));
  // Per line: its article, the highest probability of its sentences per label, its gold labels.
  const lineArticle: number[] = [];
  const lineMax: Float64Array[] = [];
  const lineGold: Set<number>[] = [];
  articles.forEach((a, k) => {
    for (const line of a.lines) {
      const m = new Float64Array(labels).fill(Number.NEGATIVE_INFINITY);
      for (const j of line.members) {
        const p = a.probs[j]!;
        for (let l = 0; l < labels; l++) if (p[l]! > m[l]!) m[l] = p[l]!;
      }
      lineArticle.push(k);
      lineMax.push(m);
      lineGold.push(new Set(line.gold));
    }
  });
  const n = lineMax.length;
  const gate: ArticleGate = { article: new Array(labels).fill(0), sentence: Array.from(init) };
  const count = (l: number, a: number, s: number) => {
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      if (scores[lineArticle[i]!]![l]! < a || lineMax[i]![l]! < s) continue;
      if (lineGold[i]!.has(l)) tp++;
      else fp++;
    }
    return { tp, fp };
  };
  const positives = new Array(labels).fill(0);
  for (const g of lineGold) for (const l of g) if (l < labels) positives[l]++;
  let TP = 0;
  let FP = 0;
  let FN = 0;
  const current = Array.from({ length: labels }, (_, l) => {
    const c = count(l, gate.article[l]!, gate.sentence[l]!);
    TP += c.tp;
    FP += c.fp;
    FN += positives[l] - c.tp;
    return c;
  });
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let l = 0; l < labels; l++) {
      if (positives[l] < minSupport) continue;
      const cur = current[l]!;
      const tp0 = TP - cur.tp;
      const fp0 = FP - cur.fp;
      const fn0 = FN - (positives[l] - cur.tp);
      let best = f1(TP, FP, FN);
      let pick: { a: number; s: number; tp: number; fp: number } | undefined;
      const sCuts = [
        0,
        ...cuts(lineMax.map((m) => m[l]!).filter(Number.isFinite), options.sentenceCuts ?? 32),
      ];
      const aCuts = [
        0,
        ...cuts(
          scores.map((x) => x[l]!),
          options.articleCuts ?? 12,
        ),
      ];
      for (const a of aCuts)
        for (const s of sCuts) {
          const c = count(l, a, s);
          const v = f1(tp0 + c.tp, fp0 + c.fp, fn0 + positives[l] - c.tp);
          if (v > best + 1e-9) {
            best = v;
            pick = { a, s, ...c };
          }
        }
      if (!pick) continue;
      moved = true;
      gate.article[l] = pick.a;
      gate.sentence[l] = pick.s;
      current[l] = { tp: pick.tp, fp: pick.fp };
      TP = tp0 + pick.tp;
      FP = fp0 + pick.fp;
      FN = fn0 + positives[l] - pick.tp;
    }
    if (!moved) break;
  }
  // Rounded down, so that an article or sentence at a cut stays at or above it.
  const round = (x: number) => Math.floor(x * 1e4) / 1e4;
  return { article: gate.article.map(round), sentence: gate.sentence.map(round) };
}
