import { defineAnalyzer } from '../../analyzer.js';
import { NewsprismError } from '../../errors.js';
import { type Calibration, calibrated, type PlattByLanguage, plattIn } from '../../models/calibration.js';
import type { LinearModel } from '../../models/linear.js';
import { type ModelRegistry, recordData } from '../../models/registry.js';
import {
  loadModelSet,
  modelForLanguage,
  reasonsMany,
  type ShippedModelOptions,
} from '../../models/shipped.js';
import { loadWordClusters } from '../../models/word-clusters.js';
import { rules } from '../../options.js';
import type { NewsDocument, Span } from '../../schema.js';
import { type SentenceContext, withContext } from './context.js';
import { techniqueCueData } from './cues.js';
import {
  articleContext,
  articleStats,
  type ClusterUse,
  sharedFeatures,
  spanFeatures,
  spanNgramFeatures,
  type WordEndings,
  type WordRates,
} from './features.js';
import { type ArticleGates, articleGateProblem, articleScores, gatedThresholds } from './gate.js';
import { TECHNIQUES, type Technique } from './labels.js';
import {
  type LineStages,
  lineDecide,
  lineReason,
  lineScores,
  lineStageProblem,
  wordCount,
} from './line-stage.js';
import { type TaggerFile, taggerOf, unitTagger } from './tagger.js';

/** A passage that uses a persuasion technique. */
export interface TechniqueSpan extends Span {
  technique: Technique;
  /** Model probability, 0..1. */
  score: number;
  /** Index of the paragraph in the `paragraphs` layer. */
  paragraph: number;
  /** The features that pushed the decision most (cue words, n-grams, shape). */
  why: string[];
}

/** The techniques found in one paragraph (the SemEval-2023 subtask-3 unit). */
export interface ParagraphTechniques {
  paragraph: number;
  techniques: { technique: Technique; score: number }[];
}

/**
 * A sentence the model scored for a technique below that technique's threshold: not a finding,
 * shown so that a reader sees what the model nearly found and how far it was from the cut.
 * Under a line stage (`meta.lineStage`), a technique its regression decides is missed by a
 * paragraph: `score` is then the paragraph's stage score, `cut` the stage's threshold, and the
 * span the paragraph's sentence that scores highest for the technique.
 */
export interface NearTechnique extends TechniqueSpan {
  /** The threshold that decides the technique, on the same (calibrated) scale as `score`. */
  cut: number;
}

/** The `techniques` layer: spans plus each paragraph's set (paragraphs without any omitted). */
export interface TechniquesLayer {
  spans: TechniqueSpan[];
  paragraphs: ParagraphTechniques[];
  /**
   * Up to {@link NEAR_MAX} techniques the article has no finding of (none the model never decides:
   * a threshold above 1), each with its sentence that came closest to the technique's threshold
   * (at least half of it), closest first. Not findings:
   * exports and counts ignore them. Absent for paragraph models.
   */
  nearest?: NearTechnique[];
}

/**
 * Up to this many units (sentences, or paragraphs without any) an article's feature vectors are
 * kept from scoring to explaining its findings; a longer text's are made again for the units
 * explained (news articles have under 200 sentences; a 20 MB book ~130,000). An object so that a
 * test can lower it.
 */
export const unitsKept = { max: 2000 };

/** How many near misses the layer keeps. */
const NEAR_MAX = 3;
/** A near miss scores at least this share of its technique's threshold (raw probabilities). */
const NEAR_SHARE = 0.5;

declare module '../../schema.js' {
  interface LayerMap {
    techniques: TechniquesLayer;
  }
}

/** Options of the techniques analyzer. */
export type TechniquesOptions = ShippedModelOptions;

/**
 * Picks the sentence of a paragraph that carries the `j`-th chosen technique most strongly
 * (`logits[k][j]`: sentence k, chosen label j); the whole paragraph when it has one sentence.
 */
function bestSentence(para: Span, sents: readonly Span[], j: number, logits: readonly Float64Array[]): Span {
  if (sents.length < 2) return { start: para.start, end: para.end };
  let best = 0;
  for (let k = 1; k < sents.length; k++) if (logits[k]![j]! > logits[best]![j]!) best = k;
  return { start: sents[best]!.start, end: sents[best]!.end };
}

