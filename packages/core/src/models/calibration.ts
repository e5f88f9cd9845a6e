/**
 * Calibration of the scores a model presents: Platt scaling (a logistic regression on the
 * logit of the raw probability) per label, fitted on held-out (out-of-fold) predictions of the
 * findings the model would present. Decisions do not change: only the score shown with a
 * finding becomes the probability that the finding is right.
 */

/**
 * Platt parameters per label: calibrated = σ(a[l] · logit(p) + b[l]); or, for a label with
 * `steps`, an isotonic step function in their place.
 */
export interface Calibration {
  a: number[];
  b: number[];
  /** Per label (null: Platt), the steps of an isotonic fit ({@link fitIsotonic}). */
  steps?: (Steps | null)[];
  /**
   * Per language, a Platt map applied after the label's own: σ(a · logit(c) + b) of the
   * label-calibrated score c, for languages whose held-out error it lowered (frames@2).
   */
  langs?: Record<string, { a: number; b: number }>;
  /**
   * Optional maps for short texts, by length band, ascending `minWords` (frames, session 14):
   * a text of n words (title included, as `countWords` counts them) below `upTo` is mapped by
   * the band with the largest `minWords` ≤ n (the first below every band's) in place of `a`,
   * `b`, `langs`, which are fitted on whole articles. Each band is fitted on held-out scores of
   * articles cut after its `minWords` words ({@link calibrationFor}).
   */
  bands?: CalibrationBand[];
  /** The length from which the whole-article maps apply (the bands' upper end). */
  upTo?: number;
}

/** One length band of a {@link Calibration}: per-label Platt maps and per-language maps. */
export interface CalibrationBand {
  minWords: number;
  a: number[];
  b: number[];
  langs?: Record<string, { a: number; b: number }>;
}

/**
 * The length band of a text of `words` words among `bands` (ascending `minWords`): the one with
 * the largest `minWords` ≤ `words`, the first when `words` is below every band's; none when
 * there are no bands or `words` reaches `upTo`. Genre's and frames' calibrations both use it.
 *
 * @example lengthBand([{minWords: 150}, {minWords: 300}], 500, 200) // {minWords: 150}
 */
export function lengthBand<B extends { minWords: number }>(
  bands: readonly B[] | undefined,
  upTo: number | undefined,
  words: number,
): B | undefined {
  if (!bands?.length || words >= (upTo ?? Number.POSITIVE_INFINITY)) return undefined;
  let band = bands[0]!;
  for (const b of bands) if (b.minWords <= words) band = b;
  return band;
}

/**
 * The calibration for a text of `words` words: its length band's maps (with the label steps
 * of `c`, which bands do not replace) or `c` itself ({@link Calibration.bands}).
 */
export function calibrationFor(c: Calibration | undefined, words: number): Calibration | undefined {
  const band = c && lengthBand(c.bands, c.upTo, words);
  if (!band) return c;
  return { a: band.a, b: band.b, ...(band.langs ? { langs: band.langs } : {}) };
}

/** A rising step function: `y[k]` for scores from `x[k]` on (`y[0]` below `x[1]`). */
export interface Steps {
  x: number[];
  y: number[];
}

const EPS = 1e-6;

function logit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

