import { type GenreCalibration, type Outcome, reliability } from '@newsprism/core/train';
import { brier, eceNoise, groupedEce, reliabilityRows } from '../checkthat/kfold-calibration.js';

/** A held-out decision of the style model: its language, the chosen genre, the score to map, right or not. */
export interface GenreCalItem {
  lang: string;
  genre: string;
  p: number;
  y: boolean;
}

/** Platt parameters. */
type Fit = { a: number; b: number };

/** The maps of a version-3 genre calibration (`meta.genreCalibration` less `version`). */
export type GenreMaps = Required<Pick<GenreCalibration, 'style' | 'styleGenres' | 'styleLangGenres'>>;

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Fits the chosen genre's score per genre and language: σ(a · logit(p) + b_genre + c_lang,genre),
 * one slope for all, an offset per chosen genre, and a deviation per language and genre pulled
 * toward 0 by an L2 penalty `lambda` (a language with few articles called satire keeps the
 * genre's offset; English's 313 articles called opinion get their own). Platt's smoothed
 * targets, Newton's method on the penalised log loss. `style` is the pooled fit of one offset
 * (for a genre no training article was called). Why per genre: at the same probability an
 * article called opinion is right far more often than one called reporting (out of fold, in
 * every language), which a map per language cannot express.
 */
export function fitGenreMaps(items: readonly GenreCalItem[], lambda = 10): GenreMaps {
  const genres = [...new Set(items.map((x) => x.genre))].sort();
  const langs = [...new Set(items.map((x) => x.lang))].sort();
  const G = genres.length;
  const d = 1 + G + langs.length * G;
  const cols = items.map((x) => {
    const g = genres.indexOf(x.genre);
    return [1 + g, 1 + G + langs.indexOf(x.lang) * G + g];
  });
  const xs = items.map((x) => logit(x.p));
  const pos = items.filter((x) => x.y).length;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (items.length - pos + 2);
  const t = items.map((x) => (x.y ? hi : lo));
  // w[0] the slope (from 1; held at 0 when `flat`), w[1..G] the genre offsets, then the
  // language × genre deviations.
  const fit = (flat: boolean): number[] => {
    const w = new Array<number>(d).fill(0);
    w[0] = flat ? 0 : 1;
    const pen = (k: number) => (k > G ? lambda : 0);
    // Coordinate-wise Newton steps (the loss is convex; each coordinate's step needs only its
    // own gradient and curvature, no linear solve).
    const z = items.map((_, i) => w[0]! * xs[i]! + w[cols[i]![0]!]! + w[cols[i]![1]!]!);
    const value = (k: number, i: number): number =>
      k === 0 ? xs[i]! : cols[i]![0] === k || cols[i]![1] === k ? 1 : 0;
    for (let sweep = 0; sweep < 300; sweep++) {
      let moved = 0;
      for (let k = flat ? 1 : 0; k < d; k++) {
        let g = pen(k) * w[k]!;
        let h = pen(k) + 1e-9;
        for (let i = 0; i < items.length; i++) {
          const v = value(k, i);
          if (!v) continue;
          const q = sigmoid(z[i]!);
          g += (q - t[i]!) * v;
          h += q * (1 - q) * v * v;
        }
        const step = g / h;
        if (!step) continue;
        w[k]! -= step;
        for (let i = 0; i < items.length; i++) z[i]! -= step * value(k, i);
        moved = Math.max(moved, Math.abs(step));
      }
      if (moved < 1e-7) break;
    }
    return w;
  };
  // A falling slope would reverse the order of the scores: as in `fitPlatt`, such a fit becomes
  // a flat one (each genre's and language's share of right outcomes).
  let w = fit(false);
  if (!(w[0]! > 0)) w = fit(true);
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const a = r4(w[0]!);
  const styleGenres: Record<string, Fit> = {};
  genres.forEach((genre, g) => {
    styleGenres[genre] = { a, b: r4(w[1 + g]!) };
  });
  const styleLangGenres: Record<string, Record<string, Fit>> = {};
  langs.forEach((lang, l) => {
    const mine: Record<string, Fit> = {};
    genres.forEach((genre, g) => {
      mine[genre] = { a, b: r4(w[1 + g]! + w[1 + G + l * G + g]!) };
    });
    styleLangGenres[lang] = mine;
  });
  // The pooled fit: the same slope, one offset (what an unseen genre gets).
  const mean = t.reduce((s, v) => s + v, 0) / Math.max(1, t.length);
  let b = logit(mean);
  for (let it = 0; it < 50; it++) {
    let gb = 0;
    let hb = 1e-9;
    xs.forEach((x, i) => {
      const q = sigmoid(w[0]! * x + b);
      gb += q - t[i]!;
      hb += q * (1 - q);
    });
    b -= gb / hb;
  }
  return { style: { a, b: r4(b) }, styleGenres, styleLangGenres };
}