/**
 * The techniques of a model trained on sentences (`meta.unit: 'sentence'`): each sentence is
 * decided on its own, with its position among the article's sentences (not its paragraph's), so
 * the findings do not depend on how the text is cut into paragraphs (a model with
 * `meta.context` also weighs the neighbouring sentences', in article order, and the article's
 * probabilities: still nothing of the paragraphing). A paragraph uses the
 * techniques of its sentences; each finding is the sentence itself. A model with a line stage
 * for the language (`meta.lineStage`) decides paragraphs instead: see `line-stage.ts` (its
 * findings depend on the paragraphing; an article gate, `meta.articleGate`, is not applied
 * then). A paragraph without sentences counts as one. Scores are calibrated (`meta.calibration`, fitted on held-out
 * findings): a span's is the probability that it is right, a paragraph's the chance that at
 * least one of its sentences uses the technique (their calibrated scores taken as independent),
 * mapped by `meta.paragraphCalibration` when the trainer fitted one (a Platt map per language
 * of that noisy-or, fitted on held-out paragraphs: sentence scores are not independent).
 */
function bySentence(doc: NewsDocument, lang: string, model: LinearModel, why: number): TechniquesLayer {
  const layer: TechniquesLayer = { spans: [], paragraphs: [] };
  const paras = doc.paragraphs!;
  const units: (Span & { paragraph: number })[] = [];
  const covered = new Uint8Array(paras.length);
  for (const s of doc.sentences ?? []) {
    units.push(s);
    covered[s.paragraph] = 1;
  }
  paras.forEach((p, i) => {
    if (!covered[i]) units.push({ start: p.start, end: p.end, paragraph: i });
  });
  units.sort((a, b) => a.start - b.start);
  const article = articleContext(doc.text, lang, units.length);
  const stats = articleStats(doc.text, lang);
  let thresholds = model.thresholdsFor(lang);
  const prefix = (model.meta.prefix as number | undefined) ?? 5;
  const base = model.logits(sharedFeatures({ lang, index: 0, count: units.length, article }, model.bits));
  const calibration = model.meta.calibration as Calibration | undefined;
  const paragraphMap = model.meta.paragraphCalibration as PlattByLanguage | undefined;
  const L = model.labels.length;
  // Per technique: the unit that came closest to the threshold without reaching it, with the
  // score and threshold that decided it (a sentence's probability and threshold, shown
  // calibrated; under a line stage, a label of its regression: the paragraph's stage score and
  // the stage's threshold, shown as they are). Kept raw: only the shown few are calibrated.
  const near = new Float64Array(L);
  const nearAt = new Int32Array(L).fill(-1);
  const nearScore = new Float64Array(L);
  const nearCut = new Float64Array(L);
  // The share of the threshold `x` reaches when it is a nearer miss of `l` than any so far, else
  // 0. A technique whose threshold is above 1 is never decided (`tuneThresholds`' 1.01): no near miss.
  const nearer = (l: number, x: number, t: number): number => {
    if (!(t <= 1)) return 0;
    const share = x / t;
    return share < 1 && share >= NEAR_SHARE && share > near[l]! ? share : 0;
  };
  const keepNear = (l: number, share: number, index: number, x: number, t: number) => {
    near[l] = share;
    nearAt[l] = index;
    nearScore[l] = x;
    nearCut[l] = t;
  };
  // Per paragraph: the chance that no sentence uses each technique, from the calibrated scores.
  const miss = new Float64Array(L);
  let at = -1;
  let first = 0;
  let current: ParagraphTechniques | undefined;
  const close = (end: number) => {
    if (current)
      for (const t of current.techniques)
        t.score = r3(plattIn(paragraphMap, lang, 1 - miss[model.labels.indexOf(t.technique)]!));
    current = undefined;
    if (stage && at >= 0) staged(first, end);
  };
  const valence = model.meta.valence === true;
  const rates = model.meta.wordRates as WordRates | undefined;
  const clusters = clustersOfModel.get(model);
  const suffix = model.meta.suffix as WordEndings | undefined;
  // The token tagger, when the model has one: its word scores as features of each unit.
  const taggerFile = model.meta.tagger as TaggerFile | undefined;
  const tag = taggerFile ? unitTagger(stats, taggerOf(taggerFile), rates, model.bits) : undefined;
  const vectorOf = (index: number) => {
    const u = units[index]!;
    const unit = {
      lang,
      index,
      count: units.length,
      article,
      prefix,
      omitShared: true,
      valence,
      rates,
      clusters,
      suffix,
    };
    const v = spanFeatures(stats, u.start, u.end, unit, model.bits);
    tag?.(v, u);
    return v;
  };
  // Each unit's features are scored as soon as they are made: an article's are kept for the
  // reasons below, a book's (over `unitsKept.max` units) dropped and made again for the few units
  // whose reasons are shown, so the features of all its sentences never exist at once (they
  // took ~1.4 GB at 20 MB of text; the probabilities are L numbers a unit).
  const keep = units.length <= unitsKept.max;
  const kept: ReturnType<typeof vectorOf>[] = [];
  const raw = units.map((_, index) => {
    const v = vectorOf(index);
    if (keep) kept.push(v);
    return model.probabilities(v, base);
  });
  const vectors = { at: (index: number) => kept[index] ?? vectorOf(index) };
  // The second stage, when the model has one: each sentence's probabilities rescored with its
  // neighbours' and the article's (in article order, whatever the paragraphing).
  const probs = withContext(raw, model.meta.context as SentenceContext | undefined);
  // An article gate, when the model has one for the language: the thresholds it leaves for
  // this article (a technique the article's mean probability does not reach is not found).
  const gate = (model.meta.articleGate as ArticleGates | undefined)?.[lang];
  if (gate) thresholds = gatedThresholds(gate, articleScores(probs, L));
  // A line stage, when the model has one for the language: each paragraph decided from its
  // sentences' probabilities, the article's and its length (units `from`…`to` − 1).
  const stage = (model.meta.lineStage as LineStages | undefined)?.[lang];
  const scores = stage ? articleScores(probs, L) : undefined;
  // The `why` of what a stage regression decides: the stage's reason first (it decided), then
  // the sentence's features, `why` reasons in all.
  const stagedWhy = (reason: string, v: ReturnType<typeof vectorOf>, l: number): string[] =>
    why > 0 ? [reason, ...reasonsMany(model, v, [l], why - 1)[0]!] : [];
  const staged = (from: number, to: number) => {
    const members = probs.slice(from, to);
    const para = paras[at]!;
    const words = wordCount(doc.text, para.start, para.end);
    const lineScored = lineScores(stage!, members, scores!, words);
    const chosen = lineDecide(stage!, members, scores!, words, lineScored);
    const bestFor = (l: number) => {
      let best = from;
      for (let k = from + 1; k < to; k++) if (probs[k]![l]! > probs[best]![l]!) best = k;
      return best;
    };
    // Near misses of the regression's labels: the paragraph's score against the stage's
    // threshold, shown on its best sentence (the labels of the sentence rule: per sentence).
    for (let l = 0; l < L; l++) {
      if (!stage!.weights[l]?.length || chosen.includes(l)) continue;
      const s = lineScored[l]!;
      const t = stage!.thresholds[l]!;
      const share = nearer(l, s, t);
      if (share) keepNear(l, share, bestFor(l), s, t);
    }
    if (chosen.length === 0) return;
    const entry: ParagraphTechniques = { paragraph: at, techniques: [] };
    layer.paragraphs.push(entry);
    for (const l of chosen) {
      const technique = model.labels[l] as Technique;
      const w = stage!.weights[l];
      // A label of the regression: the paragraph's score is its probability, and the finding
      // sits on the sentence that scores highest for it (its calibrated score, as any span's).
      // A label of the sentence rule: as without a stage.
      const score = r3(w?.length ? lineScored[l]! : plattIn(paragraphMap, lang, 1 - miss[l]!));
      entry.techniques.push({ technique, score });
      const best = bestFor(l);
      for (let k = from; k < to; k++) {
        if (w?.length ? k !== best : probs[k]![l]! < stage!.thresholds[l]!) continue;
        layer.spans.push({
          start: units[k]!.start,
          end: units[k]!.end,
          technique,
          score: r3(calibrated(calibration, l, probs[k]![l]!)),
          paragraph: at,
          why: w?.length
            ? stagedWhy(lineReason(stage!, members, scores!, words, l, lineScored[l]!), vectors.at(k), l)
            : reasonsMany(model, vectors.at(k), [l], why)[0]!,
        });
      }
    }
  };
  units.forEach((u, index) => {
    if (u.paragraph !== at) {
      close(index);
      at = u.paragraph;
      first = index;
      miss.fill(1);
    }
    const p = probs[index]!;
    for (let l = 0; l < L; l++) {
      miss[l]! *= 1 - calibrated(calibration, l, p[l]!);
      // Under a line stage, a sentence decides only the labels of its sentence rule.
      const t = !stage ? thresholds[l]! : stage.weights[l]?.length ? Number.NaN : stage.thresholds[l]!;
      const share = nearer(l, p[l]!, t);
      if (share) keepNear(l, share, index, p[l]!, t);
    }
    const chosen = stage ? [] : model.decide(p, thresholds);
    if (chosen.length === 0) return;
    if (!current) {
      current = { paragraph: u.paragraph, techniques: [] };
      layer.paragraphs.push(current);
    }
    const reasons = reasonsMany(model, vectors.at(index), chosen, why);
    chosen.forEach((l, j) => {
      const technique = model.labels[l] as Technique;
      if (!current!.techniques.some((t) => t.technique === technique))
        current!.techniques.push({ technique, score: 0 });
      layer.spans.push({
        start: u.start,
        end: u.end,
        technique,
        score: r3(calibrated(calibration, l, p[l]!)),
        paragraph: u.paragraph,
        why: reasons[j]!,
      });
    });
  });
  close(units.length);
  if (stage) layer.spans.sort((a, b) => a.start - b.start);
  const found = new Set(layer.spans.map((s) => s.technique));
  const closest = [...nearAt.keys()]
    .filter((l) => nearAt[l]! >= 0 && !found.has(model.labels[l] as Technique))
    .sort((a, b) => near[b]! - near[a]! || a - b)
    .slice(0, NEAR_MAX);
  layer.nearest = closest.map((l) => {
    const index = nearAt[l]!;
    const u = units[index]!;
    // A sentence's miss is shown calibrated; a paragraph's stage score as it is.
    const raw = stage?.weights[l]?.length;
    let reasons: string[];
    if (raw) {
      // The stage's reason for the paragraph that came closest (its units are contiguous).
      let from = index;
      let to = index + 1;
      while (from > 0 && units[from - 1]!.paragraph === u.paragraph) from--;
      while (to < units.length && units[to]!.paragraph === u.paragraph) to++;
      const para = paras[u.paragraph]!;
      const words = wordCount(doc.text, para.start, para.end);
      reasons = stagedWhy(
        lineReason(stage!, probs.slice(from, to), scores!, words, l, nearScore[l]!),
        vectors.at(index),
        l,
      );
    } else reasons = reasonsMany(model, vectors.at(index), [l], why)[0]!;
    return {
      start: u.start,
      end: u.end,
      technique: model.labels[l] as Technique,
      score: r3(raw ? nearScore[l]! : calibrated(calibration, l, nearScore[l]!)),
      cut: r3(raw ? nearCut[l]! : calibrated(calibration, l, nearCut[l]!)),
      paragraph: u.paragraph,
      why: reasons,
    };
  });
  return layer;
}

