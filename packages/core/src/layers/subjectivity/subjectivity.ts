import { defineAnalyzer } from '../../analyzer.js';
import { parseLinearModel } from '../../models/linear.js';
import { rules } from '../../options.js';
import type { NewsDocument, Span } from '../../schema.js';
import lexiconEn from '../claims/lexicon.en.json' with { type: 'json' };
import lexiconRu from '../claims/lexicon.ru.json' with { type: 'json' };
import { loadSentenceModels, type SentenceModels, shippedSentenceModels } from '../claims/models.js';
import { subjectivity as scoreSubjectivity } from '../claims/score.js';
import { SentenceModel } from '../claims/sentence-model.js';
import { type Voice, VoiceFinder } from '../claims/voice.js';
import cuesEn from './cues.en.json' with { type: 'json' };

/** Subjectivity of one sentence. */
export interface SentenceSubjectivity extends Span {
  /** Index into the `sentences` layer. */
  sentence: number;
  /**
   * Probability of `SUBJ` (0..1): for English, the model's probability calibrated on held-out
   * folds (monotone histogram binning, at the training data's balance); the cue fallback's score otherwise.
   */
  score: number;
  subjective: boolean;
  /** `quoted` or `reported` when most of the sentence is a source's words (`quotes` layer). */
  voice: Voice;
}

/** The subjectivity layer: per-sentence scores and the article's share in its own voice. */
export interface SubjectivityLayer {
  sentences: SentenceSubjectivity[];
  /**
   * Subjective sentences in the outlet's own voice (body and standfirst, neither quoted nor
   * reported speech, not repeated) over all such sentences; 0 when there are none.
   */
  share: number;
  /** How many sentences the share counts over, and how many of them are subjective. */
  outletSentences: number;
  subjectiveSentences: number;
  method: 'model' | 'cues';
}

declare module '../../schema.js' {
  interface LayerMap {
    subjectivity: SubjectivityLayer;
  }
}

const ROLES = new Set(['body', 'standfirst']);

/** Options of the subjectivity analyzer. */
export interface SubjectivityOptions {
  /**
   * A model file of your own to use instead of the shipped one (empty: shipped), made with
   * `newsprism train subjectivity --out f.json` (for instance with character n-grams,
   * `--set chars=1`: slower per article and, in cross-validation, no better than the shipped
   * word stems).
   */
  model: string;
}

/** The models of a subjectivity run: the shipped ones, and a user's own model when given. */
export interface SubjectivityModels {
  shipped: SentenceModels;
  own?: SentenceModel;
}

/**
 * Scores every body and standfirst sentence of an analysed document for subjectivity, with the
 * models a pipeline loaded (default: the shipped ones).
 */
export function findSubjectivity(
  doc: Readonly<NewsDocument>,
  models: SubjectivityModels = { shipped: shippedSentenceModels() },
): SubjectivityLayer {
  const text = doc.text;
  const lang = doc.language?.code ?? 'en';
  const paras = doc.paragraphs ?? [];
  const out: SentenceSubjectivity[] = [];
  let method: SubjectivityLayer['method'] = 'model';
  const voices = new VoiceFinder(doc);
  let outlet = 0;
  let subjective = 0;
  (doc.sentences ?? []).forEach((s, i) => {
    const p = paras[s.paragraph];
    if (!p || !ROLES.has(p.role) || p.duplicateOf !== undefined) return;
    const r = scoreSubjectivity(text.slice(s.start, s.end), lang, undefined, models.shipped, models.own);
    method = r.method;
    const { voice } = voices.of(s, s.paragraph);
    if (voice === 'outlet') {
      outlet++;
      if (r.positive) subjective++;
    }
    out.push({
      start: s.start,
      end: s.end,
      sentence: i,
      score: Math.round(r.score * 1000) / 1000,
      subjective: r.positive,
      voice,
    });
  });
  const share = outlet ? Math.round((subjective / outlet) * 1000) / 1000 : 0;
  return { sentences: out, share, outletSentences: outlet, subjectiveSentences: subjective, method };
}

/**
 * The `subjectivity` analyzer: a subjective-vs-objective score per sentence (the CheckThat!
 * English model, or a cue fallback for other languages) and the article's share of subjective
 * sentences in its own voice — quoted and reported sentences are scored but not counted.
 */
export const subjectivity = defineAnalyzer({
  name: 'subjectivity',
  // 4: the model refitted (CSV quoting unwrapped) and its score calibrated by a monotone
  // histogram binning (10 equal-size bins) in place of an isotonic fit, chosen by cross-fitted ECE.
  version: 5,
  requires: ['paragraphs', 'sentences', 'language', 'quotes'],
  produces: 'subjectivity',
  defaults: { model: '' } as SubjectivityOptions,
  rules: { model: rules.model },
  setup(options, registry): SubjectivityModels {
    registry.data('subjectivity/cues.en.json', cuesEn);
    registry.data('claims/lexicon.en.json', lexiconEn);
    registry.data('claims/lexicon.ru.json', lexiconRu);
    const shipped = loadSentenceModels(registry);
    if (!options.model) return { shipped };
    const own = registry.load(
      'subjectivity/user',
      options.model,
      ([b]) => SentenceModel.of(parseLinearModel(b!.toString('utf8'), options.model)),
      'make one with newsprism train subjectivity --out <file>',
    );
    return { shipped, own };
  },
  run: (doc, _ctx, _options, models) => findSubjectivity(doc, models),
});
