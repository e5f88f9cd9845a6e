/**
 * An article-level gate on the sentence decisions (`meta.articleGate`, per language): a sentence
 * uses technique l when its probability reaches `sentence[l]` and the article's score of l (the
 * mean of its sentences' probabilities) reaches `article[l]`. The article score decides whether
 * the article uses the technique at all; the sentence threshold then which of its sentences do
 * (0: all of them). Nothing here depends on how the text is cut into paragraphs.
 */

/** Per label: the article score and the sentence probability a decision needs. */
export interface ArticleGate {
  article: number[];
  sentence: number[];
}

/** The gates of a model, by language code. */
export type ArticleGates = Record<string, ArticleGate>;

/** What is wrong with a model file's gate for `labels` labels, or undefined when nothing is. */
export function articleGateProblem(gate: unknown, labels: number): string | undefined {
  const g = gate as Partial<ArticleGate> | null;
  const ok = (x: unknown) => Array.isArray(x) && x.length === labels && x.every((v) => Number.isFinite(v));
  return ok(g?.article) && ok(g?.sentence) ? undefined : `needs article and sentence: ${labels} numbers each`;
}

/** The article's score of each label: the mean of its sentences' probabilities. */
export function articleScores(probs: readonly ArrayLike<number>[], labels: number): Float64Array {
  const out = new Float64Array(labels);
  if (probs.length === 0) return out;
  for (const p of probs) for (let l = 0; l < labels; l++) out[l]! += p[l]!;
  for (let l = 0; l < labels; l++) out[l]! /= probs.length;
  return out;
}

/**
 * Per label, the sentence threshold the gate leaves for this article: `sentence[l]` when the
 * article's score reaches `article[l]`, else above any probability (the article does not use it).
 */
export function gatedThresholds(gate: ArticleGate, scores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(gate.sentence.length);
  for (let l = 0; l < out.length; l++)
    out[l] = scores[l]! >= gate.article[l]! ? gate.sentence[l]! : Number.POSITIVE_INFINITY;
  return out;
}