/** The calibrated probability of label `l` for the raw probability `p` (raw when `c` is absent). */
export function calibrated(c: Calibration | undefined, l: number, p: number): number {
  if (!c) return p;
  const steps = c.steps?.[l];
  if (steps) {
    // The last step that starts at or below p (binary search; the first covers everything below).
    let lo = 0;
    let hi = steps.x.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (steps.x[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return steps.y[lo]!;
  }
  return 1 / (1 + Math.exp(-(c.a[l]! * logit(p) + c.b[l]!)));
}

/**
 * The calibrated probability of label `l` for an article in `lang`: the label's map, then the
 * language's map when the calibration has one for `lang` ({@link Calibration.langs}).
 */
export function calibratedIn(c: Calibration | undefined, lang: string, l: number, p: number): number {
  const q = calibrated(c, l, p);
  const m = c?.langs?.[lang];
  return m ? 1 / (1 + Math.exp(-(m.a * logit(q) + m.b))) : q;
}

/**
 * A Platt map of a derived score (techniques: a paragraph's noisy-or of its calibrated
 * sentence scores), per language: σ(a · logit(q) + b) with the language's own `a`, `b` when
 * `langs` has it, else the pooled ones. `{a: 1, b: 0}` leaves the score as it is.
 */
export interface PlattByLanguage {
  a: number;
  b: number;
  langs?: Record<string, { a: number; b: number }>;
}

/** `q` mapped by `m` for `lang` ({@link PlattByLanguage}); `q` itself when `m` is absent. */
export function plattIn(m: PlattByLanguage | undefined, lang: string, q: number): number {
  if (!m) return q;
  const f = m.langs?.[lang] ?? m;
  return 1 / (1 + Math.exp(-(f.a * logit(q) + f.b)));
}

/** A held-out prediction: the raw probability and whether the finding was right. */
export interface Outcome {
  p: number;
  y: boolean;
}

/**
 * Fits σ(a · logit(p) + b) to outcomes by Newton's method on the log loss, with Platt's
 * smoothed targets ((n₊ + 1) / (n₊ + 2), 1 / (n₋ + 2)) so a few outcomes do not give 0 or 1.
 * A falling fit (a < 0) becomes the constant share of right outcomes. With `slope`, `a` is
 * held at it and only `b` is fitted (a group's own offset on a slope fitted on more data).
 */
export function fitPlatt(outcomes: readonly Outcome[], slope?: number): { a: number; b: number } {
  const pos = outcomes.filter((o) => o.y).length;
  const neg = outcomes.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const xs = outcomes.map((o) => logit(o.p));
  const ts = outcomes.map((o) => (o.y ? hi : lo));
  const loss = (a: number, b: number): number => {
    let l = 0;
    for (let i = 0; i < xs.length; i++) {
      const z = a * xs[i]! + b;
      // log(1 + e^z) − t·z, computed without overflow.
      l += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - ts[i]! * z;
    }
    return l;
  };
  if (slope !== undefined) return { a: slope, b: fitOffset(xs, ts, slope) };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const q = 1 / (1 + Math.exp(-(a * xs[i]! + b)));
      const d = q - ts[i]!;
      const w = q * (1 - q);
      ga += d * xs[i]!;
      gb += d;
      haa += w * xs[i]! * xs[i]!;
      hab += w * xs[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Newton's step, halved until the loss goes down (Platt's fit as Lin et al. made it safe).
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const done = current - next < 1e-10 * Math.max(1, Math.abs(current));
    current = next;
    if (done) break;
  }
  // A higher raw score must not mean a lower calibrated one: without a rising fit, every score
  // gets the share right.
  if (!(a >= 0)) return { a: 0, b: logit((pos + 1) / (outcomes.length + 2)) };
  return { a, b };
}

// The b minimising the log loss of σ(a · x + b) against targets `ts` (Newton's method; the loss
// is convex in b).
function fitOffset(xs: readonly number[], ts: readonly number[], a: number): number {
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let g = 0;
    let h = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const q = 1 / (1 + Math.exp(-(a * xs[i]! + b)));
      g += q - ts[i]!;
      h += q * (1 - q);
    }
    const step = Math.max(-5, Math.min(5, g / h));
    b -= step;
    if (Math.abs(step) < 1e-9) break;
  }
  return b;
}

/**
 * Isotonic regression of the outcomes on the score (pool-adjacent-violators): blocks of
 * neighbouring scores whose share right rises with the score, each read as that share smoothed
 * ((right + ½) / (n + 1), so a small block says neither 0 nor 1). No shape is assumed, unlike
 * Platt's sigmoid; it needs more outcomes (a step per block).
 */
export function fitIsotonic(outcomes: readonly Outcome[]): Steps {
  const sorted = [...outcomes].sort((a, b) => a.p - b.p);
  const blocks: Block[] = [];
  for (const o of sorted) {
    const last = blocks[blocks.length - 1];
    // Equal scores share one block.
    if (last && last.lo === o.p) {
      last.right += o.y ? 1 : 0;
      last.n++;
    } else blocks.push({ lo: o.p, right: o.y ? 1 : 0, n: 1 });
    poolViolators(blocks);
  }
  return stepsOf(blocks);
}

/** A run of sorted outcomes: its lowest score, how many are right, how many in all. */
interface Block {
  lo: number;
  right: number;
  n: number;
}

/** Pool-adjacent-violators: the last block is merged into the one before while its share right is not higher. */
function poolViolators(blocks: Block[]): void {
  while (blocks.length > 1) {
    const b = blocks[blocks.length - 1]!;
    const a = blocks[blocks.length - 2]!;
    if (a.right / a.n < b.right / b.n) break;
    blocks.splice(-2, 2, { lo: a.lo, right: a.right + b.right, n: a.n + b.n });
  }
}

