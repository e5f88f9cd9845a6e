import { prng } from '@newsprism/core/train';

/**
 * Spherical k-means (cosine) of the unit rows `members` of `data` (`dims` columns) into `k`
 * clusters: k-means++ seeding, then `iterations` rounds of assignment and mean direction. Rows
 * weigh `weight[i]` in the means and the seeding (frequent words pull their cluster). Returns
 * each member's cluster, in `0 … k−1`.
 */
export function sphericalKmeans(
  data: Float64Array,
  dims: number,
  members: readonly number[],
  weight: readonly number[],
  k: number,
  iterations: number,
  seed: number,
): number[] {
  const n = members.length;
  if (n <= k) return members.map((_, i) => i % k);
  const rand = prng(seed);
  const centres = new Float64Array(k * dims);
  const dot = (row: number, c: number) => {
    let x = 0;
    for (let t = 0; t < dims; t++) x += data[row * dims + t]! * centres[c * dims + t]!;
    return x;
  };
  // k-means++ on cosine distance 1 − dot.
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let first = 0;
  {
    let total = 0;
    for (let i = 0; i < n; i++) total += weight[members[i]!]!;
    let r = rand() * total;
    for (let i = 0; i < n; i++) {
      r -= weight[members[i]!]!;
      if (r <= 0) {
        first = i;
        break;
      }
    }
  }
  const setCentre = (c: number, i: number) => {
    for (let t = 0; t < dims; t++) centres[c * dims + t] = data[members[i]! * dims + t]!;
  };
  setCentre(0, first);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(members[i]!, c - 1));
      if (d < dist[i]!) dist[i] = d;
      total += dist[i]! * dist[i]! * weight[members[i]!]!;
    }
    let r = rand() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i]! * dist[i]! * weight[members[i]!]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    setCentre(c, pick);
  }
  const assign = new Array<number>(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const x = dot(members[i]!, c);
        if (x > bestDot) {
          bestDot = x;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    if (moved === 0) break;
    centres.fill(0);
    const size = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i]!;
      const w = weight[members[i]!]!;
      size[c]! += w;
      for (let t = 0; t < dims; t++) centres[c * dims + t]! += w * data[members[i]! * dims + t]!;
    }
    for (let c = 0; c < k; c++) {
      // An empty cluster takes the member farthest from its own centre.
      if (size[c] === 0) {
        let far = 0;
        let farDot = Number.POSITIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          const x = dot(members[i]!, assign[i]!);
          if (x < farDot) {
            farDot = x;
            far = i;
          }
        }
        setCentre(c, far);
        assign[far] = c;
        continue;
      }
      let ss = 0;
      for (let t = 0; t < dims; t++) ss += centres[c * dims + t]! ** 2;
      const norm = ss > 0 ? 1 / Math.sqrt(ss) : 0;
      for (let t = 0; t < dims; t++) centres[c * dims + t]! *= norm;
    }
  }
  return assign;
}

/**
 * Hierarchical cluster ids: the rows are cut into `branching[0]` clusters, each of those into
 * `branching[1]`, and so on; a row's id is its path read as one number (mixed radix), so the
 * cluster at level L is `id / (product of the later branchings)`, floored.
 */
export function hierarchicalKmeans(
  data: Float64Array,
  dims: number,
  rows: number,
  weight: readonly number[],
  branching: readonly number[],
  iterations: number,
  seed: number,
): number[] {
  const ids = new Array<number>(rows).fill(0);
  let groups: number[][] = [Array.from({ length: rows }, (_, i) => i)];
  branching.forEach((b, level) => {
    const next: number[][] = [];
    groups.forEach((members, g) => {
      const parts = Array.from({ length: b }, () => [] as number[]);
      const assign = sphericalKmeans(data, dims, members, weight, b, iterations, seed + 1000 * level + g);
      members.forEach((row, i) => {
        ids[row] = ids[row]! * b + assign[i]!;
        parts[assign[i]!]!.push(row);
      });
      next.push(...parts);
    });
    groups = next;
  });
  return ids;
}