/**
 * Throws `E_MODEL_INVALID` when a model's labels are not techniques, when its line stages or article gates (`meta.lineStage`,
 * `meta.articleGate`, per language) are not of its labels' shape, or its word endings
 * (`meta.suffix`) not a length and a weight: a pipeline's set-up stops
 * with it, rather than each document's run failing on the first paragraph.
 */
function checkDecisions(model: LinearModel, what: string): void {
  // A model of other labels (a frames model, say) would report its labels as techniques.
  const foreign = model.labels.filter((l) => !(TECHNIQUES as readonly string[]).includes(l));
  if (foreign.length > 0 || model.labels.length === 0)
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${what} is not a techniques model (${foreign.length > 0 ? `labels not among the 23 techniques: ${foreign.slice(0, 3).join(', ')}` : 'no labels'}); retrain it with newsprism train techniques`,
    );
  const parts = [
    ['lineStage', lineStageProblem],
    ['articleGate', articleGateProblem],
  ] as const;
  for (const [key, problemOf] of parts) {
    const byLang = model.meta[key];
    if (byLang === undefined) continue;
    const problems: [string, string | undefined][] =
      byLang !== null && typeof byLang === 'object' && !Array.isArray(byLang)
        ? Object.entries(byLang).map(([lang, e]) => [`.${lang}`, problemOf(e, model.labels.length)])
        : [['', 'must map language codes to entries']];
    for (const [at, problem] of problems)
      if (problem)
        throw new NewsprismError(
          'E_MODEL_INVALID',
          `${what}: meta.${key}${at} ${problem}; retrain it with newsprism train techniques`,
        );
  }
  // Word endings: a length of 0 would make every whole word a feature, a string one compare
  // as text (`w.length > "3" + 2`).
  const suffix = model.meta.suffix as Partial<WordEndings> | null | undefined;
  if (
    suffix !== undefined &&
    !(
      typeof suffix === 'object' &&
      suffix !== null &&
      Number.isInteger(suffix.length) &&
      suffix.length! >= 1 &&
      Number.isFinite(suffix.weight)
    )
  )
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${what}: meta.suffix must be {length: a whole number ≥ 1, weight: a number}; retrain it with newsprism train techniques`,
    );
}

