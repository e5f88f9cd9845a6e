export type { Analyzer, AnalyzerContext } from './analyzer.js';
export { defineAnalyzer } from './analyzer.js';
export { builtinAnalyzers, heavyLayers } from './analyzers.js';
export { isNewsprismError, NewsprismError } from './errors.js';
export { decodeDeclaredCharset } from './extract/charset.js';
export type { ExtractedArticle, ExtractOptions } from './extract/extract.js';
export { extractArticle } from './extract/extract.js';
export type { Claim, ClaimKind, ClaimsOptions, ClaimVoice } from './layers/claims/claims.js';
export { claimKind, findClaims } from './layers/claims/claims.js';
export { findEvidence } from './layers/claims/evidence.js';
export { checkworthyModel, subjectivityModel } from './layers/claims/models.js';
export {
  checkworthiness,
  type SentenceScore,
  subjectivity as subjectivityScore,
} from './layers/claims/score.js';
export { type SentenceModelSettings, sentenceVector } from './layers/claims/sentence-features.js';
export { SentenceModel } from './layers/claims/sentence-model.js';
export type { EntitiesOptions, Entity, Mention } from './layers/entities/entities.js';
export { entities } from './layers/entities/entities.js';
export type { EntityType, Gazetteer, GazetteerFile } from './layers/entities/gazetteer.js';
export { loadGazetteer, mergeGazetteers } from './layers/entities/gazetteer.js';
export { tokenKey } from './layers/entities/keys.js';
export {
  NER_BITS,
  NER_TAGS,
  type NerInput,
  nerFeatures,
  prepareNer,
} from './layers/entities/ner-features.js';
export { type NerModelFile, NerTagger } from './layers/entities/ner-tagger.js';
export { englishNerInput, spansFromTags } from './layers/entities/recognize-en.js';
export { type DocumentFeatureWeights, documentFeatures } from './layers/frames/document-features.js';
export { type FrameScore, type FramesOptions, frames } from './layers/frames/frames.js';
export { FRAMES, type Frame, GENRES, type Genre } from './layers/frames/labels.js';
export { type GenreLayer, type GenreOptions, genre } from './layers/genre/genre.js';
export {
  type GenreStyleSettings,
  genreVector,
  type StyleNorms,
  styleNorms,
  styleScores,
} from './layers/genre/genre-features.js';
export { genreStyle, STYLE_MEASURES, type StyleMeasure } from './layers/genre/style.js';
export { detectLanguage } from './layers/language/language.js';
export type { NamingEntity, NamingLayer, NamingProfile, NamingVariant } from './layers/naming/naming.js';
export { buildNaming, naming } from './layers/naming/naming.js';
export { canonicalOutlet } from './layers/paragraphs/outlets.js';
export { splitParagraphs } from './layers/paragraphs/paragraphs.js';
export { LEARNED_CUE_BITS } from './layers/quotes/learned.js';
export { learnedCueExamples } from './layers/quotes/quotes.js';
export type {
  Quote,
  QuoteKind,
  QuoteSignal,
  SourceSummary,
  SourcesLayer,
  Speaker,
  SpeakerType,
} from './layers/quotes/types.js';
export { segmentSentences } from './layers/sentences/segment.js';
export type {
  SentenceSubjectivity,
  SubjectivityLayer,
  SubjectivityOptions,
} from './layers/subjectivity/subjectivity.js';
export { findSubjectivity } from './layers/subjectivity/subjectivity.js';
export { articleUnitVectors } from './layers/techniques/features.js';
export { TECHNIQUES, type Technique } from './layers/techniques/labels.js';
export { type FileLine, fileLines, labelsByLine } from './layers/techniques/lines.js';
export type {
  ParagraphTechniques,
  TechniqueSpan,
  TechniquesLayer,
  TechniquesOptions,
} from './layers/techniques/techniques.js';
export { techniques } from './layers/techniques/techniques.js';
export { tokenize } from './layers/tokens/tokenize.js';
export type { SparseVector } from './models/features.js';
export { FeatureHasher, featureWords, hashString, logBucket, wordNgrams } from './models/features.js';
export type { Contribution, LinearKind, LinearModelFile } from './models/linear.js';
export { LinearModel, loadLinearModel } from './models/linear.js';
export {
  modelForLanguage,
  modelLanguages,
  readableFeature,
  reasons,
  reasonsMany,
  shippedModel,
  shippedModelFor,
  tellingFeature,
} from './models/shipped.js';
export type { Sample, TrainOptions } from './models/train.js';
export {
  crossValidate,
  macroF1,
  prng,
  refineThresholds,
  trainAveraged,
  trainLinear,
  tuneOffsets,
  tuneThresholds,
} from './models/train.js';
export type { Pipeline, PipelineOptions } from './pipeline.js';
export { createPipeline, resolveAnalyzers } from './pipeline.js';
export * from './schema.js';
export { decodeText } from './text/decode.js';
