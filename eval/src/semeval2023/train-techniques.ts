import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { labelsByLine, NewsprismError, numberOption, TECHNIQUES } from '@newsprism/core';
import type { Tagger } from '@newsprism/core/train';
import {
  type ArticleGates,
  articleScores,
  articleStats,
  articleUnitVectors,
  type Calibration,
  type ClusterUse,
  calibrated,
  crossValidate,
  fileLines,
  fitCalibration,
  fitContext,
  gatedThresholds,
  type LinearModel,
  type LineStages,
  lemmaFeatures,
  lineDecide,
  lineInputs,
  lineScore,
  namingFeatures,
  type Outcome,
  refineThresholds,
  reliability,
  type Sample,
  type SentenceContext,
  spanNgramFeatures,
  syntaxFeatures,
  type TrainOptions,
  trainAveraged,
  tuneThresholds,
  type WordEndings,
  type WordRates,
  withContext,
  wordCount,
} from '@newsprism/core/train';
import { clusterFileChecksum, clustersFor, useClusterFile } from '../checkthat/cluster-features.js';
import { eceNoise } from '../checkthat/kfold-calibration.js';
import type { Report, Task, TaskOptions } from '../task.js';
import { fitArticleGate } from './article-gate.js';
import { loadSemeval, SEMEVAL_LANGS, type SemevalArticle } from './dataset.js';
import { aboveMedian, correlation, goldDensity } from './density.js';
import { LAYOUTS, type Layout, layoutLines } from './layouts.js';
import { decisionLanguages, fitLineStage, type StageArticle } from './line-stage.js';
import { LEXICAL, type RateOptions, ratesByArticle } from './loaded-words.js';
import { addGroupPairs, majorityLabels, multiLabelF1, perLabelTable, rocAuc } from './metrics.js';
import { nearDuplicateGroups } from './near-duplicates.js';
import {
  fitParagraphCalibration,
  type ParagraphCalibrationReport,
  paragraphCalibrationMetrics,
  paragraphOutcomes,
} from './paragraph-calibration.js';
import {
  loadPtc,
  PTC_DIR,
  type PtcArticle,
  type PtcSelection,
  ptcTwins,
  selectPtc,
  twinAgreement,
} from './ptc.js';
import { withoutRareFeatures } from './rare-features.js';
import { saveSemevalModel } from './save-model.js';
import { type Segmented, segmentArticles, spanTechniques, type TextSpan } from './segment.js';
import { addTaggerFeatures, type TaggedWords, tagDecides, taggedWords, taggerScores } from './span-tagger.js';

/** Hash bits of the techniques model. */
export const TECHNIQUE_BITS = 17;

/**
 * The sentences of an article (as the pipeline splits them) with their features and gold
 * technique indices: those of the gold spans that overlap each sentence.
 */
export function sentenceSamples(
  a: SemevalArticle,
  sentences: readonly TextSpan[],
  bits = TECHNIQUE_BITS,
  prefix = 5,
  extra: {
    valence?: boolean;
    rates?: WordRates;
    clusters?: ClusterUse;
    suffix?: WordEndings;
    /** Without the word forms' n-grams (an experiment: lemmas instead of forms). */
    noForms?: boolean;
  } = {},
): Sample[] {
  const { noForms, ...rest } = extra;
  const xs = articleUnitVectors(a.text, sentences, a.lang, bits, false, prefix, rest);
  if (noForms) {
    // The n-grams come first in a unit's vector (`spanFeatures`): as many entries as these.
    const stats = articleStats(a.text, a.lang);
    xs.forEach((x, i) => {
      const k = spanNgramFeatures(stats, sentences[i]!.start, sentences[i]!.end, bits, prefix).idx.length;
      xs[i] = { idx: x.idx.slice(k), val: x.val.slice(k) };
    });
  }
  return spanTechniques(a, sentences).map((gold, i) => ({
    x: xs[i]!,
    y: gold.map((t) => TECHNIQUES.indexOf(t as never)).filter((k) => k >= 0),
    group: `${a.dir}/${a.id}`,
  }));
}

/** The labelled lines of an article with their features and gold technique indices. */
export function techniqueSamples(a: SemevalArticle, bits = TECHNIQUE_BITS, prefix = 5): Sample[] {
  const lines = fileLines(a.text);
  const xs = articleUnitVectors(a.text, lines, a.lang, bits, false, prefix);
  const out: Sample[] = [];
  lines.forEach((l, i) => {
    const gold = a.lines?.get(l.line);
    if (!gold) return;
    out.push({
      x: xs[i]!,
      y: gold.map((t) => TECHNIQUES.indexOf(t as never)).filter((k) => k >= 0),
      group: `${a.dir}/${a.id}`,
    });
  });
  return out;
}

function opts(o: TaskOptions): TrainOptions {
  return {
    kind: 'multilabel',
    labels: TECHNIQUES,
    bits: numberOption(o.extra, 'bits', TECHNIQUE_BITS),
    epochs: numberOption(o.extra, 'epochs', 6),
    rate: numberOption(o.extra, 'rate', 0.1),
    l2: numberOption(o.extra, 'l2', 1e-6),
    // 2 for sentences (fewer positives each than lines), 3 as before for lines.
    maxPositiveWeight: numberOption(o.extra, 'posw', o.extra.unit === 'line' ? 3 : 2),
    // `--set seed=N`: other shuffles and inner folds (how much one training run varies).
    ...(o.extra.seed ? { seed: numberOption(o.extra, 'seed', 0) } : {}),
    // `--set bag=B`: each averaged seed's model on a resample of the articles (1: bootstrap).
    ...(o.extra.bag ? { bag: numberOption(o.extra, 'bag', 0, { min: 0 }) } : {}),
  };
}

/**
 * Thresholds refined per language on that language's out-of-fold predictions (label densities
 * differ a lot between languages). A label with under `minLangSupport` examples in a language
 * keeps the global threshold.
 */
function perLanguageThresholds(
  train: SemevalArticle[],
  samples: readonly Labelled[],
  oof: Float64Array[],
  global: Float32Array,
  o: TaskOptions,
): Record<string, number[]> {
  const langOf = new Map(train.map((a) => [`${a.dir}/${a.id}`, a.lang]));
  const out: Record<string, number[]> = {};
  const minLang = numberOption(o.extra, 'minLangSupport', 15);
  for (const lang of new Set(langOf.values())) {
    const idx = samples.map((s, i) => (langOf.get(s.group!) === lang ? i : -1)).filter((i) => i >= 0);
    const gold = idx.map((i) => samples[i]!.y);
    const tune = TECHNIQUES.map((_, l) => l).filter(
      (l) => gold.reduce((s, g) => s + (g.includes(l) ? 1 : 0), 0) >= minLang,
    );
    const t = refineThresholds(
      idx.map((i) => oof[i]!),
      gold,
      global,
      numberOption(o.extra, `macroWeight.${lang}`, numberOption(o.extra, 'macroWeight', 1)),
      tune,
    );
    out[lang] = [...t].map((x) => Math.round(x * 1e4) / 1e4);
  }
  return out;
}

/** What threshold tuning needs of an example: its gold labels and its article. */
type Labelled = Pick<Sample, 'y' | 'group'>;

/** One line of a layout of an article: its gold techniques and the article's sentences in it. */
interface LayoutLine {
  gold: string[];
  /** Indices into the article's sentences. */
  members: number[];
  /** Whitespace-separated words of the line. */
  words: number;
}

/**
 * The lines of an article laid out as `layout` (see {@link layoutLines}), each with its gold
 * techniques from the span file and the sentences that start in it.
 */
export function layoutGroups(
  a: SemevalArticle,
  seg: Segmented,
  layout: Layout,
  mergeWords = 90,
): LayoutLine[] {
  const lines = layoutLines(a.text, seg.paragraphs, seg.sentences, layout, mergeWords);
  const gold = lines.map((ranges) => [...new Set(spanTechniques(a, ranges).flat())].sort());
  const members: number[][] = lines.map(() => []);
  let k = 0;
  seg.sentences.forEach((s, j) => {
    const inside = (ranges: readonly TextSpan[]) => ranges.some((r) => r.start <= s.start && s.start < r.end);
    if (k < lines.length && !inside(lines[k]!)) {
      const next = lines.findIndex((ranges) => inside(ranges));
      if (next < 0) return;
      k = next;
    }
    members[k]!.push(j);
  });
  return lines.map((ranges, i) => ({
    gold: gold[i]!,
    members: members[i]!,
    words: ranges.reduce((n, r) => n + wordCount(a.text, r.start, r.end), 0),
  }));
}

