/**
 * `@newsprism/core/schema`: the document model for any JavaScript runtime, browsers included —
 * types, layer descriptions and pure helpers, with no Node built-in anywhere in its imports (a
 * test bundles it with esbuild for the browser).
 */

export { countEach, speakerList, storySize, timesN, undatedHits } from './corpus/counts.js';
export {
  NO_DATE,
  NO_OUTLET,
  type OutletCount,
  type OutletLink,
  outletLinks,
  pairOutletCounts,
} from './corpus/outlet-links.js';
export { isNewsprismError, NewsprismError, OptionError } from './errors.js';
export { escapeControl, pictureControls } from './io/escape.js';
export { keepLayers, type SerializeOptions, serializeDocument, toJson } from './io/serialize.js';
export { LANGUAGE_CODES, languageCode } from './languages.js';
export { heavyLayers, LAYER_INFO, type LayerInfo, type LayerLabels, layerInfo } from './layer-info.js';
export type { Claim, ClaimKind, ClaimVoice } from './layers/claims/claims.js';
export type { Entity, Mention } from './layers/entities/entities.js';
export type { EntityType } from './layers/entities/gazetteer.js';
export type { FrameScore } from './layers/frames/frames.js';
export { FRAMES, type Frame, GENRES, type Genre } from './layers/frames/labels.js';
export type { GenreLayer } from './layers/genre/genre.js';
export type { NamingEntity, NamingLayer, NamingProfile, NamingVariant } from './layers/naming/naming.js';
export type {
  Quote,
  QuoteKind,
  QuoteSignal,
  SourceSummary,
  SourcesLayer,
  Speaker,
  SpeakerType,
} from './layers/quotes/types.js';
export type { SentenceSubjectivity, SubjectivityLayer } from './layers/subjectivity/subjectivity.js';
export { TECHNIQUES, type Technique } from './layers/techniques/labels.js';
export type {
  NearTechnique,
  ParagraphTechniques,
  TechniqueSpan,
  TechniquesLayer,
} from './layers/techniques/techniques.js';
export { OPTION_DEFAULT } from './options.js';
export { parseDocument } from './parse-document.js';
export { tenthPercents, type VoicePercents, voicePercents, wholePercents } from './percents.js';
export {
  canonical,
  type LayerPlan,
  otherOptionLayers,
  producerLabel,
  sameProducer,
  staleLayers,
} from './provenance.js';
export { type PublishedDate, readPublished } from './published.js';
export { reasonWords } from './reason-words.js';
export * from './schema.js';
export { termWords, termWritten, variantVoices } from './term-words.js';
export { readTooShort, type TooShort } from './too-short.js';
