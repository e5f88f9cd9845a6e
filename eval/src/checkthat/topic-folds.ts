import { prng } from '@newsprism/core/train';

type Vec = Map<string, number>;

// Content words of four letters or more, weighted by tf-idf and scaled to unit length; words in
// one sentence only, or in more than a tenth of them (and more than five), carry no topic.
function tfidf(texts: readonly string[]): Vec[] {
  const docs = texts.map((t) => t.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const maxDf = Math.max(5, texts.length / 10);
  return docs.map((d) => {
    const v: Vec = new Map();
    for (const w of d) {
      const f = df.get(w)!;
      if (f >= 2 && f <= maxDf) v.set(w, (v.get(w) ?? 0) + Math.log(texts.length / f));
    }
    return unit(v);
  });
}

function unit(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  const k = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (const [w, x] of v) v.set(w, x * k);
  return v;
}

function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (const [w, x] of a) s += x * (b.get(w) ?? 0);
  return s;
}

/**
 * Cluster numbers of `texts` by spherical k-means (`clusters` centres, the first picked by `seed`) over
 * tf-idf vectors of their content words: sentences that share rare words (one article's topic)
 * land together.
 */
export function topicClusters(texts: readonly string[], clusters: number, seed = 1): number[] {
  const vecs = tfidf(texts);
  const rand = prng(seed);
  // A random first centre, then each next one the sentence least like the centres so far
  // (farthest-first), so that two centres seldom start on one topic.
  // Sentences without topic words cannot seed a cluster.
  const seeds = vecs.map((v, i) => [v, i] as const).filter(([v]) => v.size > 0);
  const first = seeds.length ? seeds[Math.floor(rand() * seeds.length)]![1] : 0;
  let centres: Vec[] = [new Map(vecs[first]!)];
  const nearest = vecs.map((v) => dot(v, vecs[first]!));
  while (centres.length < Math.min(clusters, seeds.length)) {
    let far = seeds[0]![1];
    for (const [, i] of seeds) if (nearest[i]! < nearest[far]!) far = i;
    centres.push(new Map(vecs[far]!));
    vecs.forEach((v, i) => {
      nearest[i] = Math.max(nearest[i]!, dot(v, vecs[far]!));
    });
  }
  let assign = new Array<number>(vecs.length).fill(0);
  for (let it = 0; it < 15; it++) {
    assign = vecs.map((v) => {
      let best = 0;
      let bestScore = -1;
      centres.forEach((c, k) => {
        const s = dot(v, c);
        if (s > bestScore) [best, bestScore] = [k, s];
      });
      return best;
    });
    centres = centres.map((_, k) => {
      const c: Vec = new Map();
      vecs.forEach((v, i) => {
        if (assign[i] === k) for (const [w, x] of v) c.set(w, (c.get(w) ?? 0) + x);
      });
      return unit(c);
    });
  }
  return assign;
}

/**
 * Fold numbers (`0..folds-1`) that keep each topic cluster of {@link topicClusters} in one fold,
 * the biggest clusters placed first on the lightest fold. Cross-validation over these folds
 * measures what a held-out set from other articles measures; folds over single sentences let
 * a model score by remembering the topic words of the article a sentence came from.
 *
 * @example
 * topicFolds(sentences, 5, 20, 1); // [3, 0, 3, 1, …]
 */
export function topicFolds(texts: readonly string[], folds: number, clusters: number, seed = 1): number[] {
  const assign = topicClusters(texts, clusters, seed);
  const sizes = new Map<number, number>();
  for (const a of assign) sizes.set(a, (sizes.get(a) ?? 0) + 1);
  const load = new Array<number>(folds).fill(0);
  const foldOf = new Map<number, number>();
  for (const [k, n] of [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(k, f);
    load[f]! += n;
  }
  return assign.map((a) => foldOf.get(a)!);
}
