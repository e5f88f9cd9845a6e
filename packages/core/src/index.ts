/**
 * `@newsprism/core`: the pipeline, the analyzers, article extraction and the document types.
 * Training and evaluation helpers are in `@newsprism/core/train`; the browser-safe document
 * model alone is `@newsprism/core/schema` (re-exported here). Work across articles that may
 * need the language detector (`findReuse`, `StoryIndex`, `scorePairs`, `detectLanguage`) is in
 * `@newsprism/core/corpus`: importing this barrel never loads the detector's tables.
 */
export type { Analyzer, AnalyzerContext, OptionRule } from './analyzer.js';
export { defineAnalyzer } from './analyzer.js';
export { builtinAnalyzers } from './analyzers.js';
export { type ConceptBag, conceptBag } from './corpus/concepts.js';
export { countEach, speakerList, storySize, timesN } from './corpus/counts.js';
export type { ReuseOptions } from './corpus/find-reuse.js';
export { NO_DATE, NO_OUTLET, type OutletLink, outletLinks, pairOutletCounts } from './corpus/outlet-links.js';
export { type Candidate, type IndexOptions, ReuseIndex } from './corpus/reuse-index.js';
export type * from './corpus/reuse-types.js';
export {
  SIMILARITY_DIMENSIONS,
  SIMILARITY_FEATURES,
  type SimilarityDimension,
  type SimilarityEvidence,
  type SimilarityFeature,
  type SimilarityModel,
  type SimilarityScore,
  scoreSimilarity,
  similarityEvidence,
} from './corpus/similarity.js';
export { loadSimilarityModel } from './corpus/similarity-model.js';
export type { ScoredPair, TextPair } from './corpus/similarity-pairs.js';
export type { Story, StoryMember, StoryOptions } from './corpus/stories.js';
export type { StoryClaim, StoryComparison, StorySpeaker } from './corpus/story-comparison.js';
export { type ReuseTree, reuseTrees, treesToDot } from './corpus/trees.js';
export {
  type ConceptVector,
  conceptVector,
  cosine,
  type DocFrequencies,
  FrequencyTable,
} from './corpus/vectors.js';
export { lightStem, wordUnits } from './corpus/words.js';
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
export { FRAMES_MIN_WORDS, type FramesOptions, frames } from './layers/frames/frames.js';
export { GENRE_MIN_WORDS, type GenreOptions, genre } from './layers/genre/genre.js';
export { GENRE_PRIOR_PRESETS, type GenrePrior, type GenrePriorOption } from './layers/genre/genre-prior.js';
export type { NamingTerm, TermMention } from './layers/naming/build-terms.js';
export { buildNaming, naming } from './layers/naming/naming.js';
export type { PoleCounts } from './layers/naming/profile.js';
export {
  loadTerms,
  type Pole,
  type TermConcept,
  type TermFile,
  type TermForm,
} from './layers/naming/terms.js';
export type { Voice, VoiceRule } from './layers/naming/voice.js';
export { type KnownNames, knownNames } from './layers/paragraphs/outlets.js';
export { splitParagraphs } from './layers/paragraphs/paragraphs.js';
export { segmentSentences } from './layers/sentences/segment.js';
export type { SubjectivityModels, SubjectivityOptions } from './layers/subjectivity/subjectivity.js';
export { findSubjectivity } from './layers/subjectivity/subjectivity.js';
export {
  COL,
  type ConlluSentence,
  readConllu,
  sentenceDocId,
  sentenceForms,
  writeConllu,
} from './layers/syntax/conllu.js';
export { depsParserFor, loadDepsParser } from './layers/syntax/deps-model.js';
export {
  analyzeWords,
  loadSyntaxModel,
  type SyntaxModel,
  syntaxModelFor,
  syntaxModelFromFile,
  type WordAnalysis,
} from './layers/syntax/model.js';
export { DependencyParser, type DepsModelFile } from './layers/syntax/parser.js';
export { parseSentences, type SyntaxLayer, type SyntaxOptions, syntax } from './layers/syntax/syntax.js';
export { type FileLine, labelsByLine } from './layers/techniques/lines.js';
export type { TechniquesOptions } from './layers/techniques/techniques.js';
export { techniques } from './layers/techniques/techniques.js';
export { tokenize } from './layers/tokens/tokenize.js';
export type { FileRef, ModelRegistry, ModelStore } from './models/registry.js';
export { createModelStore } from './models/registry.js';
export type { MinWords } from './models/shipped.js';
export { type NumberBounds, numberOption, OPTION_DEFAULT } from './options.js';
export type { Pipeline, PipelineOptions, SetupCost } from './pipeline.js';
export { createPipeline, resolveAnalyzers } from './pipeline.js';
export * from './schema-entry.js';
export { decodeText } from './text/decode.js';
