/**
 * `@newsprism/core`: the pipeline, the analyzers, article extraction and the document types.
 * Training and evaluation helpers are in `@newsprism/core/train`; the browser-safe document
 * model alone is `@newsprism/core/schema` (re-exported here).
 */
export type { Analyzer, AnalyzerContext, OptionRule } from './analyzer.js';
export { defineAnalyzer } from './analyzer.js';
export { builtinAnalyzers, heavyLayers } from './analyzers.js';
export { decodeDeclaredCharset } from './extract/charset.js';
export type { ExtractedArticle, ExtractOptions } from './extract/extract.js';
export { extractArticle } from './extract/extract.js';
export type { ClaimsOptions } from './layers/claims/claims.js';
export { claimKind, findClaims } from './layers/claims/claims.js';
export { findEvidence } from './layers/claims/evidence.js';
export { type SentenceModels, shippedSentenceModels } from './layers/claims/models.js';
export {
  checkworthiness,
  type SentenceScore,
  subjectivity as subjectivityScore,
} from './layers/claims/score.js';
export type { EntitiesOptions } from './layers/entities/entities.js';
export { entities } from './layers/entities/entities.js';
export type { Gazetteer, GazetteerFile } from './layers/entities/gazetteer.js';
export { loadGazetteer, mergeGazetteers } from './layers/entities/gazetteer.js';
export { tokenKey } from './layers/entities/keys.js';
export { type FramesOptions, frames } from './layers/frames/frames.js';
export { type GenreOptions, genre } from './layers/genre/genre.js';
export { detectLanguage } from './layers/language/language.js';
export { buildNaming, naming } from './layers/naming/naming.js';
export { canonicalOutlet } from './layers/paragraphs/outlets.js';
export { splitParagraphs } from './layers/paragraphs/paragraphs.js';
export { segmentSentences } from './layers/sentences/segment.js';
export type { SubjectivityModels, SubjectivityOptions } from './layers/subjectivity/subjectivity.js';
export { findSubjectivity } from './layers/subjectivity/subjectivity.js';
export { type FileLine, labelsByLine } from './layers/techniques/lines.js';
export type { TechniquesOptions } from './layers/techniques/techniques.js';
export { techniques } from './layers/techniques/techniques.js';
export { tokenize } from './layers/tokens/tokenize.js';
export type { FileRef, ModelRegistry, ModelStore } from './models/registry.js';
export { createModelStore } from './models/registry.js';
export type { Pipeline, PipelineOptions, SetupCost } from './pipeline.js';
export { createPipeline, resolveAnalyzers } from './pipeline.js';
export * from './schema-entry.js';
export { decodeText } from './text/decode.js';