/**
 * The units thresholds are tuned on when a line is labelled by its sentences (a line has a
 * technique iff one of its sentences scores at or above the technique's threshold): every line
 * of each of `layouts` of every article, with the highest out-of-fold probability of its
 * sentences per technique. `samples` and `oof` hold the articles' sentences in order.
 */
function layoutUnits(
  articles: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  samples: readonly Sample[],
  oof: readonly Float64Array[],
  layouts: readonly Layout[],
): { units: Labelled[]; probs: Float64Array[] } {
  const units: Labelled[] = [];
  const probs: Float64Array[] = [];
  let from = 0;
  articles.forEach((a, ai) => {
    const seg = segmented[ai]!;
    for (const layout of layouts)
      for (const line of layoutGroups(a, seg, layout)) {
        const p = new Float64Array(TECHNIQUES.length);
        for (const j of line.members) {
          const q = oof[from + j]!;
          for (let l = 0; l < p.length; l++) if (q[l]! > p[l]!) p[l] = q[l]!;
        }
        probs.push(p);
        units.push({
          y: line.gold.map((t) => TECHNIQUES.indexOf(t as never)).filter((k) => k >= 0),
          group: samples[from]?.group ?? `${a.dir}/${a.id}`,
        });
      }
    from += seg.sentences.length;
  });
  return { units, probs };
}

/** The layouts thresholds are tuned on (`--set tuneOn=sentences|layouts|original+sentences…`). */
function tuningLayouts(o: TaskOptions): Layout[] | undefined {
  const v = o.extra.tuneOn ?? 'sentences';
  if (v === 'sentences') return undefined;
  if (v === 'layouts') return [...LAYOUTS];
  const list = v.split('+');
  for (const x of list)
    if (!LAYOUTS.includes(x as Layout))
      throw new NewsprismError('E_OPTION_VALUE', `tuneOn: ${x} is not sentences, layouts or a layout`);
  return list as Layout[];
}

/** The `[from, to)` ranges of consecutive samples of one article (samples come article by article). */
function articleRanges(samples: readonly Sample[]): [number, number][] {
  const out: [number, number][] = [];
  samples.forEach((s, i) => {
    const last = out[out.length - 1];
    if (last && samples[last[0]]!.group === s.group) last[1] = i + 1;
    else out.push([i, i + 1]);
  });
  return out;
}

/**
 * The probabilities of the sentences of each article rescored by the second stage
 * (`context`, {@link withContext}); `probs[i]` belongs to `samples[i]`.
 */
function contextProbabilities(
  samples: readonly Sample[],
  probs: readonly Float64Array[],
  context: SentenceContext | undefined,
): Float64Array[] {
  if (!context) return probs as Float64Array[];
  return articleRanges(samples).flatMap(([a, b]) => withContext(probs.slice(a, b), context));
}

/** Scores a model on articles at line level (features only, no pipeline): for quick checks. */
export function quickScore(model: LinearModel, articles: SemevalArticle[]) {
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (const a of articles)
    for (const s of techniqueSamples(a, model.bits, (model.meta.prefix as number | undefined) ?? 5)) {
      gold.push(s.y.map((k) => TECHNIQUES[k]!));
      pred.push(
        model.decide(model.probabilities(s.x), model.thresholdsFor(a.lang)).map((k) => TECHNIQUES[k]!),
      );
    }
  return multiLabelF1(gold, pred, TECHNIQUES);
}

/** The parts of a fitted techniques model that the trainer reports on. */
interface Fitted {
  model: LinearModel;
  langThresholds: Record<string, number[]>;
  calibration: Calibration;
  /** Expected calibration error of the presented findings, calibration fitted on the other folds. */
  heldOutEce: number[];
  /** The map of paragraph scores and its cross-fitted errors (sentence models only). */
  paragraphs?: ParagraphCalibrationReport;
}

/** The language of each sample's article. */
function languages(train: readonly SemevalArticle[], samples: readonly Sample[]): string[] {
  const langOf = new Map(train.map((a) => [`${a.dir}/${a.id}`, a.lang]));
  return samples.map((s) => langOf.get(s.group!) ?? '');
}

/**
 * The held-out outcomes of the findings a model presents: for each label, every out-of-fold
 * probability at or above the sample's threshold of the label (`thresholdOf(i)`: its language's,
 * or its article's under an article gate), right or wrong.
 */
function presented(
  samples: readonly Sample[],
  oof: readonly Float64Array[],
  thresholdOf: (i: number) => ArrayLike<number>,
  keep: (i: number) => boolean = () => true,
  also: ReadonlySet<number> = new Set(),
): Outcome[][] {
  const out: Outcome[][] = TECHNIQUES.map(() => []);
  const L = TECHNIQUES.length;
  samples.forEach((s, i) => {
    if (!keep(i)) return;
    const t = thresholdOf(i);
    for (let l = 0; l < L; l++)
      if (oof[i]![l]! >= t[l]! || also.has(i * L + l)) out[l]!.push({ p: oof[i]![l]!, y: s.y.includes(l) });
  });
  return out;
}

/** The key of an article's group of near-duplicates, from the article's key (`dir/id`). */
type GroupOf = (key: string) => string;

/**
 * The groups of near-duplicate articles that folds keep together (`--set cvGroups=lines`,
 * {@link nearDuplicateGroups}; `cvGroups=none`: every article its own group), with
 * `--set groupShared=N` (default 2) and `groupWords=N` (default 10).
 */
function articleGroups(articles: readonly SemevalArticle[], o: TaskOptions): GroupOf {
  const mode = o.extra.cvGroups ?? 'none';
  if (mode === 'none') return (key) => key;
  if (mode !== 'lines') throw new NewsprismError('E_OPTION_VALUE', `cvGroups: ${mode} is not lines or none`);
  const minShared = numberOption(o.extra, 'groupShared', 2);
  const minWords = numberOption(o.extra, 'groupWords', 10);
  if (!(Number.isInteger(minShared) && minShared >= 1 && Number.isInteger(minWords) && minWords >= 1))
    throw new NewsprismError('E_OPTION_VALUE', 'groupShared and groupWords must be whole numbers ≥ 1');
  const keys = articles.map((a) => `${a.dir}/${a.id}`);
  const groups = nearDuplicateGroups(
    articles.map((a) => a.text),
    { minShared, minWords },
  );
  const map = new Map(keys.map((k, i) => [k, keys[groups[i]!]!]));
  return (key) => map.get(key) ?? key;
}

/**
 * The groups the fitting's own inner folds keep together (thresholds, calibration, the
 * cross-fitted word rates and tagger): the near-duplicate groups with `--set innerGroups=1`,
 * else every article alone (as before).
 */
function innerGroups(o: TaskOptions, groupOf: GroupOf): GroupOf {
  return o.extra.innerGroups === '1' ? groupOf : (key) => key;
}

/**
 * What a line stage presents as spans, for the calibration of span scores: per language with a
 * stage, its labels of the regression leave the sentence rule (threshold above any probability
 * in `thresholds`, per article), and the sentence of each original line that scores highest for
 * a label the stage decides is presented instead (`i · labels + l` in the returned set).
 */
function stagePresented(
  train: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  oof: readonly Float64Array[],
  stages: LineStages,
  thresholds: ArrayLike<number>[],
): Set<number> {
  const L = TECHNIQUES.length;
  const out = new Set<number>();
  let from = 0;
  train.forEach((a, ai) => {
    const n = segmented[ai]!.sentences.length;
    const stage = stages[a.lang];
    if (stage) {
      const t = Float64Array.from(thresholds[ai]!);
      for (let l = 0; l < L; l++) if (stage.weights[l]?.length) t[l] = Number.POSITIVE_INFINITY;
      thresholds[ai] = t;
      const probs = oof.slice(from, from + n);
      const scores = articleScores(probs, L);
      for (const line of layoutGroups(a, segmented[ai]!, 'original')) {
        const members = line.members.map((j) => probs[j]!);
        for (const l of lineDecide(stage, members, scores, line.words)) {
          if (!stage.weights[l]?.length) continue;
          let best = line.members[0]!;
          for (const j of line.members) if (probs[j]![l]! > probs[best]![l]!) best = j;
          out.add((from + best) * L + l);
        }
      }
    }
    from += n;
  });
  return out;
}

/**
 * The articles of `lang` with their out-of-fold sentence probabilities (`oof`, all articles'
 * sentences in order) and the lines of `layouts` (gold technique indices, member sentences, words):
 * what an article gate or a line stage is fitted on.
 */
