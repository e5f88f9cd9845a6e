/**
 * `@newsprism/core/train`: the feature extractors, trainers and model classes that the
 * training and evaluation tasks (`eval/`, `bench/`) build on. Not needed to analyse documents.
 */

export { DepsScorer } from './layers/claims/deps-scorer.js';
export {
  CLAUSE_TOKEN,
  clusterFeatures,
  mainClauseNames,
  type ParsedClause,
  parseClause,
  scaledNames,
  subjectWord,
  tenseOf,
} from './layers/claims/main-clause.js';
export { type SentenceModelSettings, sentenceVector } from './layers/claims/sentence-features.js';
export { SentenceModel } from './layers/claims/sentence-model.js';
export { sentenceWords } from './layers/claims/words.js';
export { addNerClusters } from './layers/entities/ner-clusters.js';
export {
  NER_BITS,
  NER_TAGS,
  type NerInput,
  nerFeatures,
  prepareNer,
  recallTag,
  rememberTag,
} from './layers/entities/ner-features.js';
export { type NerModelFile, NerTagger } from './layers/entities/ner-tagger.js';
export { englishNerInput, spansFromTags } from './layers/entities/recognize-en.js';
export { type DocumentFeatureWeights, documentFeatures } from './layers/frames/document-features.js';
export {
  adjustedChosen,
  calibrateChosen,
  documentTechniqueShare,
  type GenreBand,
  type GenreCalibration,
  type GenreStyleSettings,
  genreVector,
  type StyleNorms,
  styleCalibration,
  styleNorms,
  styleScores,
} from './layers/genre/genre-features.js';
export {
  bayesChoice,
  calibratedPosterior,
  type GenreTrainPrior,
  priorRatios,
  resolvePrior,
  reweight,
} from './layers/genre/genre-prior.js';
export { genreStyle, STYLE_MEASURES, type StyleMeasure, titleEndOf } from './layers/genre/style.js';
export { cutAtComplement } from './layers/quotes/clause-end.js';
export { CONTENT_END_BITS, cuttable, endCandidates } from './layers/quotes/content-end.js';
export { cueSentences, markOrCueSentences } from './layers/quotes/cue-sentences.js';
export { LEARNED_CUE_BITS } from './layers/quotes/learned.js';
export { learnedCueExamples } from './layers/quotes/quotes.js';
export { toToks } from './layers/quotes/tok.js';
export {
  type HashtagReading,
  hideWord,
  prepareSyntax,
  type SyntaxInput,
  type SyntaxLexicon,
} from './layers/syntax/features.js';
export { applyScript, editScript, type LemmaRules, Lemmatizer } from './layers/syntax/lemmatize.js';
export {
  encodeClassTable,
  FormClasses,
  type FormClassFile,
  headwordFilter,
  suffixHash,
} from './layers/syntax/lexicon.js';
export { type SyntaxHead, type SyntaxModelFile, SyntaxTagger, type Teacher } from './layers/syntax/tagger.js';
export { ArcState, dependentCounts, oracleApplied, oracleMove } from './layers/syntax/transitions.js';
export { fitContext, type SentenceContext, solve, withContext } from './layers/techniques/context.js';
export {
  articleStats,
  articleUnitVectors,
  type ClusterUse,
  spanNgramFeatures,
  type WordEndings,
  type WordRates,
} from './layers/techniques/features.js';
export {
  type ArticleGate,
  type ArticleGates,
  articleScores,
  gatedThresholds,
} from './layers/techniques/gate.js';
export {
  LINE_WIDTH,
  LINE_WIDTH_ARTICLE,
  type LineStage,
  type LineStages,
  lineDecide,
  lineInputs,
  lineScore,
  wordCount,
} from './layers/techniques/line-stage.js';
export { fileLines } from './layers/techniques/lines.js';
export {
  type NamedMention,
  namedMentions,
  namingFeatures,
} from './layers/techniques/naming-features.js';
export { lemmaFeatures, syntaxFeatures, type TaggedRange } from './layers/techniques/syntax-features.js';
export {
  addTagFeatures,
  TAGGER_BITS,
  Tagger,
  type TaggerFile,
  type TokenFeatures,
  tokenFeatures,
  unitTagFeatures,
} from './layers/techniques/tagger.js';
export {
  type Calibration,
  type CalibrationBand,
  calibrated,
  calibratedIn,
  fitCalibration,
  fitHistogram,
  fitIsotonic,
  fitPlatt,
  isMonotone,
  type Outcome,
  type PlattByLanguage,
  plattIn,
  type ReliabilityBin,
  reliability,
} from './models/calibration.js';
export { hashString, type SparseVector } from './models/features.js';
export type { HashedRows } from './models/hashed-table.js';
export { LinearModel, loadLinearModel } from './models/linear.js';
export type { Sample, TrainOptions } from './models/train.js';
export {
  crossValidate,
  prng,
  refineThresholds,
  trainAveraged,
  trainLinear,
  tuneOffsets,
  tuneThresholds,
} from './models/train.js';
export { clusterWords, type WordClusterFile, WordClusters } from './models/word-clusters.js';
export { featureWordSpans } from './models/words.js';
export { countWords, cutAfterWords } from './text/words.js';
