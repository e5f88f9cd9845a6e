import { calibrated, lengthBand } from '../../models/calibration.js';
import { FeatureHasher, type SparseVector } from '../../models/features.js';
import type { LinearModel } from '../../models/linear.js';
import { genreStyle, STYLE_MEASURES, type StyleMeasure } from './style.js';

/** Mean and standard deviation of each style measure, per language (`[mean, sd]`). */
export type StyleNorms = Record<string, Partial<Record<StyleMeasure, [number, number]>>>;

/**
 * What a style-based genre model records in `meta.genreStyle`: the measures it uses and their
 * norms per language, so that a measure means "above or below what is usual in this language"
 * (French sentences are longer, German capitalises nouns) and one weight serves all languages.
 */
export interface GenreStyleSettings {
  version: 1;
  measures: StyleMeasure[];
  norms: StyleNorms;
}

/** A z-score is clipped here: one odd article must not swing the decision alone. */
const CLIP = 3;

/** Per-language norms of the measures over training articles. */
export function styleNorms(
  rows: readonly { lang: string; style: Record<StyleMeasure, number> }[],
  measures: readonly StyleMeasure[] = STYLE_MEASURES,
): StyleNorms {
  const out: StyleNorms = {};
  for (const lang of new Set(rows.map((r) => r.lang))) {
    const mine = rows.filter((r) => r.lang === lang);
    const norms: Partial<Record<StyleMeasure, [number, number]>> = {};
    for (const m of measures) {
      const xs = mine.map((r) => r.style[m]);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) || 1;
      norms[m] = [Math.round(mean * 1e5) / 1e5, Math.round(sd * 1e5) / 1e5];
    }
    out[lang] = norms;
  }
  return out;
}

/** Clipped z-scores of an article's style measures against its language's norms. */
export function styleScores(
  style: Record<StyleMeasure, number>,
  lang: string,
  settings: GenreStyleSettings,
): Partial<Record<StyleMeasure, number>> {
  const norms = settings.norms[lang] ?? {};
  const out: Partial<Record<StyleMeasure, number>> = {};
  for (const m of settings.measures) {
    const [mean, sd] = norms[m] ?? [0, 1];
    out[m] = Math.max(-CLIP, Math.min(CLIP, (style[m] - mean) / sd));
  }
  return out;
}

/**
 * The feature vector of the genre model: a bias, the language (its prior) and one `g:<measure>`
 * feature per style measure whose value is the clipped z-score. The same function builds it at
 * training and at run time.
 */
export function genreVector(
  z: Partial<Record<StyleMeasure, number>>,
  lang: string,
  bits: number,
  keepNames = false,
): SparseVector {
  const h = new FeatureHasher(bits, keepNames);
  h.add('bias');
  h.add(`lang:${lang}`);
  for (const [m, v] of Object.entries(z)) h.add(`g:${m}`, v);
  return h.vector();
}

/** What each measure means, for reasons a reader can follow. */
const MEANING: Record<StyleMeasure, string> = {
  words: 'article length',
  wpp: 'words per paragraph',
  questOut: 'questions in its own voice',
  exclOut: 'exclamations in its own voice',
  digits: 'figures',
  caps: 'names (capitalised words)',
  longPara: 'long paragraphs',
  ellipsis: 'ellipses',
  saidPara: 'paragraphs with attribution (said, told…)',
  saidSent: 'sentences with attribution (said, told…)',
  saidRate: 'attribution verbs',
  iOut: 'first person singular outside quotes',
  weOut: 'first person plural outside quotes',
  evalOut: 'modal and evaluative words outside quotes',
  intensOut: 'intensifiers outside quotes',
  quoteShare: 'quoted text',
  ttr: 'distinct words',
  wordLen: 'word length',
};

/**
 * Scores an article with a style genre model: probabilities, the decided label, and the
 * measures that pushed it most, as `<measure>: above|below usual` reasons. `choose` (a run-time
 * prior's decision) picks `best` from the probabilities and the language's decision `base` (the
 * one the calibration maps were fitted on); without it `best` is `base`.
 */
export function scoreGenreStyle(
  text: string,
  lang: string,
  titleEnd: number,
  model: LinearModel,
  why: number,
  choose?: (p: Float64Array, base: number) => number,
): { p: Float64Array; best: number; base: number; reasons: string[] } {
  const settings = model.meta.genreStyle as GenreStyleSettings;
  const z = styleScores(genreStyle(text, lang, titleEnd), lang, settings);
  const v = genreVector(z, lang, model.bits);
  const p = model.probabilities(v);
  const base = model.decide(p, model.thresholdsFor(lang))[0]!;
  const best = choose ? choose(p, base) : base;
  const reasons = model
    .explain(v, best, why + 2)
    .filter((c) => c.feature.startsWith('g:'))
    .slice(0, why)
    .map((c) => {
      const m = c.feature.slice(2) as StyleMeasure;
      return `${MEANING[m]}: ${(z[m] ?? 0) > 0 ? 'above' : 'below'} usual`;
    });
  return { p, best, base, reasons };
}

