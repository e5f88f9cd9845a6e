export type { Analyzer, AnalyzerContext } from './analyzer.js';
export { defineAnalyzer } from './analyzer.js';
export { builtinAnalyzers, heavyLayers } from './analyzers.js';
export { isNewsprismError, NewsprismError } from './errors.js';
export type { ExtractedArticle, ExtractOptions } from './extract/extract.js';
export { extractArticle } from './extract/extract.js';
export { detectLanguage } from './layers/language/language.js';
export { splitParagraphs } from './layers/paragraphs/paragraphs.js';
export { segmentSentences } from './layers/sentences/segment.js';
export { tokenize } from './layers/tokens/tokenize.js';
export type { SparseVector } from './models/features.js';
export { FeatureHasher, featureWords, hashString, logBucket, wordNgrams } from './models/features.js';
export type { Contribution, LinearKind, LinearModelFile } from './models/linear.js';
export { LinearModel, loadLinearModel } from './models/linear.js';
export type { Sample, TrainOptions } from './models/train.js';
export { crossValidate, prng, refineThresholds, trainLinear, tuneThresholds } from './models/train.js';
export { articleUnitVectors } from './layers/techniques/features.js';
export { TECHNIQUES, type Technique } from './layers/techniques/labels.js';
export { type FileLine, fileLines, labelsByLine } from './layers/techniques/lines.js';
export { readableFeature, shippedModel } from './layers/techniques/model.js';
export type {
  ParagraphTechniques,
  TechniqueSpan,
  TechniquesLayer,
  TechniquesOptions,
} from './layers/techniques/techniques.js';
export { techniques } from './layers/techniques/techniques.js';
export type { Pipeline, PipelineOptions } from './pipeline.js';
export { createPipeline, resolveAnalyzers } from './pipeline.js';
export * from './schema.js';
export { decodeText } from './text/decode.js';
