/**
 * `@newsprism/core/corpus`: work across articles — reuse between documents (`findReuse`),
 * stories (`StoryIndex`), story similarity of text pairs (`scorePairs`) and the language
 * detector they fall back on (`detectLanguage`). Importing this entry loads the detector's
 * n-gram tables (about 140 MB, 0.2–0.4 s); the `@newsprism/core` barrel does not, so a process
 * that only analyses or only reads documents never pays for them. The detector-free corpus
 * helpers (concept bags, the reuse index, similarity scoring, vectors, trees) are in both.
 */
export {
  findReuse,
  languageOf,
  REUSE_DEFAULTS,
  type ReuseOptions,
  reuseView,
  verifyPair,
} from './corpus/find-reuse.js';
export { type OutletLink, outletLinks, pairOutletCounts } from './corpus/outlet-links.js';
export { type Candidate, type IndexOptions, ReuseIndex } from './corpus/reuse-index.js';
export type * from './corpus/reuse-types.js';
export { loadSimilarityModel } from './corpus/similarity-model.js';
export { type ScoredPair, scorePairs, type TextPair } from './corpus/similarity-pairs.js';
export { type Story, StoryIndex, type StoryMember, type StoryOptions } from './corpus/stories.js';
export {
  comparisonView,
  type StoryClaim,
  type StoryComparison,
  type StorySpeaker,
} from './corpus/story-comparison.js';
export { type ReuseTree, reuseTrees, treesToDot } from './corpus/trees.js';
export { textView } from './corpus/views.js';
export { detectLanguage, type LanguageOptions } from './layers/language/detect.js';