/**
 * What a genre model records in `meta.genreTechniques`: for the languages where the share of
 * paragraphs with a persuasion technique (the `techniques` layer) improves the decision between
 * reporting and opinion in nested cross-validation (English), that share's norm (`mean`, `sd`)
 * and `weight`, and the `cut` and `slope` of the combined score
 * `v = weight · z(share) − (ln P(reporting) − ln P(opinion))` of the style model. Reporting uses
 * few techniques: an article is reporting when `v ≤ cut`.
 */
export interface GenreTechniqueSettings {
  /** 1: the share of paragraphs with a technique; 2: the share of sentences (any paragraphing). */
  version: 1 | 2;
  langs: Record<string, { mean: number; sd: number; weight: number; cut: number; slope: number }>;
}

/** The share of an article's paragraphs in which the `techniques` layer found a technique. */
export function techniqueShare(withTechnique: number, paragraphs: number): number {
  return withTechnique / Math.max(1, paragraphs);
}

/** What {@link documentTechniqueShare} reads of a document. */
interface ShareInput {
  paragraphs?: readonly unknown[];
  sentences?: readonly { start: number; end: number }[];
  techniques?: { paragraphs: readonly unknown[]; spans: readonly { start: number; end: number }[] };
}

/**
 * The share of an article's sentences that overlap a span of the `techniques` layer: unlike the
 * share of paragraphs, the same however the text is cut into lines. An article without
 * sentences counts as one.
 */
export function sentenceTechniqueShare(doc: ShareInput): number {
  const sentences = doc.sentences ?? [];
  const spans = doc.techniques?.spans ?? [];
  if (sentences.length === 0) return spans.length ? 1 : 0;
  const hit = new Uint8Array(sentences.length);
  for (const x of spans) {
    // The first sentence that ends after the span starts (sentences are in text order).
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= x.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sentences.length && sentences[i]!.start < x.end; i++) hit[i] = 1;
  }
  return hit.reduce((a, b) => a + b, 0) / sentences.length;
}

/**
 * The techniques share a genre model's settings were fitted with: of sentences (version 2) or
 * of paragraphs (version 1).
 */
export function documentTechniqueShare(doc: ShareInput, version: number): number {
  return version >= 2
    ? sentenceTechniqueShare(doc)
    : techniqueShare(doc.techniques?.paragraphs.length ?? 0, doc.paragraphs?.length ?? 0);
}

/**
 * The combined score `v` of {@link GenreTechniqueSettings} for a language's settings: low for
 * reporting. `p` are the style model's probabilities in the order of `labels`.
 */
export function techniqueScore(
  share: number,
  p: ArrayLike<number>,
  labels: readonly string[],
  t: GenreTechniqueSettings['langs'][string],
): number {
  const z = Math.max(-CLIP, Math.min(CLIP, (share - t.mean) / t.sd));
  const ln = (l: string) => Math.log(Math.max(p[labels.indexOf(l)]!, 1e-12));
  return t.weight * z - (ln('reporting') - ln('opinion'));
}

/**
 * Reporting against opinion for a language the model has techniques settings for (else
 * undefined), from the style model's probabilities `style` and the share of paragraphs with a
 * technique: P(reporting) = σ(slope · (cut − v)), the rest opinion; satire is not predicted in
 * these languages (English has one satire article) and gets 0.
 */
export function scoreGenreTechniques(
  share: number,
  lang: string,
  model: LinearModel,
  style: ArrayLike<number>,
): { p: Float64Array; best: number; reason: string } | undefined {
  const t = (model.meta.genreTechniques as GenreTechniqueSettings | undefined)?.langs[lang];
  if (!t) return undefined;
  const v = techniqueScore(share, style, model.labels, t);
  const rep = 1 / (1 + Math.exp(-t.slope * (t.cut - v)));
  const p = new Float64Array(model.labels.length);
  const r = model.labels.indexOf('reporting');
  const o = model.labels.indexOf('opinion');
  p[r] = rep;
  p[o] = 1 - rep;
  return {
    p,
    best: v <= t.cut ? r : o,
    reason: `${(model.meta.genreTechniques as GenreTechniqueSettings).version >= 2 ? 'sentences' : 'paragraphs'} with persuasion techniques: ${Math.round(share * 100)}%, ${share > t.mean ? 'above' : 'below'} usual`,
  };
}

/**
 * What a genre model records in `meta.genreCalibration`: Platt parameters for the chosen
 * genre's score, one fit for the articles the style model decides (`style`) and one for those
 * decided with the techniques share (`techniques`), each on out-of-fold predictions of the
 * training articles.
 */
