import { featureWordSpans, hashString, type WordRates } from '@newsprism/core/train';
import type { SemevalArticle } from './dataset.js';

/**
 * The techniques whose gold spans sit in a few words (`train techniques --set wordRates=1`):
 * their in-span word rates become sentence features (`lex:<technique>:<bucket>`, see
 * `WordRates` in `packages/core/src/layers/techniques/features.ts`).
 */
export const LEXICAL = ['Loaded_Language', 'Name_Calling-Labeling'] as const;

/** How word rates are made (`train techniques --set rateLabels=… rateStem=N rateHot=X`). */
export interface RateOptions {
  /** The techniques rated (default {@link LEXICAL}). */
  labels?: readonly string[];
  /** Rate words by their first `stem` characters (0 = whole word forms; see `WordRates.stem`). */
  stem?: number;
  /** Also count the unit's words rated at least `hot` × the prior (see `WordRates.hot`). */
  hot?: number;
  /** The highest rate bucket (see `WordRates.top`; default 8). */
  top?: number;
  /** Also the noisy-or of a unit's word rates (see `WordRates.noisyOr`). */
  noisyOr?: boolean;
}

/** The key a word is rated under: its first `stem` characters (the whole word when 0). */
function rateKey(word: string, stem = 0): string {
  return stem > 0 && word.length > stem ? word.slice(0, stem) : word;
}

/** One occurrence of a word: the word and, per rated technique, whether a gold span covers it. */
export interface Occurrence {
  word: string;
  start: number;
  inside: boolean[];
}

/**
 * The words of an article as the techniques features see them (lower-cased, `featureWordSpans`)
 * with whether each overlaps a gold span of each lexical technique; none when the lower-cased
 * text does not keep the offsets.
 */
export function articleOccurrences(
  a: SemevalArticle,
  { labels = LEXICAL, stem = 0 }: RateOptions = {},
): Occurrence[] {
  const spans = (a.spans ?? []).filter((s) => labels.includes(s.technique));
  const w = featureWordSpans(a.text);
  if (!w) return [];
  return w.words.map((word, i) => {
    const start = w.starts[i]!;
    const end = w.ends[i]!;
    return {
      word: rateKey(word, stem),
      start,
      inside: labels.map((t) => spans.some((s) => s.technique === t && s.start < end && start < s.end)),
    };
  });
}

/**
 * The smoothed in-span rates of the words of some articles (`occ`): (k + α·prior) / (n + α) for
 * a word seen n times, k of them inside a span of the technique. Words seen under `minCount`
 * times, and those below the prior for every technique, are left out (they score 0 either way:
 * below the prior is bucket 0).
 */
export function wordRates(
  occ: readonly Occurrence[][],
  minCount = 2,
  alpha = 2,
  { labels = LEXICAL, stem = 0, hot, top, noisyOr }: RateOptions = {},
): WordRates {
  const n = new Map<string, number>();
  const k = new Map<string, number[]>();
  const total = labels.map(() => 0);
  let all = 0;
  for (const art of occ)
    for (const o of art) {
      n.set(o.word, (n.get(o.word) ?? 0) + 1);
      const c = k.get(o.word) ?? labels.map(() => 0);
      o.inside.forEach((x, t) => {
        if (x) {
          c[t]!++;
          total[t]!++;
        }
      });
      k.set(o.word, c);
      all++;
    }
  const prior = total.map((x) => x / Math.max(1, all));
  const words: Record<string, number[]> = {};
  for (const [w, count] of [...n].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count < minCount) continue;
    const r = k.get(w)!.map((x, t) => (x + alpha * prior[t]!) / (count + alpha));
    if (r.some((x, t) => x >= prior[t]!)) words[w] = r.map((x) => Math.round(x * 1e4) / 1e4);
  }
  return {
    labels: [...labels],
    prior: prior.map((x) => Math.round(x * 1e6) / 1e6),
    words,
    ...(stem > 0 ? { stem } : {}),
    ...(hot ? { hot } : {}),
    ...(top && top !== 8 ? { top } : {}),
    ...(noisyOr ? { noisyOr } : {}),
  };
}

/** A stable inner fold of an article, 0..k−1. */
function innerFold(a: SemevalArticle, k: number, keyOf: (a: SemevalArticle) => string): number {
  return hashString(`inner:${keyOf(a)}`) % k;
}

/**
 * The word rates each article's sentences are described with: a training article's
 * (`isTrain`) from the training articles of the other `innerK` inner folds, so that no word is
 * rated by its own article's spans; any other article's from all training articles (`all`,
 * what a model fitted on them ships).
 */
export function ratesByArticle(
  articles: readonly SemevalArticle[],
  isTrain: (i: number) => boolean,
  innerK = 5,
  options: RateOptions = {},
  keyOf: (a: SemevalArticle) => string = (a) => `${a.dir}/${a.id}`,
): { all: WordRates; of: WordRates[] } {
  const occ = articles.map((a) => articleOccurrences(a, options));
  const trainIdx = articles.map((_, i) => i).filter(isTrain);
  const all = wordRates(
    trainIdx.map((i) => occ[i]!),
    2,
    2,
    options,
  );
  const inner = Array.from({ length: innerK }, (_, f) =>
    wordRates(
      trainIdx.filter((i) => innerFold(articles[i]!, innerK, keyOf) !== f).map((i) => occ[i]!),
      2,
      2,
      options,
    ),
  );
  return { all, of: articles.map((a, i) => (isTrain(i) ? inner[innerFold(a, innerK, keyOf)]! : all)) };
}