/** The word clusters each loaded model reads (`meta.clusters`), set up with the model. */
const clustersOfModel = new WeakMap<LinearModel, ClusterUse>();

/**
 * Loads the word clusters a model was trained with (`meta.clusters`: `file`, `checksum`,
 * `weight`, `levels`, `bigrams`, written by `train techniques --set wc=W`) through the
 * registry; a file other than the one the model was trained on stops the set-up
 * (`E_MODEL_INVALID`, {@link loadWordClusters}).
 */
function setUpClusters(registry: ModelRegistry, model: LinearModel, what: string): void {
  const m = model.meta.clusters as Record<string, unknown> | undefined;
  if (m === undefined) return;
  const { file, checksum, weight, levels, bigrams } = m ?? {};
  if (typeof file !== 'string' || typeof weight !== 'number' || typeof levels !== 'number')
    throw new NewsprismError(
      'E_MODEL_INVALID',
      `${what}: meta.clusters needs file, weight and levels; retrain it with newsprism train techniques`,
    );
  clustersOfModel.set(model, {
    clusters: loadWordClusters(registry, file, checksum),
    weight,
    levels,
    bigrams: bigrams === true,
  });
}

/** Rounds a probability for output. */
function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The `techniques` analyzer: a linear model over hashed n-grams, cue lexicons, shape and
 * position decides which of the 23 SemEval-2023 techniques each paragraph uses; each finding
 * is located on the sentence that scores highest for it.
 */