function languageArticles(
  train: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  oof: readonly Float64Array[],
  lang: string,
  layouts: readonly Layout[],
  withWords = true,
): StageArticle[] {
  const articles: StageArticle[] = [];
  let from = 0;
  train.forEach((a, ai) => {
    const n = segmented[ai]!.sentences.length;
    if (a.lang === lang)
      articles.push({
        probs: oof.slice(from, from + n),
        lines: layouts.flatMap((layout) =>
          layoutGroups(a, segmented[ai]!, layout).map((g) => ({
            gold: g.gold.map((t) => TECHNIQUES.indexOf(t as never)).filter((k) => k >= 0),
            members: g.members,
            words: withWords ? g.words : 0,
          })),
        ),
      });
    from += n;
  });
  return articles;
}

/**
 * Article gates ({@link fitArticleGate}) for the languages of `--set gate`, each fitted on the
 * original lines of that language's articles from their out-of-fold sentence probabilities,
 * starting from the language's thresholds.
 */
function fitGates(
  train: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  oof: readonly Float64Array[],
  thresholdsOf: (lang: string) => ArrayLike<number>,
  o: TaskOptions,
): ArticleGates | undefined {
  const langs = decisionLanguages(o.extra).gate;
  if (!langs.length || segmented.length !== train.length) return undefined;
  const out: ArticleGates = {};
  for (const lang of langs) {
    const articles = languageArticles(train, segmented, oof, lang, ['original']);
    if (articles.length)
      out[lang] = fitArticleGate(articles, thresholdsOf(lang), TECHNIQUES.length, {
        minSupport: numberOption(o.extra, 'gateSupport', 15),
        articleCuts: numberOption(o.extra, 'gateArticleCuts', 12),
        sentenceCuts: numberOption(o.extra, 'gateSentenceCuts', 32),
      });
  }
  return out;
}

/**
 * Line stages ({@link fitLineStage}) for the languages of `--set lineStage=ru,…` (`1`: Russian),
 * each fitted on the original lines (or those of the `--set stageOn` layouts) of that language's
 * articles from their out-of-fold sentence probabilities; labels left to the sentence rule keep
 * the language's thresholds.
 */
function fitLineStages(
  train: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  oof: readonly Float64Array[],
  thresholdsOf: (lang: string) => ArrayLike<number>,
  o: TaskOptions,
): LineStages | undefined {
  const langs = decisionLanguages(o.extra).stage;
  if (!langs.length || segmented.length !== train.length) return undefined;
  const out: LineStages = {};
  // `--set stageOn=original+sentences…`: the layouts whose lines it is fitted on.
  const on = (o.extra.stageOn ?? 'original').split('+') as Layout[];
  for (const x of on)
    if (!LAYOUTS.includes(x)) throw new NewsprismError('E_OPTION_VALUE', `stageOn: ${x} is not a layout`);
  for (const lang of langs) {
    // `--set stageWords=0`: the length input is 0 while fitting, so its weight is 0 and the
    // stage decides by the probabilities alone (a paragraph's length is the layout's).
    const articles = languageArticles(train, segmented, oof, lang, on, o.extra.stageWords !== '0');
    if (articles.length)
      out[lang] = fitLineStage(articles, thresholdsOf(lang), TECHNIQUES.length, {
        minSupport: numberOption(o.extra, 'stageSupport', 15),
        l2: numberOption(o.extra, 'stageL2', 1e-2),
        macroWeight: numberOption(o.extra, 'stageMacro', 0),
        // `--set stageDensity=1`: the article's summed technique probability as an input.
        ...(o.extra.stageDensity === '1' ? { articleDensity: true } : {}),
        // `--set stageCross=K`: the stage's thresholds chosen on line scores cross-fitted by article.
        crossFit: numberOption(o.extra, 'stageCross', 0, { min: 0, int: true }),
      });
  }
  return out;
}

/**
 * Each article's thresholds (`train[ai]`, its sentences' probabilities from `probs[from]` on):
 * its language's, or, under an article gate, those the gate leaves for the article
 * ({@link gatedThresholds}).
 */
function articleThresholds(
  train: readonly SemevalArticle[],
  segmented: readonly Segmented[],
  probs: readonly Float64Array[],
  thresholdsOf: (lang: string) => ArrayLike<number>,
  gates: ArticleGates | undefined,
): ArrayLike<number>[] {
  let from = 0;
  return train.map((a, ai) => {
    const n = segmented[ai]!.sentences.length;
    const gate = gates?.[a.lang];
    const thresholds = gate
      ? gatedThresholds(gate, articleScores(probs.slice(from, from + n), TECHNIQUES.length))
      : thresholdsOf(a.lang);
    from += n;
    return thresholds;
  });
}

/** A stable fold number of an article, 0..k−1. */
function foldOf(group: string, k: number, salt = 'cv'): number {
  const h = createHash('sha1').update(`${salt}:${group}`).digest();
  return h.readUInt32BE(0) % k;
}

/**
 * Fits a techniques model: out-of-fold predictions tune the thresholds (global, then per
 * language) and the calibration of the presented scores; the model is trained on all samples.
 */