export interface GenreCalibration {
  /**
   * 1: `style` scales the style model's probability of the chosen genre; 2: its offset-adjusted
   * probability ({@link adjustedChosen}); 3: the same, by a fit per chosen genre (an article
   * called opinion is right more often than one called reporting at the same probability).
   */
  version: 1 | 2 | 3;
  style?: { a: number; b: number };
  /** Version 2: a language's own fit for the style decision, in place of `style`. */
  styleLangs?: Record<string, { a: number; b: number }>;
  /** Version 3: the fit per chosen genre over every language (for a language without its own). */
  styleGenres?: Record<string, { a: number; b: number }>;
  /** Version 3: per language, the fit per chosen genre (in place of `styleGenres`). */
  styleLangGenres?: Record<string, Record<string, { a: number; b: number }>>;
  /**
   * Version 3, optional: maps for short texts, by length band, ascending `minWords`. A text of
   * n words (title included, as `countWords` counts them) takes the band with the largest
   * `minWords` ≤ n, the first band when n is below every band's; a text at or above `upTo`
   * takes the maps above (fitted on whole articles). Each band's maps are fitted on held-out
   * decisions of articles cut after `minWords` words: the scores of a model fitted on whole
   * articles are over-confident on cut ones (docs/benchmarks.md, session 13).
   */
  bands?: GenreBand[];
  /** The length from which the whole-article maps apply (the bands' upper end). */
  upTo?: number;
  techniques?: { a: number; b: number };
}

/** One length band of a version-3 calibration: see {@link GenreCalibration.bands}. */
export interface GenreBand {
  minWords: number;
  style: { a: number; b: number };
  styleGenres: Record<string, { a: number; b: number }>;
  styleLangGenres: Record<string, Record<string, { a: number; b: number }>>;
}

/**
 * The maps of a version-3 calibration for a text of `words` words: its length band's, or the
 * whole-article ones (`cal` itself) when it has no bands or the text reaches `upTo`.
 *
 * @example bandFor({version: 3, bands: [{minWords: 25, …}, {minWords: 100, …}], upTo: 400}, 60) // the band of 25
 */
export function bandFor(
  cal: GenreCalibration,
  words: number,
): Pick<GenreCalibration, 'style' | 'styleGenres' | 'styleLangGenres'> {
  return lengthBand(cal.bands, cal.upTo, words) ?? cal;
}

/**
 * The probability of the chosen genre once the language's offsets are applied: the style
 * model decides by the largest ln p + offset, so that distribution, p · e^offset renormalised,
 * rises with the margin of the decision (p alone need not: a genre chosen through its offset
 * can have a low p). What a version-2 calibration scales.
 */
export function adjustedChosen(p: ArrayLike<number>, offsets: ArrayLike<number>, best: number): number {
  let sum = 0;
  for (let l = 0; l < p.length; l++) sum += p[l]! * Math.exp(offsets[l] ?? 0);
  return sum > 0 ? (p[best]! * Math.exp(offsets[best] ?? 0)) / sum : p[best]!;
}

/**
 * The Platt parameters and their input for an article the style model decides, in `lang`
 * (version 3: the fit of the language and chosen genre, else of the genre, else the pooled one,
 * among the maps of the text's length band when the calibration has bands: `words`, the text's
 * word count, default a whole article's).
 */
export function styleCalibration(
  cal: GenreCalibration | undefined,
  lang: string,
  model: LinearModel,
  p: ArrayLike<number>,
  best: number,
  words = Number.POSITIVE_INFINITY,
): { c: { a: number; b: number } | undefined; x: number } {
  if (cal?.version !== 2 && cal?.version !== 3) return { c: cal?.style, x: p[best]! };
  const genre = model.labels[best]!;
  const m = cal.version === 3 ? bandFor(cal, words) : cal;
  const c =
    cal.version === 3
      ? (m.styleLangGenres?.[lang]?.[genre] ?? m.styleGenres?.[genre] ?? m.style)
      : (cal.styleLangs?.[lang] ?? cal.style);
  return { c, x: adjustedChosen(p, model.thresholdsFor(lang), best) };
}

/**
 * The probabilities with the chosen genre's score calibrated, σ(a · logit(x) + b) (`x` the
 * chosen genre's probability unless given), and the
 * others scaled to share the rest in their old proportions (a genre at 0 stays at 0). The
 * decision is not changed. Without parameters, `p` is returned as it is.
 */
export function calibrateChosen(
  p: Float64Array,
  best: number,
  c: { a: number; b: number } | undefined,
  x = p[best]!,
): Float64Array {
  if (!c) return p;
  const chosen = calibrated({ a: [c.a], b: [c.b] }, 0, x);
  const rest = 1 - p[best]!;
  const out = new Float64Array(p.length);
  for (let l = 0; l < p.length; l++)
    out[l] = l === best ? chosen : rest > 0 ? (p[l]! * (1 - chosen)) / rest : (1 - chosen) / (p.length - 1);
  return out;
}