/** The map of {@link fitGenreMaps} applied to an item (its language and genre, else the genre's). */
export function applyGenreMaps(m: GenreMaps, x: Pick<GenreCalItem, 'lang' | 'genre' | 'p'>): number {
  const f = m.styleLangGenres[x.lang]?.[x.genre] ?? m.styleGenres[x.genre] ?? m.style;
  return sigmoid(f.a * logit(x.p) + f.b);
}

/**
 * Cross-fits {@link fitGenreMaps} by fold: each fold's items mapped by the maps fitted on the
 * other folds. Returns the held-out outcomes in item order, `group` the chosen genre.
 */
export function crossFitGenreMaps(
  items: readonly (GenreCalItem & { fold: number })[],
  lambda = 10,
): (Outcome & { lang: string; fold: number; group: string })[] {
  const out = new Array<Outcome & { lang: string; fold: number; group: string }>(items.length);
  for (const f of new Set(items.map((x) => x.fold))) {
    const maps = fitGenreMaps(
      items.filter((x) => x.fold !== f),
      lambda,
    );
    items.forEach((x, i) => {
      if (x.fold === f)
        out[i] = { p: applyGenreMaps(maps, x), y: x.y, lang: x.lang, fold: f, group: x.genre };
    });
  }
  return out;
}

/**
 * The calibration figures of held-out outcomes grouped by chosen genre, as `<key>_*` metrics:
 * the ECE over all (`_ece`), the ECE within each genre weighted by its size (`_gece`, see
 * `groupedEce`) with what a perfectly calibrated score of the same values shows of it
 * (`_gece_floor`, `_gece_q95`, `_gece_p`), and the Brier score (`_brier`).
 */
export function genreCalMetrics(
  key: string,
  outcomes: readonly (Outcome & { group: string })[],
  metrics: Record<string, number>,
): void {
  if (!outcomes.length) return;
  const noise = eceNoise(outcomes, 0.05, 500, 1, groupedEce);
  metrics[`${key}_ece`] = reliability(outcomes).ece;
  metrics[`${key}_gece`] = noise.ece;
  metrics[`${key}_gece_floor`] = noise.floor;
  metrics[`${key}_gece_q95`] = noise.q95;
  metrics[`${key}_gece_p`] = noise.p;
  metrics[`${key}_brier`] = brier(outcomes);
}

/** A reliability table per chosen genre (10 bins each) as report rows. */
export function genreReliabilityRows(
  outcomes: readonly (Outcome & { group: string })[],
): (string | number)[][] {
  const rows: (string | number)[][] = [['genre chosen', 'score', 'articles', 'mean score', 'share right']];
  for (const g of [...new Set(outcomes.map((o) => o.group))].sort())
    for (const r of reliabilityRows(outcomes.filter((o) => o.group === g)).slice(1)) rows.push([g, ...r]);
  return rows;
}
