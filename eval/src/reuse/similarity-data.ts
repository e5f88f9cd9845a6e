import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsprismError } from '@newsprism/core';

/** One scored pair of story-similarity data (SemEval-2022 Task 8). */
export interface SimilarityRow {
  pair_id: string;
  lang1: string;
  lang2: string;
  text1: string;
  text2: string;
  Geography: number;
  Entities: number;
  Time: number;
  Narrative: number;
  Overall: number;
}

/** Reads `story-similarity/pairs.jsonl` under `data`. */
export function loadSimilarity(data: string): SimilarityRow[] {
  const file = join(data, 'story-similarity', 'pairs.jsonl');
  if (!existsSync(file))
    throw new NewsprismError('E_NO_DATA', `${file} not found; pass --data ../shared/data`);
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const r = JSON.parse(l) as Record<string, string>;
      const num = (k: string) => Number(r[k]);
      return {
        pair_id: r.pair_id!,
        lang1: r.lang1!,
        lang2: r.lang2!,
        text1: r.text1 ?? '',
        text2: r.text2 ?? '',
        Geography: num('Geography'),
        Entities: num('Entities'),
        Time: num('Time'),
        Narrative: num('Narrative'),
        Overall: num('Overall'),
      };
    });
}

/** Pearson correlation of two equally long lists (NaN when either is constant). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Least squares with a small ridge: intercept and one weight per column of `x`. */
export function fitLinear(
  x: readonly number[][],
  y: readonly number[],
  ridge = 0.01,
): { intercept: number; weights: number[] } {
  const d = x[0]!.length + 1;
  const a = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const b = new Array<number>(d).fill(0);
  x.forEach((row, i) => {
    const r = [1, ...row];
    for (let p = 0; p < d; p++) {
      b[p]! += r[p]! * y[i]!;
      for (let q = 0; q < d; q++) a[p]![q]! += r[p]! * r[q]!;
    }
  });
  for (let p = 1; p < d; p++) a[p]![p]! += ridge * x.length;
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    [b[c], b[piv]] = [b[piv]!, b[c]!];
    for (let r = c + 1; r < d; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < d; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const w = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < d; k++) s -= a[r]![k]! * w[k]!;
    w[r] = s / a[r]![r]!;
  }
  return { intercept: w[0]!, weights: w.slice(1) };
}
