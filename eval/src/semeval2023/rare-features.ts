import type { Sample } from '@newsprism/core/train';

/**
 * The samples without the features (hashed buckets) that occur in fewer than `minDf` of their
 * groups (articles): a model fitted on them keeps a weight of 0 for a bucket seen in too few
 * training articles, so it cannot learn one article's wording. The other values are kept as
 * they are (not re-normalised), so the model scores any text's full vector exactly as it
 * scored these: nothing changes at run time.
 */
export function withoutRareFeatures(samples: readonly Sample[], minDf: number): Sample[] {
  if (minDf <= 1) return samples as Sample[];
  const seen = new Map<number, string>();
  const df = new Map<number, number>();
  for (const s of samples)
    for (const i of s.x.idx)
      if (seen.get(i) !== s.group) {
        seen.set(i, s.group ?? '');
        df.set(i, (df.get(i) ?? 0) + 1);
      }
  return samples.map((s) => {
    const idx: number[] = [];
    const val: number[] = [];
    s.x.idx.forEach((i, j) => {
      if ((df.get(i) ?? 0) >= minDf) {
        idx.push(i);
        val.push(s.x.val[j]!);
      }
    });
    return { ...s, x: { idx, val } };
  });
}
