import { NewsprismError } from '../../errors.js';
import type { LinearModel } from '../../models/linear.js';
import type { Genre } from '../frames/labels.js';

/** A deployment prior: the share of each genre the user expects in their corpus. */
export type GenrePrior = Record<Genre, number>;

/**
 * Named deployment priors for the genre option `prior`. They are assumptions a user picks
 * about their corpus, not measured shares: `news-wire` for agency copy and news desks (mostly
 * reports), `newspaper` for a paper's whole output (news with its comment pages).
 */
export const GENRE_PRIOR_PRESETS: Readonly<Record<string, GenrePrior>> = {
  'news-wire': { reporting: 0.85, opinion: 0.14, satire: 0.01 },
  newspaper: { reporting: 0.6, opinion: 0.38, satire: 0.02 },
};

/**
 * What a genre model records in `meta.genreTrainPrior`: how many training articles of each
 * label (in the model's label order) each language had. The shares the calibrated scores
 * reflect; the run-time prior divides them out.
 */
export interface GenreTrainPrior {
  version: 1;
  counts: Record<string, number[]>;
}

const GENRES: readonly Genre[] = ['reporting', 'opinion', 'satire'];

/** The value the option `prior` takes: a preset's name or shares per genre. */
export type GenrePriorOption = string | Partial<GenrePrior>;

/** True when `v` names a preset or gives a positive finite share for every genre and no other key. */
export function validPrior(v: unknown): boolean {
  // Own keys only: `in` also takes what every object inherits (`toString`, `constructor`).
  if (typeof v === 'string') return Object.hasOwn(GENRE_PRIOR_PRESETS, v);
  if (typeof v !== 'object' || v === null) return false;
  const keys = Object.keys(v);
  return (
    keys.length === GENRES.length &&
    GENRES.every((g) => {
      const x = (v as Record<string, unknown>)[g];
      return typeof x === 'number' && Number.isFinite(x) && x > 0;
    })
  );
}

/** The option rule of `prior` (kinds and the message of `E_OPTION_VALUE`). */
export const priorRule = {
  kinds: ['string', 'object'],
  valid: validPrior,
  expects: `a preset (${Object.keys(GENRE_PRIOR_PRESETS).join(', ')}) or a share > 0 for each of reporting, opinion, satire ({"reporting": 0.8, "opinion": 0.18, "satire": 0.02})`,
};

/** The prior of an option value, its shares normalised to sum to 1 (rounded to 4 decimals). */
export function resolvePrior(v: GenrePriorOption): GenrePrior {
  const given = typeof v === 'string' ? GENRE_PRIOR_PRESETS[v]! : (v as GenrePrior);
  const sum = GENRES.reduce((a, g) => a + given[g], 0);
  return Object.fromEntries(GENRES.map((g) => [g, Math.round((given[g] / sum) * 1e4) / 1e4])) as GenrePrior;
}

/**
 * The model's training counts, or a one-line error when it has none (models trained before
 * session 14's run-time prior, or decided with the techniques share, which it does not cover).
 */
export function trainPriorOf(model: LinearModel): GenreTrainPrior {
  const t = model.meta.genreTrainPrior as GenreTrainPrior | undefined;
  if (!t || !model.meta.genreStyle || model.meta.genreTechniques)
    throw new NewsprismError(
      'E_GENRE_PRIOR_MODEL',
      'the genre model records no training prior (meta.genreTrainPrior) for the option "prior"; use the shipped model, retrain yours with `newsprism train genre`, or drop "prior"',
    );
  return t;
}

/**
 * Per label (model order), π'(c) / π_train(c): the prior's share over the language's training
 * share, add-one smoothed as the trainer's `prior` option smooths it. A language the model has
 * no counts for keeps its scores (all 1).
 */
export function priorRatios(
  prior: GenrePrior,
  train: GenreTrainPrior,
  lang: string,
  labels: readonly string[],
) {
  const counts = train.counts[lang];
  if (!counts) return labels.map(() => 1);
  const n = counts.reduce((a, b) => a + b, 0);
  return labels.map((l, i) => prior[l as Genre] / ((counts[i]! + 1) / (n + labels.length)));
}

/**
 * The calibrated probabilities under the training prior: the decided genre's calibrated score
 * `s`, the rest shared by the other genres in proportion to p · e^offset (the decision's
 * distribution, so that a genre the model never predicts in the language — English satire,
 * offset −20 — takes none of it; raw p would give it the class-balanced model's share).
 */
export function calibratedPosterior(
  p: ArrayLike<number>,
  offsets: ArrayLike<number>,
  base: number,
  s: number,
): Float64Array {
  const out = new Float64Array(p.length);
  let rest = 0;
  for (let l = 0; l < p.length; l++) if (l !== base) rest += p[l]! * Math.exp(offsets[l] ?? 0);
  for (let l = 0; l < p.length; l++)
    out[l] =
      l === base
        ? s
        : rest > 0
          ? ((1 - s) * p[l]! * Math.exp(offsets[l] ?? 0)) / rest
          : (1 - s) / (p.length - 1);
  return out;
}

/**
 * Bayes under a new prior: calibrated probabilities `q` (under the training prior) re-weighted,
 * q'(c) ∝ q(c) · ratio(c).
 */
export function reweight(q: ArrayLike<number>, ratios: readonly number[]): Float64Array {
  let sum = 0;
  for (let l = 0; l < ratios.length; l++) sum += q[l]! * ratios[l]!;
  const out = new Float64Array(ratios.length);
  for (let l = 0; l < ratios.length; l++) out[l] = sum > 0 ? (q[l]! * ratios[l]!) / sum : q[l]!;
  return out;
}

/**
 * The Bayes decision under the prior: the genre of the highest re-weighted probability `q`,
 * among those the model predicts in the language (offset above −20).
 */
export function bayesChoice(q: ArrayLike<number>, offsets: ArrayLike<number>): number {
  let best = -1;
  for (let l = 0; l < q.length; l++) if ((offsets[l] ?? 0) > -20 && (best < 0 || q[l]! > q[best]!)) best = l;
  return Math.max(0, best);
}
