// An article's density of techniques, gold and predicted: how the CV report splits its
// calibration outcomes (`train techniques --set cv=K`, `pooled_*_ece_dense|sparse|pdense|psparse`).
import type { SemevalArticle } from './dataset.js';

/** The keys whose values are above the median of the values. */
export function aboveMedian(values: ReadonlyMap<number, number>): Set<number> {
  const sorted = [...values.values()].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return new Set([...values].filter(([, v]) => v > median).map(([k]) => k));
}

/** Gold techniques per line (of `lines(ai)`) of each article of `lang`, by article index. */
export function goldDensity(
  train: readonly Pick<SemevalArticle, 'lang'>[],
  lines: (ai: number) => readonly { gold: readonly string[] }[],
  lang: string,
): Map<number, number> {
  const density = new Map<number, number>();
  train.forEach((a, ai) => {
    if (a.lang !== lang) return;
    const ls = lines(ai);
    density.set(ai, ls.reduce((n, l) => n + l.gold.length, 0) / Math.max(1, ls.length));
  });
  return density;
}

/** Pearson's correlation of the values two maps hold for their common keys. */
export function correlation(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  const keys = [...a.keys()].filter((k) => b.has(k));
  const n = Math.max(1, keys.length);
  const ma = keys.reduce((s, k) => s + a.get(k)!, 0) / n;
  const mb = keys.reduce((s, k) => s + b.get(k)!, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const k of keys) {
    const da = a.get(k)! - ma;
    const db = b.get(k)! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
}