function fitTechniques(
  train: SemevalArticle[],
  segmented: readonly Segmented[],
  samples: Sample[],
  o: TaskOptions,
  seeds: number,
  groupOf: GroupOf = (key) => key,
): Fitted {
  const options = opts(o);
  // `--set minDf=K`: only features seen in K or more of the training articles get a weight.
  samples = withoutRareFeatures(samples, numberOption(o.extra, 'minDf', 1));
  const folds = numberOption(o.extra, 'folds', 3);
  // `--set oofSeeds=N`: the out-of-fold scores that thresholds and calibration are fitted on
  // come from inner models averaged over N seeds, as the final model is over `seeds` (default
  // 1, single-seed inner models). Session 10: N = 3 calibrates a little better on `val` but
  // costs techniques@3 0.006 of micro-F1 there, so it is an option, not the default.
  const grouped = samples.map((s) => ({ ...s, group: groupOf(s.group!) }));
  const first = crossValidate(grouped, folds, options, numberOption(o.extra, 'oofSeeds', 1));
  if (o.extra.spanDecide === '1') tagDecides(samples, first);
  // The second stage (`--set context=1`): neighbours' and the article's probabilities,
  // fitted on the first stage's out-of-fold probabilities of whole articles.
  const ranges = articleRanges(samples);
  const context =
    o.extra.context === '1'
      ? fitContext(
          ranges.map(([a, b]) => first.slice(a, b)),
          ranges.map(([a, b]) => samples.slice(a, b).map((s) => s.y)),
          TECHNIQUES.length,
        )
      : undefined;
  // `--set oofRepeats=R`: R partitions of the inner folds (other seeds), their out-of-fold
  // probabilities stacked: thresholds, stage, gate and calibration are fitted on R copies of
  // every article, each scored by models of another partition (less noise of one partition;
  // calibration folds still keep each article's copies together). The model is trained once.
  const repeats = numberOption(o.extra, 'oofRepeats', 1);
  if (!(Number.isInteger(repeats) && repeats >= 1))
    throw new NewsprismError('E_OPTION_VALUE', 'oofRepeats must be a whole number ≥ 1');
  const oofs = [contextProbabilities(samples, first, context)];
  for (let r = 1; r < repeats; r++)
    oofs.push(
      contextProbabilities(
        samples,
        crossValidate(
          grouped,
          folds,
          { ...options, seed: (options.seed ?? 1) + 1009 * r },
          numberOption(o.extra, 'oofSeeds', 1),
        ),
        context,
      ),
    );
  const model = trainAveraged(samples, options, seeds);
  // Extra training articles (PTC, `--set ptc=1`) train the weights and the inner models only:
  // thresholds, stages and calibration are fitted on the data set's own articles.
  if (train.some((a) => a.dir === PTC_DIR)) {
    const keep = samples.map((s, i) => (s.group!.startsWith(`${PTC_DIR}/`) ? -1 : i)).filter((i) => i >= 0);
    for (let r = 0; r < oofs.length; r++) oofs[r] = keep.map((i) => oofs[r]![i]!);
    samples = keep.map((i) => samples[i]!);
    const own = train.map((a, i) => (a.dir === PTC_DIR ? -1 : i)).filter((i) => i >= 0);
    segmented = own.map((i) => segmented[i]!);
    train = own.map((i) => train[i]!);
  }
  const stack = <T>(xs: readonly T[]): T[] => oofs.flatMap(() => xs);
  const oof = oofs.flat();
  ({ train, segmented, samples } = {
    train: stack(train),
    segmented: stack(segmented),
    samples: stack(samples),
  });
  const macroWeight = numberOption(o.extra, 'macroWeight', 1);
  // Thresholds are tuned on sentences, or on the lines of layouts of the articles that take
  // the techniques of their sentences (the same rule whatever the line's length).
  const layouts = tuningLayouts(o);
  const tuning = layouts
    ? layoutUnits(train, segmented, samples, oof, layouts)
    : { units: samples as readonly Labelled[], probs: oof };
  const gold = tuning.units.map((s) => s.y);
  const thresholds = refineThresholds(
    tuning.probs,
    gold,
    tuneThresholds(tuning.probs, gold, TECHNIQUES.length, numberOption(o.extra, 'minSupport', 3)),
    macroWeight,
  );
  const langThresholds = perLanguageThresholds(train, tuning.units, tuning.probs, thresholds, o);
  const langs = languages(train, samples);
  const thresholdsOf = (lang: string) => langThresholds[lang] ?? thresholds;
  // `--set gate=ru`: an article gate on the decisions of that language's sentences.
  const gates = fitGates(train, segmented, oof, thresholdsOf, o);
  // `--set lineStage=ru`: paragraph decisions from the sentences' probabilities and the length.
  const stages = fitLineStages(train, segmented, oof, thresholdsOf, o);
  const perArticle =
    gates || stages ? articleThresholds(train, segmented, oof, thresholdsOf, gates) : undefined;
  const also =
    stages && perArticle ? stagePresented(train, segmented, oof, stages, perArticle) : new Set<number>();
  const perSample: ArrayLike<number>[] = [];
  if (perArticle)
    for (const [ai, seg] of segmented.entries())
      for (let j = 0; j < seg.sentences.length; j++) perSample.push(perArticle[ai]!);
  const thresholdOf = (i: number) => perSample[i] ?? thresholdsOf(langs[i]!);
  // `--set calMin=N`: a technique needs N presented findings for a Platt map of its own (40).
  const calMin = numberOption(o.extra, 'calMin', 40);
  const calibration = fitCalibration(presented(samples, oof, thresholdOf, undefined, also), calMin);
  // How well that calibration holds on articles it was not fitted on: fitted on k−1 groups of
  // articles' out-of-fold findings, measured on the k-th.
  const heldOutEce: number[] = [];
  const byFold: Calibration[] = [];
  for (let f = 0; f < folds; f++) {
    const inFold = (i: number) => foldOf(groupOf(samples[i]!.group!), folds, 'calibration') === f;
    const c = fitCalibration(
      presented(samples, oof, thresholdOf, (i) => !inFold(i), also),
      calMin,
    );
    byFold.push(c);
    const test = presented(samples, oof, thresholdOf, inFold, also).flatMap((os, l) =>
      os.map((x) => ({ p: calibrated(c, l, x.p), y: x.y })),
    );
    heldOutEce.push(reliability(test).ece);
  }
  // A paragraph's score is the noisy-or of its sentences' calibrated scores, which are not
  // independent: a map of it per language, fitted on the articles' lines scored as the
  // analyzer scores them, each article's sentences calibrated by a fit without its fold.
  const paragraphs =
    segmented.length === train.length && o.extra.paragraphMap !== '0'
      ? fitParagraphCalibration(
          paragraphOutcomes(
            train,
            segmented.map((s) => s.sentences.length),
            (ai) => layoutGroups(train[ai]!, segmented[ai]!, 'original'),
            oof,
            (lang, ai) => perArticle?.[ai] ?? thresholdsOf(lang),
            (ai) => foldOf(groupOf(`${train[ai]!.dir}/${train[ai]!.id}`), folds, 'calibration'),
            (f) => byFold[f]!,
          ),
        )
      : undefined;
  model.thresholds.set(thresholds);
  model.meta.langThresholds = langThresholds;
  model.meta.calibration = calibration;
  if (paragraphs) model.meta.paragraphCalibration = paragraphs.map;
  if (context) model.meta.context = context;
  if (gates) model.meta.articleGate = gates;
  if (stages) model.meta.lineStage = stages;
  return { model, langThresholds, calibration, heldOutEce, paragraphs };
}

/** Mean and sample standard deviation. */
function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, sd: Math.sqrt(v) };
}

/** The techniques whose held-out sentence ranking the cross-validation reports. */
const RANKED = ['Loaded_Language', 'Doubt', 'Name_Calling-Labeling', 'Questioning_the_Reputation'] as const;

/** A held-out outcome and its article (an index into the articles). */
type Tagged = Outcome & { ai: number };

/**
 * Cross-validation by article (`--set cv=K`): K models, each fitted (thresholds and
 * calibration included) on K−1 folds and scored on the K-th, at sentence level (gold from the
 * span files) and on the data set's own lines (a line takes the techniques of its sentences).
 */