export const techniques = defineAnalyzer({
  name: 'techniques',
  version: 10,
  requires: ['paragraphs', 'sentences', 'language'],
  produces: 'techniques',
  defaults: { model: '', why: 4 } as TechniquesOptions,
  rules: { model: rules.model, why: rules.why },
  setup(options, registry) {
    recordData(registry, 'techniques/cues', techniqueCueData);
    return loadModelSet(registry, 'techniques', options.model, (model, what) => {
      checkDecisions(model, what);
      setUpClusters(registry, model, what);
    });
  },
  run(doc, ctx, options, models) {
    const lang = doc.language!.code;
    const layer: TechniquesLayer = { spans: [], paragraphs: [] };
    const model = modelForLanguage(models, lang, ctx);
    if (!model) return layer;
    if (model.meta.unit === 'sentence') return bySentence(doc, lang, model, options.why);
    const paras = doc.paragraphs!;
    const article = articleContext(doc.text, lang, paras.length);
    const stats = articleStats(doc.text, lang);
    const thresholds = model.thresholdsFor(lang);
    const sentencesOf: Span[][] = paras.map(() => []);
    for (const s of doc.sentences ?? []) sentencesOf[s.paragraph]?.push(s);
    const prefix = (model.meta.prefix as number | undefined) ?? 5;
    // The article's context is the same for every paragraph: scored once, used as the bias.
    const base = model.logits(sharedFeatures({ lang, index: 0, count: paras.length, article }, model.bits));
    for (let index = 0; index < paras.length; index++) {
      const para = paras[index]!;
      const clusters = clustersOfModel.get(model);
      const unit = { lang, index, count: paras.length, article, prefix, omitShared: true, clusters };
      // Names are built on demand (`nameAt`), only for the reasons of what is found.
      const v = spanFeatures(stats, para.start, para.end, unit, model.bits);
      const p = model.probabilities(v, base);
      const chosen = model.decide(p, thresholds);
      if (chosen.length === 0) continue;
      const found: { technique: Technique; score: number }[] = [];
      for (const l of chosen) found.push({ technique: model.labels[l] as Technique, score: r3(p[l]!) });
      layer.paragraphs.push({ paragraph: index, techniques: found });
      const sents = sentencesOf[index]!;
      // Only the chosen labels' scores decide where each finding sits.
      const logits: Float64Array[] = [];
      if (sents.length > 1)
        for (const s of sents)
          logits.push(model.logitsOf(spanNgramFeatures(stats, s.start, s.end, model.bits, prefix), chosen));
      const why = reasonsMany(model, v, chosen, options.why);
      for (let j = 0; j < chosen.length; j++) {
        const span = bestSentence(para, sents, j, logits);
        layer.spans.push({
          start: span.start,
          end: span.end,
          technique: found[j]!.technique,
          score: found[j]!.score,
          paragraph: index,
          why: why[j]!,
        });
      }
    }
    return layer;
  },
});