/** Steps from monotone blocks: each block's share right, smoothed by half an outcome each way. */
function stepsOf(blocks: readonly Block[]): Steps {
  return {
    x: blocks.map((b) => Math.round(b.lo * 1e4) / 1e4),
    y: blocks.map((b) => Math.round(((b.right + 0.5) / (b.n + 1)) * 1e4) / 1e4),
  };
}

/**
 * Histogram binning made monotone: the scores sorted and cut into `bins` groups of about equal
 * size (equal scores kept together), neighbouring groups pooled while the share right falls
 * (pool-adjacent-violators over the groups), each read as that share smoothed like
 * {@link fitIsotonic}. Fewer, larger steps than isotonic regression: each step rests on at
 * least n / `bins` outcomes, so the extreme steps do not follow a handful of sentences.
 */
export function fitHistogram(outcomes: readonly Outcome[], bins = 10): Steps {
  const sorted = [...outcomes].sort((a, b) => a.p - b.p);
  const size = Math.max(1, Math.ceil(sorted.length / Math.max(1, bins)));
  const groups: Block[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = Math.min(sorted.length, i + size);
    while (j < sorted.length && sorted[j]!.p === sorted[j - 1]!.p) j++;
    let right = 0;
    for (let k = i; k < j; k++) right += sorted[k]!.y ? 1 : 0;
    groups.push({ lo: sorted[i]!.p, right, n: j - i });
    i = j;
    poolViolators(groups);
  }
  return stepsOf(groups);
}

/**
 * Whether a calibration keeps the order of the raw scores: every Platt slope ≥ 0 and every
 * step function's starts and values never falling. A map that
 * is not monotone would rank two findings the other way round from the decision.
 */
export function isMonotone(c: Calibration): boolean {
  if (!c.a.every((a) => Number.isFinite(a) && a >= 0) || !c.b.every(Number.isFinite)) return false;
  for (const m of Object.values(c.langs ?? {}))
    if (!(Number.isFinite(m.a) && m.a >= 0 && Number.isFinite(m.b))) return false;
  for (const band of c.bands ?? []) if (!isMonotone(band)) return false;
  for (const s of c.steps ?? []) {
    if (!s) continue;
    if (s.x.length === 0 || s.x.length !== s.y.length) return false;
    for (let k = 1; k < s.x.length; k++)
      if (!(s.x[k]! >= s.x[k - 1]!) || !(s.y[k]! >= s.y[k - 1]!)) return false;
    if (!s.y.every((y) => y >= 0 && y <= 1)) return false;
  }
  return true;
}

/**
 * Platt parameters for each of `labels` labels from its held-out outcomes; a label with fewer
 * than `minOutcomes` takes the fit of all labels' outcomes together.
 */
export function fitCalibration(outcomes: readonly Outcome[][], minOutcomes = 40): Calibration {
  const pooled = fitPlatt(outcomes.flat());
  const a: number[] = [];
  const b: number[] = [];
  for (const o of outcomes) {
    const f = o.length >= minOutcomes ? fitPlatt(o) : pooled;
    a.push(Math.round(f.a * 1e4) / 1e4);
    b.push(Math.round(f.b * 1e4) / 1e4);
  }
  return { a, b };
}

/** A row of a reliability table: the scores in `[from, to)`, their mean and the share right. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanScore: number;
  accuracy: number;
}

/**
 * Expected calibration error over `bins` equal-width bins of the score (the count-weighted mean
 * of |accuracy − mean score|) and the reliability table it is computed from.
 */
export function reliability(
  outcomes: readonly Outcome[],
  bins = 10,
): { ece: number; table: ReliabilityBin[] } {
  const table: ReliabilityBin[] = [];
  for (let k = 0; k < bins; k++)
    table.push({ from: k / bins, to: (k + 1) / bins, count: 0, meanScore: 0, accuracy: 0 });
  for (const o of outcomes) {
    const t = table[Math.min(bins - 1, Math.floor(o.p * bins))]!;
    t.count++;
    t.meanScore += o.p;
    t.accuracy += o.y ? 1 : 0;
  }
  let ece = 0;
  for (const t of table) {
    if (!t.count) continue;
    t.meanScore /= t.count;
    t.accuracy /= t.count;
    ece += (t.count / Math.max(1, outcomes.length)) * Math.abs(t.accuracy - t.meanScore);
  }
  return { ece, table };
}