function crossValidateArticles(
  train: SemevalArticle[],
  segmented: Segmented[],
  build: (isTrain?: (ai: number) => boolean) => Sample[],
  o: TaskOptions,
  k: number,
  groupOf: GroupOf,
  also: ReadonlySet<string> = new Set(),
  inner: GroupOf = innerGroups(o, groupOf),
): { metrics: Record<string, number>; table: (string | number)[][] } {
  const seeds = numberOption(o.extra, 'cvSeeds', 1);
  // `--set cvSalt=S`: another partition of the articles into folds (a replication of a
  // comparison on the same articles; `cv`, the default, gives the folds of earlier sessions).
  const salt = o.extra.cvSalt ?? 'cv';
  const report = (o.extra.report ?? 'en').split(',');
  // An article's fold; −1 for the articles of `also` (`--set cvAlso=SPLIT`), which no fold
  // trains on and every fold model scores.
  const foldAt = (key: string) => (also.has(key) ? -1 : foldOf(groupOf(key), k, salt));
  const keyAt = (ai: number) => `${train[ai]!.dir}/${train[ai]!.id}`;
  const trainsOn = (ai: number, f: number) => foldAt(keyAt(ai)) >= 0 && foldAt(keyAt(ai)) !== f;
  const perFold: Record<string, number[]> = {};
  // Every fold's held-out lines of the first reported language, one sentence per line: the
  // per-label table of the report (`--set perLabel=1`).
  const pooled = { gold: [] as string[][], pred: [] as string[][] };
  const push = (key: string, v: number) => {
    perFold[key] ??= [];
    perFold[key]!.push(v);
  };
  // Each article's lines in each layout, made once for every fold.
  const groupCache = new Map<string, LayoutLine[]>();
  // Every fold's held-out presented findings of the first reported language, pooled: sentence
  // spans (calibrated scores) and, under a line stage, its paragraph scores.
  const pooledShown = { sentences: [] as Tagged[], lines: [] as Tagged[], stageSpans: [] as Tagged[] };
  const groupsOf = (ai: number, layout: Layout) => {
    const key = `${ai}:${layout}`;
    let g = groupCache.get(key);
    if (!g) {
      g = layoutGroups(train[ai]!, segmented[ai]!, layout);
      groupCache.set(key, g);
    }
    return g;
  };
  // Dense and sparse articles (gold techniques per original line above or below the median of
  // the first reported language's articles): does the calibration depend on an article's
  // technique density? (`pooled_*_ece_dense|sparse`, `_gap_`: mean score − share right.)
  const density = goldDensity(
    train.map((a) => (a.dir === PTC_DIR ? { lang: '' } : a)),
    (ai) => groupsOf(ai, 'original'),
    report[0]!,
  );
  const dense = aboveMedian(density);
  // The same split by what the model sees: the article's summed mean probability of the
  // techniques (held out), split at its median (`_ece_pdense|psparse`).
  const predicted = new Map<number, number>();
  // The majority baseline of a layout (`_baseline_micro_f1`): the most frequent techniques of
  // the training folds' lines of that language and layout ({@link majorityLabels}), on every
  // held-out line — what a model must beat to rank lines at all.
  const baseline = (lang: string, f: number, lines: (ai: number) => string[][]) => {
    const fit: string[][] = [];
    train.forEach((a, ai) => {
      if (a.lang === lang && a.dir !== PTC_DIR && trainsOn(ai, f)) fit.push(...lines(ai));
    });
    return majorityLabels(fit);
  };
  for (let f = 0; f < k; f++) {
    // Word rates (`wordRates=1`) from the training folds only.
    const samples = build((ai) => trainsOn(ai, f));
    const fitIdx = samples
      .map((_, i) => i)
      .filter((i) => {
        const g = foldAt(samples[i]!.group!);
        return g >= 0 && g !== f;
      });
    const fitAt = train.map((_, i) => i).filter((i) => trainsOn(i, f));
    const { model, langThresholds, heldOutEce } = fitTechniques(
      fitAt.map((i) => train[i]!),
      fitAt.map((i) => segmented[i]!),
      fitIdx.map((i) => samples[i]!),
      o,
      seeds,
      inner,
    );
    // How well the fold model's calibration holds on its own held-out inner groups.
    push('held_out_ece', meanSd(heldOutEce).mean);
    for (const lang of report) {
      const sentGold: string[][] = [];
      const sentPred: string[][] = [];
      const lineGold: string[][] = [];
      const linePred: string[][] = [];
      const ungated = { gold: [] as string[][], pred: [] as string[][] };
      const unstaged = { gold: [] as string[][], pred: [] as string[][] };
      const lineShown: Tagged[] = [];
      const stageSpans: Tagged[] = [];
      const shown: Tagged[] = [];
      const alsoShown: Tagged[] = [];
      const laid = new Map<Layout, { gold: string[][]; pred: string[][] }>(
        LAYOUTS.map((l) => [l, { gold: [], pred: [] }]),
      );
      const alsoLaid = new Map<Layout, { gold: string[][]; pred: string[][] }>(
        LAYOUTS.map((l) => [l, { gold: [], pred: [] }]),
      );
      // The ranking of held-out sentences for the commonest techniques (`_sentence_auc_`) and
      // inside each original line, a sentence of it against another (`_para_auc_`).
      const ranked = RANKED.map(() => ({
        all: [] as { p: number; y: boolean }[],
        para: { right: 0, pairs: 0 },
      }));
      let i = 0;
      train.forEach((a, ai) => {
        const n = segmented[ai]!.sentences.length;
        const from = i;
        i += n;
        const fa = foldAt(keyAt(ai));
        // Extra training articles (PTC) are never scored.
        if (a.lang !== lang || a.dir === PTC_DIR || (fa !== f && fa >= 0)) return;
        const t = langThresholds[lang] ?? model.thresholds;
        const probs = samples.slice(from, from + n).map((s) => model.probabilities(s.x));
        if (o.extra.spanDecide === '1') tagDecides(samples.slice(from, from + n), probs);
        const ctx = model.meta.context as SentenceContext | undefined;
        const rescored = ctx ? withContext(probs, ctx) : probs;
        // Under an article gate, the thresholds it leaves for this article; the language's
        // thresholds alone give the ungated decisions of the same model (`_ungated_`).
        const gate = (model.meta.articleGate as ArticleGates | undefined)?.[lang];
        const tg = gate ? gatedThresholds(gate, articleScores(rescored, TECHNIQUES.length)) : t;
        const decided = rescored.map((p) => model.decide(p, tg));
        // Under a line stage, each line decided by it.
        const stage = (model.meta.lineStage as LineStages | undefined)?.[lang];
        const scores = stage ? articleScores(rescored, TECHNIQUES.length) : undefined;
        const byStage = (line: LayoutLine) =>
          lineDecide(
            stage!,
            line.members.map((j) => rescored[j]!),
            scores!,
            line.words,
          );
        // The decisions on each layout's lines (labels from the span file), into `into`.
        const layOut = (into: typeof laid, pool: boolean) => {
          for (const layout of LAYOUTS)
            for (const line of groupsOf(ai, layout)) {
              const set = new Set<string>();
              if (stage) for (const l of byStage(line)) set.add(TECHNIQUES[l]!);
              else for (const j of line.members) for (const l of decided[j]!) set.add(TECHNIQUES[l]!);
              into.get(layout)!.gold.push(line.gold);
              into.get(layout)!.pred.push([...set]);
              if (pool && layout === 'sentences') {
                pooled.gold.push(line.gold);
                pooled.pred.push([...set]);
              }
            }
        };
        // The presented findings' calibrated scores against their outcome, on the held-out fold
        // (an article of `cvAlso`: apart, does the calibration hold off the folds too?).
        const cal = model.meta.calibration as Calibration | undefined;
        if (fa >= 0 && lang === report[0])
          predicted.set(
            ai,
            articleScores(rescored, TECHNIQUES.length).reduce((a, b) => a + b, 0),
          );
        rescored.forEach((p, j) => {
          for (let l = 0; l < TECHNIQUES.length; l++)
            if (p[l]! >= tg[l]!)
              (fa < 0 ? alsoShown : shown).push({
                p: calibrated(cal, l, p[l]!),
                y: samples[from + j]!.y.includes(l),
                ai,
              });
        });
        // An article of `cvAlso`: only its layouts and its findings' scores, apart.
        if (fa < 0) {
          layOut(alsoLaid, false);
          return;
        }
        if (gate) {
          const plain = rescored.map((p) => model.decide(p, t));
          for (const line of groupsOf(ai, 'original')) {
            const set = new Set<string>();
            for (const j of line.members) for (const l of plain[j]!) set.add(TECHNIQUES[l]!);
            ungated.gold.push(line.gold);
            ungated.pred.push([...set]);
          }
        }
        decided.forEach((d, j) => {
          sentGold.push(samples[from + j]!.y.map((l) => TECHNIQUES[l]!));
          sentPred.push(d.map((l) => TECHNIQUES[l]!));
        });
        const lines = fileLines(a.text);
        const byLine = new Map<number, Set<string>>();
        segmented[ai]!.sentences.forEach((s, j) => {
          const line = lines.find((l) => l.start <= s.start && s.start < l.end);
          if (!line) return;
          const set = byLine.get(line.line) ?? new Set<string>();
          for (const l of decided[j]!) set.add(TECHNIQUES[l]!);
          byLine.set(line.line, set);
        });
        // Under a line stage the analyzer decides paragraphs, and a file line takes its
        // paragraph's techniques (`labelsByLine`, as `--format semeval2023-st3` prints them):
        // `_lines_` scores that shipped decision, not the sentence rule.
        const shipped = stage
          ? new Map(
              labelsByLine(
                a.text,
                segmented[ai]!.paragraphs,
                new Map(
                  groupsOf(ai, 'original').map((line, p) => [p, byStage(line).map((l) => TECHNIQUES[l]!)]),
                ),
              ).map((l) => [l.line, l.labels]),
            )
          : undefined;
        for (const [line, techs] of a.lines ?? []) {
          lineGold.push(techs);
          linePred.push([...(shipped ? (shipped.get(line) ?? []) : (byLine.get(line) ?? []))]);
        }
        // Under a line stage, the sentence rule's lines alone as `_unstaged_`.
        if (stage)
          for (const line of groupsOf(ai, 'original')) {
            const set = new Set<string>();
            for (const j of line.members) for (const l of decided[j]!) set.add(TECHNIQUES[l]!);
            unstaged.gold.push(line.gold);
            unstaged.pred.push([...set]);
            const members = line.members.map((j) => rescored[j]!);
            for (const l of byStage(line)) {
              const w = stage.weights[l];
              if (!w?.length) continue;
              lineShown.push({
                p: lineScore(w, lineInputs(members, scores!, line.words, l, w.length)),
                y: line.gold.includes(TECHNIQUES[l]!),
                ai,
              });
              // The finding's span: the line's sentence that scores highest for it.
              let best = line.members[0]!;
              for (const j of line.members) if (rescored[j]![l]! > rescored[best]![l]!) best = j;
              stageSpans.push({
                p: calibrated(cal, l, rescored[best]![l]!),
                y: samples[from + best]!.y.includes(l),
                ai,
              });
            }
          }
        layOut(laid, lang === report[0]);
        RANKED.forEach((name, r) => {
          const l = TECHNIQUES.indexOf(name);
          const item = (j: number) => ({ p: rescored[j]![l]!, y: samples[from + j]!.y.includes(l) });
          for (let j = 0; j < n; j++) ranked[r]!.all.push(item(j));
          for (const line of groupsOf(ai, 'original')) addGroupPairs(ranked[r]!.para, line.members.map(item));
        });
      });
      RANKED.forEach((name, r) => {
        const auc = rocAuc(ranked[r]!.all);
        if (!Number.isNaN(auc)) push(`${lang}_sentence_auc_${name}`, auc);
        const { right, pairs } = ranked[r]!.para;
        if (pairs) push(`${lang}_para_auc_${name}`, right / pairs);
      });
      for (const [layout, { gold, pred }] of alsoLaid)
        if (gold.length)
          push(`${lang}_also_layout_${layout}_micro_f1`, multiLabelF1(gold, pred, TECHNIQUES).micro.f1);
      if (alsoShown.length) push(`${lang}_also_sentence_ece`, reliability(alsoShown).ece);
      if (!lineGold.length) continue;
      const majority = (gold: string[][], labels: string[]) =>
        multiLabelF1(
          gold,
          gold.map(() => labels),
          TECHNIQUES,
        ).micro.f1;
      push(
        `${lang}_lines_baseline_micro_f1`,
        majority(
          lineGold,
          baseline(lang, f, (ai) => [...(train[ai]!.lines?.values() ?? [])]),
        ),
      );
      if (ungated.gold.length)
        push(
          `${lang}_ungated_original_micro_f1`,
          multiLabelF1(ungated.gold, ungated.pred, TECHNIQUES).micro.f1,
        );
      push(`${lang}_sentence_ece`, reliability(shown).ece);
      if (lang === report[0]) {
        pooledShown.sentences.push(...shown);
        pooledShown.lines.push(...lineShown);
        pooledShown.stageSpans.push(...stageSpans);
      }
      if (unstaged.gold.length) {
        push(
          `${lang}_unstaged_original_micro_f1`,
          multiLabelF1(unstaged.gold, unstaged.pred, TECHNIQUES).micro.f1,
        );
        push(`${lang}_stage_line_ece`, reliability(lineShown).ece);
      }
      const sl = multiLabelF1(lineGold, linePred, TECHNIQUES);
      const ss = multiLabelF1(sentGold, sentPred, TECHNIQUES);
      push(`${lang}_lines_micro_f1`, sl.micro.f1);
      push(`${lang}_lines_macro_f1`, sl.macroF1);
      push(`${lang}_sentences_micro_f1`, ss.micro.f1);
      push(`${lang}_sentences_macro_f1`, ss.macroF1);
      const micro: number[] = [];
      for (const [layout, { gold, pred }] of laid) {
        const m = multiLabelF1(gold, pred, TECHNIQUES);
        micro.push(m.micro.f1);
        push(`${lang}_layout_${layout}_micro_f1`, m.micro.f1);
        push(`${lang}_layout_${layout}_macro_f1`, m.macroF1);
        push(
          `${lang}_layout_${layout}_baseline_micro_f1`,
          majority(
            gold,
            baseline(lang, f, (ai) => groupsOf(ai, layout).map((g) => g.gold)),
          ),
        );
      }
      push(`${lang}_layout_max_gap`, Math.max(...micro.map((x) => Math.abs(x - micro[0]!))));
    }
    o.log(
      `fold ${f + 1}/${k}: ${Object.entries(perFold)
        .map(([key, v]) => `${key} ${v[v.length - 1]!.toFixed(3)}`)
        .join(', ')}`,
    );
  }
  const metrics: Record<string, number> = { folds: k };
  const table: (string | number)[][] = [['measure', 'mean', 'sd', 'folds']];
  for (const [key, v] of Object.entries(perFold)) {
    const { mean, sd } = meanSd(v);
    metrics[`cv_${key}_mean`] = mean;
    metrics[`cv_${key}_sd`] = sd;
    table.push([key, mean, sd, v.map((x) => x.toFixed(3)).join(' ')]);
  }
  // The pooled held-out ECE beside that of a perfectly calibrated score of the same values.
  for (const [key, outcomes] of Object.entries(pooledShown)) {
    if (!outcomes.length) continue;
    const n = eceNoise(outcomes);
    metrics[`pooled_${key}_ece`] = n.ece;
    metrics[`pooled_${key}_ece_perfect_q95`] = n.q95;
    metrics[`pooled_${key}_ece_p`] = n.p;
    metrics[`pooled_${key}_outcomes`] = outcomes.length;
    const byPrediction = aboveMedian(predicted);
    metrics.density_correlation = correlation(density, predicted);
    for (const [part, keep] of [
      ['dense', (ai: number) => dense.has(ai)],
      ['sparse', (ai: number) => !dense.has(ai)],
      ['pdense', (ai: number) => byPrediction.has(ai)],
      ['psparse', (ai: number) => !byPrediction.has(ai)],
    ] as const) {
      const os = outcomes.filter((x) => keep(x.ai));
      if (!os.length) continue;
      const m = eceNoise(os);
      metrics[`pooled_${key}_ece_${part}`] = m.ece;
      metrics[`pooled_${key}_ece_${part}_q95`] = m.q95;
      metrics[`pooled_${key}_gap_${part}`] = os.reduce((a, x) => a + x.p - (x.y ? 1 : 0), 0) / os.length;
    }
  }
  if (o.extra.perLabel === '1' && pooled.gold.length) {
    table.push([], [`${report[0]}, one sentence per line, all folds pooled`]);
    table.push(...perLabelTable(multiLabelF1(pooled.gold, pooled.pred, TECHNIQUES)));
  }
  return { metrics, table };
}

/**
 * How word rates are made (`--set rateLabels=A,B|all`, `--set rateStem=N`, `--set rateHot=X`,
 * `--set rateTop=2^k`, `--set rateNoisyOr=1`):
 * the techniques rated (default Loaded_Language and Name_Calling), words cut to their first N
 * characters, the count of words rated X × the prior or more, the highest rate bucket, the
 * noisy-or of a sentence's word rates.
 */
function rateOptions(o: TaskOptions): RateOptions {
  const list = o.extra.rateLabels;
  const labels = !list ? [...LEXICAL] : list === 'all' ? [...TECHNIQUES] : list.split(',');
  for (const l of labels)
    if (!(TECHNIQUES as readonly string[]).includes(l))
      throw new NewsprismError('E_OPTION_VALUE', `rateLabels: ${l} is not a technique`);
  const stem = numberOption(o.extra, 'rateStem', 0);
  const hot = numberOption(o.extra, 'rateHot', 0);
  const top = numberOption(o.extra, 'rateTop', 8);
  if (
    !(stem >= 0 && Number.isInteger(stem)) ||
    !(hot >= 0) ||
    !(top >= 1 && Number.isInteger(Math.log2(top)))
  )
    throw new NewsprismError(
      'E_OPTION_VALUE',
      'rateStem must be a whole number ≥ 0, rateHot a number ≥ 0, rateTop a power of 2',
    );
  return {
    labels,
    stem,
    top,
    ...(hot > 0 ? { hot } : {}),
    ...(o.extra.rateNoisyOr === '1' ? { noisyOr: true } : {}),
  };
}

/** The techniques the span tagger tags (`--set tagLabels=A,B,…`; Loaded_Language and Name_Calling by default). */
function tagLabels(o: TaskOptions): string[] {
  const list = o.extra.tagLabels ? o.extra.tagLabels.split(',') : [...LEXICAL];
  for (const l of list)
    if (!(TECHNIQUES as readonly string[]).includes(l))
      throw new NewsprismError('E_OPTION_VALUE', `tagLabels: ${l} is not a technique`);
  return list;
}

/** The word clusters of `--set wc=W` (`wcLevels`, `wcBigrams`, `wcFile`), or undefined without `wc`. */
function clusterOptions(o: TaskOptions, unit: string): ClusterUse | undefined {
  const weight = numberOption(o.extra, 'wc', 0);
  if (!weight) return undefined;
  const levels = numberOption(o.extra, 'wcLevels', 7);
  if (!(weight > 0 && Number.isInteger(levels) && levels >= 1 && levels <= 7))
    throw new NewsprismError('E_OPTION_VALUE', 'wc must be a number > 0 and wcLevels a bit mask 1–7');
  if (unit === 'line') throw new NewsprismError('E_OPTION_VALUE', 'wc needs unit=sentence');
  const lang = o.lang && !o.lang.includes(',') && o.lang !== 'all' ? o.lang : undefined;
  if (!lang && !o.extra.wcFile)
    throw new NewsprismError('E_OPTION_VALUE', 'wc needs one --lang (or wcFile=PATH)');
  useClusterFile(o.extra.wcFile);
  return { clusters: clustersFor(lang ?? 'en'), weight, levels, bigrams: o.extra.wcBigrams === '1' };
}

/**
 * PTC's articles for `--set ptc=1` (`ptcData`, by default `ptc2020` beside `--data`): those
 * without a SemEval twin, and those whose twin is a training article of this run (`labelled`,
 * not `also`), with the map of each kept article's key to its twin's.
 */
function ptcArticles(
  o: TaskOptions,
  labelled: readonly SemevalArticle[],
  also: readonly SemevalArticle[],
): PtcSelection {
  const all = loadPtc(o.extra.ptcData ?? join(o.data, '..', 'ptc2020'));
  const semeval = loadSemeval(o.data, 'en', 'all');
  const twins = ptcTwins(all, semeval);
  const alsoKeys = new Set(also.map((a) => `${a.dir}/${a.id}`));
  const trainKeys = new Set(labelled.map((a) => `${a.dir}/${a.id}`).filter((k) => !alsoKeys.has(k)));
  const chosen = selectPtc(all, twins, trainKeys);
  const c = chosen.count;
  o.log(
    `ptc: ${all.length} articles, twins by text ${c.text}, by opening ${c.opening}, by shingles ${c.shingles}, ` +
      `ambiguous ${c.ambiguous}, none ${c.none}; ${c.dropped} dropped (twin not trained on, or ambiguous), ` +
      `${chosen.articles.length} kept`,
  );
  // `--set ptcAgreement=1`: how far PTC's spans agree with their twins' (every twin by text).
  if (o.extra.ptcAgreement === '1') {
    const agree = twinAgreement(
      all,
      semeval,
      new Map([...twins].filter(([, t]) => t.by === 'text').map(([k, t]) => [k, t.twin])),
    );
    for (const [t, r] of [...agree].sort((a, b) => b[1].twin + b[1].ptc - a[1].twin - a[1].ptc))
      o.log(`ptc agreement ${t}: PTC ${r.ptcMatched}/${r.ptc}, twin ${r.twinMatched}/${r.twin}`);
  }
  return chosen;
}

/** `newsprism train techniques`: trains the persuasion-technique model. */
export const trainTechniques: Task = {
  name: 'techniques',
  description:
    'persuasion techniques per sentence, aggregated to paragraphs (SemEval-2023 Task 3 subtask 3), all languages',
  async run(o): Promise<Report> {
    const t0 = Date.now();
    const split = o.split ?? 'train';
    opts(o); // the trainer's `--set` numbers are checked before any data is read
    // `--set syn=W` is an experiment of the cross-validation: the analyzer does not read the
    // `syntax` layer, so a model saved with them would be scored without the features it was fitted on.
    if (
      (numberOption(o.extra, 'syn', 0) || numberOption(o.extra, 'lemma', 0)) &&
      !(numberOption(o.extra, 'cv', 0) > 1)
    )
      throw new NewsprismError(
        'E_OPTION_VALUE',
        'syn=W and lemma=W need cv=K: the analyzer does not read the syntax layer, so no model is saved with syntax features',
      );
    if (numberOption(o.extra, 'naming', 0) && !(numberOption(o.extra, 'cv', 0) > 1))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        'naming=W needs cv=K: the analyzer does not read the naming layer, so no model is saved with naming features',
      );
    if (numberOption(o.extra, 'paraFx', 0) && !(numberOption(o.extra, 'cv', 0) > 1))
      throw new NewsprismError(
        'E_OPTION_VALUE',
        'paraFx=W needs cv=K: the analyzer does not give sentences their paragraph features, so no model is saved with them',
      );
    // PTC articles train sentence models only (their lines are PTC's, one sentence a line).
    if (o.extra.ptc === '1' && o.extra.unit === 'line')
      throw new NewsprismError('E_OPTION_VALUE', 'ptc=1 needs unit=sentence');
    const train = loadSemeval(o.data, o.lang, split);
    const prefix = numberOption(o.extra, 'prefix', 5);
    // `--set valence=1`: word-valence features (AFINN-165, English).
    const valence = o.extra.valence === '1';
    // `--set suffix=N [--set suffixWeight=W]`: word endings of N characters as features
    // (`meta.suffix`; weight 0.5 by default).
    const suffixLength = numberOption(o.extra, 'suffix', 0);
    if (!(Number.isInteger(suffixLength) && suffixLength >= 0))
      throw new NewsprismError('E_OPTION_VALUE', 'suffix must be a whole number ≥ 0');
    const suffix: WordEndings | undefined = suffixLength
      ? { length: suffixLength, weight: numberOption(o.extra, 'suffixWeight', 0.5) }
      : undefined;
    // `unit=sentence` (default): one example per sentence, labelled from the span files, so
    // the model does not learn the data set's paragraphing; `unit=line`: the labelled lines.
    const unit = o.extra.unit ?? 'sentence';
    if (unit === 'line' && tuningLayouts(o))
      throw new NewsprismError('E_OPTION_VALUE', 'tuneOn needs unit=sentence');
    // `--set wordRates=1`: the in-span rates of each sentence's words for the lexical
    // techniques (`loaded-words.ts`), cross-fitted by article; the model ships the rates of all
    // its training articles (`meta.wordRates`).
    const withRates = o.extra.wordRates === '1';
    if (unit === 'line' && withRates)
      throw new NewsprismError('E_OPTION_VALUE', 'wordRates needs unit=sentence');
    // `--set spanTagger=1`: a token tagger of Loaded_Language and Name_Calling
    // (`span-tagger.ts`, core `layers/techniques/tagger.ts`) whose word scores become sentence
    // features; the model ships the tagger fitted on all its training articles (`meta.tagger`).
    const withTagger = o.extra.spanTagger === '1';
    if (withTagger && (unit === 'line' || !withRates))
      throw new NewsprismError('E_OPTION_VALUE', 'spanTagger needs unit=sentence and wordRates=1');
    // `--set gate=…` / `--set lineStage=…`: checked before any fitting (one language cannot have both).
    const decided = decisionLanguages(o.extra);
    if (unit === 'line' && (decided.gate.length || decided.stage.length))
      throw new NewsprismError('E_OPTION_VALUE', 'gate and lineStage need unit=sentence');
    let tagged: TaggedWords[] | undefined;
    let tagger: Tagger | undefined;
    const labelled = train.filter((a) => a.lines);
    // `--set cvAlso=SPLIT` (with `cv`): every fold model also scores that split's articles,
    // which no fold trains on (`also_layout_…`): does a fold's gain hold on other articles?
    const alsoSplit = o.extra.cvAlso;
    if (alsoSplit && !(numberOption(o.extra, 'cv', 0) > 1))
      throw new NewsprismError('E_OPTION_VALUE', 'cvAlso needs cv=K');
    const alsoArticles = alsoSplit ? loadSemeval(o.data, o.lang, alsoSplit).filter((a) => a.lines) : [];
    const sameGroup = articleGroups(labelled, o);
    const trainKeys = new Set(labelled.map((a) => `${a.dir}/${a.id}`));
    if (alsoArticles.some((a) => trainKeys.has(`${a.dir}/${a.id}`)))
      throw new NewsprismError('E_OPTION_VALUE', `cvAlso: ${alsoSplit} shares articles with ${split}`);
    labelled.push(...alsoArticles);
    // `--set ptc=1 [--set ptcData=DIR] [--set ptcWeight=W]`: PTC's articles as extra training
    // articles (`ptc.ts`), each in the folds of its SemEval twin (dropped when the twin is not
    // a training article here); never scored, and thresholds and calibration ignore them.
    const extra = o.extra.ptc === '1' ? ptcArticles(o, labelled, alsoArticles) : undefined;
    if (extra) labelled.push(...extra.articles);
    const twinOf = (key: string) => extra?.twins.get(key) ?? key;
    const groupOf: GroupOf = (key) => sameGroup(twinOf(key));
    const ptcWeight = numberOption(o.extra, 'ptcWeight', 1);
    // `--set syn=W`: syntax features of each sentence (`syntaxFeatures`, UPOS and lemmas of the
    // `syntax` layer; languages with a syntax model), n-grams scaled to W, the rest at `synDense`.
    const syn = numberOption(o.extra, 'syn', 0);
    const synDense = numberOption(o.extra, 'synDense', 0.3);
    // `--set lemma=W [--set lemmaFeats=W2]`: lemma uni- and bigrams of each sentence (`lemmaFeatures`,
    // the `syntax` layer's lemmas) scaled to W, beside the word forms; nominal words' cases at W2.
    const lemma = numberOption(o.extra, 'lemma', 0);
    const lemmaFeats = numberOption(o.extra, 'lemmaFeats', 0);
    // `--set naming=W`: the `naming` layer's contested terms of each sentence and the article's
    // outlet-voice counts by pole (`namingFeatures`), at W.
    const naming = numberOption(o.extra, 'naming', 0);
    const paraFx = numberOption(o.extra, 'paraFx', 0);
    const segmented =
      unit === 'line' ? [] : await segmentArticles(labelled, syn > 0 || lemma > 0, naming > 0);
    // `--set wc=W`: word-cluster features of each sentence of the clusters' language (core
    // `clusterGroup`, as the analyzer makes them; `meta.clusters`): classes at the levels of the
    // bit mask `wcLevels` (7: all three), `wcBigrams=1` pairs of neighbouring classes, the group
    // scaled to W; `wcFile=PATH` another cluster file than the shipped one of `--lang`.
    const clusters = clusterOptions(o, unit);
    const innerOf = innerGroups(o, groupOf);
    const inner: GroupOf = (key) => innerOf(twinOf(key));
    let plain: Sample[] | undefined;
    const build = (isTrain: (ai: number) => boolean = () => true, tag = withTagger): Sample[] => {
      if (plain && !withRates) return plain;
      const rates = withRates
        ? ratesByArticle(labelled, isTrain, 5, rateOptions(o), (a) => inner(`${a.dir}/${a.id}`)).of
        : undefined;
      plain = segmented.flatMap((s, i) =>
        sentenceSamples(labelled[i]!, s.sentences, opts(o).bits, prefix, {
          valence,
          rates: rates?.[i],
          clusters,
          ...(suffix ? { suffix } : {}),
          // `--set lemmaOnly=1` (with `lemma`): lemma n-grams instead of the word forms' n-grams.
          ...(lemma && o.extra.lemmaOnly === '1' ? { noForms: true } : {}),
        }),
      );
      if (tag) {
        // The tagger's word scores, cross-fitted by article like the word rates.
        const t0 = process.cpuUsage();
        tagged ??= labelled.map((a) => taggedWords(a, tagLabels(o)));
        const { scores, tagger: fitted } = taggerScores(
          labelled,
          tagged,
          isTrain,
          labelled.map((_, i) => rates?.[i]),
          numberOption(o.extra, 'taggerFolds', 3),
          numberOption(o.extra, 'taggerEpochs', 4),
          (a) => inner(`${a.dir}/${a.id}`),
        );
        tagger = fitted;
        let from = 0;
        segmented.forEach((s, i) => {
          const n = s.sentences.length;
          addTaggerFeatures(plain!.slice(from, from + n), s.sentences, tagged![i]!, scores[i]!, opts(o).bits);
          from += n;
        });
        o.log(`span tagger: ${(process.cpuUsage(t0).user / 1e6).toFixed(1)} s CPU`);
      }
      if (syn || lemma || naming) {
        let from = 0;
        segmented.forEach((s) => {
          const t = s.syntax?.upos.length ? s.syntax : undefined;
          s.sentences.forEach((u, j) => {
            const [a, b] = t?.ranges[j] ?? [0, 0];
            const x = plain![from + j]!.x;
            const parts = [
              ...(t && syn ? [syntaxFeatures({ ...t, from: a, to: b }, opts(o).bits, syn, synDense)] : []),
              ...(t && lemma
                ? [lemmaFeatures({ ...t, from: a, to: b }, opts(o).bits, lemma, lemmaFeats)]
                : []),
              ...(naming ? [namingFeatures(s.naming ?? [], u.start, u.end, opts(o).bits, naming)] : []),
            ];
            for (const v of parts) {
              x.idx.push(...v.idx);
              x.val.push(...v.val);
            }
          });
          from += s.sentences.length;
        });
      }
      // `--set paraFx=W` (CV only): each sentence also carries its paragraph's features, in
      // buckets of their own, at W — a paragraph effect, so that the sentence's own features
      // are fitted on what tells it from the rest of its paragraph.
      if (paraFx) {
        let from = 0;
        const bits = opts(o).bits;
        segmented.forEach((s, i) => {
          const a = labelled[i]!;
          const px = articleUnitVectors(a.text, s.paragraphs, a.lang, bits, false, prefix, {
            valence,
            ...(rates?.[i] ? { rates: rates[i] } : {}),
          });
          s.sentences.forEach((u, j) => {
            const v = px[u.paragraph];
            if (!v) return;
            const x = plain![from + j]!.x;
            for (let q = 0; q < v.idx.length; q++) {
              x.idx.push(Math.imul(v.idx[q]! ^ 0x2545f491, 0x9e3779b1) >>> (32 - bits));
              x.val.push(v.val[q]! * paraFx);
            }
          });
          from += s.sentences.length;
        });
      }
      // PTC sentences weigh `ptcWeight`; those under a span of a merged class weigh nothing.
      if (extra) {
        let from = 0;
        segmented.forEach((s, i) => {
          const a = labelled[i]!;
          if (a.dir === PTC_DIR) {
            const merged = spanTechniques({ ...a, spans: (a as PtcArticle).masked }, s.sentences);
            s.sentences.forEach((_, j) => {
              plain![from + j]!.weight = merged[j]!.length ? 0 : ptcWeight;
            });
          }
          from += s.sentences.length;
        });
      }
      // The English set is the main target and differs from the others in label density.
      const enWeight = numberOption(o.extra, 'enWeight', 1);
      if (enWeight !== 1) for (const x of plain) if (x.group!.startsWith('en/')) x.weight = enWeight;
      return plain;
    };
    const samples =
      unit === 'line'
        ? train.flatMap((a) => techniqueSamples(a, opts(o).bits, prefix))
        : build(undefined, false);
    o.log(`techniques: ${labelled.length} articles, ${samples.length} ${unit}s (${split})`);
    const cv = numberOption(o.extra, 'cv', 0);
    if (cv > 1) {
      if (unit === 'line') throw new NewsprismError('E_OPTION_VALUE', 'cv needs unit=sentence');
      const { metrics, table } = crossValidateArticles(
        labelled,
        segmented,
        build,
        o,
        cv,
        groupOf,
        new Set(alsoArticles.map((a) => `${a.dir}/${a.id}`)),
        inner,
      );
      metrics.seconds = (Date.now() - t0) / 1000;
      return { title: `Techniques, ${cv}-fold cross-validation by article (${split})`, metrics, table };
    }
    const { model, langThresholds, calibration, heldOutEce, paragraphs } = fitTechniques(
      labelled,
      segmented,
      withTagger ? build(undefined, true) : samples,
      o,
      numberOption(o.extra, 'seeds', 3),
      inner,
    );
    model.meta.prefix = prefix;
    if (unit !== 'line') model.meta.unit = 'sentence';
    if (valence) model.meta.valence = true;
    if (suffix) model.meta.suffix = suffix;
    const wordRates = withRates ? ratesByArticle(labelled, () => true, 5, rateOptions(o)).all : undefined;
    if (wordRates) model.meta.wordRates = wordRates;
    const taggerFile = tagger?.toFile();
    if (taggerFile) model.meta.tagger = taggerFile;
    // The analyzer loads the cluster file the model names and checks its checksum.
    const clusterMeta = clusters && {
      file: o.extra.wcFile ?? `clusters/clusters.${clusters.clusters.lang}.json`,
      checksum: clusterFileChecksum(o.extra.wcFile, clusters.clusters.lang),
      weight: clusters.weight,
      levels: clusters.levels,
      bigrams: clusters.bigrams,
    };
    if (clusterMeta) model.meta.clusters = clusterMeta;
    const ece = meanSd(heldOutEce);
    const metrics: Record<string, number> = {
      articles: labelled.length - (extra?.articles.length ?? 0),
      ...(extra ? { ptc_articles: extra.articles.length } : {}),
      [`${unit}s`]: samples.length,
      held_out_ece_mean: ece.mean,
      held_out_ece_sd: ece.sd,
      ...(paragraphs ? paragraphCalibrationMetrics(paragraphs) : {}),
    };
    const table: (string | number)[][] = [];
    if (split === 'train' && unit === 'line') {
      for (const lang of (o.extra.report ?? o.lang ?? 'en,ru').split(',')) {
        const s = quickScore(model, loadSemeval(o.data, lang, 'val'));
        metrics[`val_${lang}_micro_f1`] = s.micro.f1;
        metrics[`val_${lang}_macro_f1`] = s.macroF1;
        if (table.length === 0) table.push(...perLabelTable(s));
      }
    }
    metrics.seconds = (Date.now() - t0) / 1000;
    // One language → a dedicated model the analyzer prefers for it (`model.en.json`).
    const file =
      o.lang && !o.lang.includes(',') && o.lang !== 'all'
        ? `model.${SEMEVAL_LANGS[o.lang] ?? o.lang}.json`
        : 'model.json';
    saveSemevalModel(o, `techniques/${file}`, model, {
      task: 'semeval2023-task3 subtask 3',
      split,
      options: opts(o),
      metrics,
      langThresholds,
      prefix,
      calibration,
      ...(paragraphs ? { paragraphCalibration: paragraphs.map } : {}),
      ...(unit !== 'line' ? { unit: 'sentence' } : {}),
      ...(valence ? { valence: true } : {}),
      ...(suffix ? { suffix } : {}),
      ...(wordRates ? { wordRates } : {}),
      ...(taggerFile ? { tagger: taggerFile } : {}),
      ...(clusterMeta ? { clusters: clusterMeta } : {}),
      ...(model.meta.articleGate ? { articleGate: model.meta.articleGate } : {}),
      ...(model.meta.lineStage ? { lineStage: model.meta.lineStage } : {}),
    });
    return { title: 'Trained techniques model', metrics, table };
  },
};
