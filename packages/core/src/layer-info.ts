import type { Claim, ClaimKind } from './layers/claims/claims.js';
import type { Voice } from './layers/claims/voice.js';
import type { EntityType } from './layers/entities/gazetteer.js';
import { FRAMES, GENRES } from './layers/frames/labels.js';
import type { NamingProfile } from './layers/naming/naming.js';
import type { QuoteKind, SignalType, SpeakerType } from './layers/quotes/types.js';
import { TECHNIQUES } from './layers/techniques/labels.js';
import type { LanguageLayer, ParagraphRole, TokenKind } from './schema.js';

/** A closed set of values a field of a layer takes, e.g. the technique names. */
export interface LayerLabels {
  /** Where the value sits in an item of the layer, a dotted path through lists (`speaker.type`). */
  field: string;
  values: readonly string[];
}

/**
 * What a layer is, for front ends that show any layer without hard-coding it: whether its
 * findings are spans of the text (`span`: items with `start`/`end`, highlightable) or one
 * verdict on the whole document (`document`), where the spans are (`spans`: a dotted path to
 * the list, `''` for the layer itself), the layers it is computed from, and its labels.
 */
export interface LayerInfo {
  layer: string;
  level: 'span' | 'document';
  /**
   * Path of the span list inside the layer: `''` the layer is the list, `spans` its `spans`
   * field, `[].mentions` the `mentions` of each item. Absent for `document` layers.
   */
  spans?: string;
  title: string;
  description: string;
  labels: readonly LayerLabels[];
}

// Each list names every member of its type: adding a member to the type without the list fails
// to compile (`All<T, typeof list>`).
type All<T extends string, L extends readonly T[]> = [Exclude<T, L[number]>] extends [never] ? L : never;
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: All<T, L>): L =>
    list;

const QUOTE_KINDS = all<QuoteKind>()(['direct', 'indirect', 'mixed', 'scare']);
const SPEAKER_TYPES = all<SpeakerType>()([
  'person',
  'anonymous',
  'organization',
  'government',
  'media',
  'document',
  'unknown',
]);
const SIGNAL_TYPES = all<SignalType>()(['evaluative', 'hedge', 'distancing']);
const ENTITY_TYPES = all<EntityType>()(['PER', 'ORG', 'LOC', 'MISC']);
const CLAIM_KINDS = all<ClaimKind>()(['statistic', 'event', 'quote', 'causal', 'prediction', 'other']);
const VOICES = all<Voice>()(['outlet', 'quoted', 'reported']);
const ROLES = all<ParagraphRole>()([
  'title',
  'standfirst',
  'byline',
  'caption',
  'credit',
  'dateline',
  'body',
]);
const TOKEN_KINDS = all<TokenKind>()([
  'word',
  'number',
  'punct',
  'symbol',
  'url',
  'email',
  'hashtag',
  'mention',
]);
const METHODS = all<LanguageLayer['method']>()(['declared', 'detected', 'fallback']);
const LEANS = all<NamingProfile['lean']>()(['ru', 'ua', 'mixed', 'neutral', 'none']);
const SCORE_METHODS = all<Claim['attrs']['method']>()(['model', 'cues']);

/** The Universal Dependencies part-of-speech tags the syntax layer gives. */
const UPOS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;

/** Every built-in layer, in pipeline order. */
export const LAYER_INFO: readonly LayerInfo[] = [
  {
    layer: 'language',
    level: 'document',
    title: 'Language',
    description: 'ISO 639-1 code of the text (or und), script and confidence',
    labels: [{ field: 'method', values: METHODS }],
  },
  {
    layer: 'paragraphs',
    level: 'span',
    spans: '',
    title: 'Paragraphs',
    description: 'non-blank lines with their layout role; repeats point at the paragraph they repeat',
    labels: [{ field: 'role', values: ROLES }],
  },
  {
    layer: 'sentences',
    level: 'span',
    spans: '',
    title: 'Sentences',
    description: 'sentences, never across a paragraph',
    labels: [],
  },
  {
    layer: 'techniques',
    level: 'span',
    spans: 'spans',
    title: 'Persuasion techniques',
    description:
      'SemEval-2023 persuasion techniques per paragraph, each placed on its likeliest sentence, with reasons',
    labels: [{ field: 'technique', values: TECHNIQUES }],
  },
  {
    layer: 'frames',
    level: 'document',
    title: 'Frames',
    description: 'the 14 SemEval-2023 frames scored for the article; selected ones are its frames',
    labels: [{ field: 'frame', values: FRAMES }],
  },
  {
    layer: 'genre',
    level: 'document',
    title: 'Genre',
    description: 'reporting, opinion or satire, with the probability that it is right and reasons',
    labels: [{ field: 'genre', values: GENRES }],
  },
  {
    layer: 'tokens',
    level: 'span',
    spans: '',
    title: 'Tokens',
    description: 'words, numbers, punctuation and the like',
    labels: [{ field: 'kind', values: TOKEN_KINDS }],
  },
  {
    layer: 'syntax',
    level: 'document',
    title: 'Syntax',
    description:
      'part of speech, lemma and (Russian) case, gender and number of each token, parallel to tokens',
    labels: [{ field: 'upos[]', values: UPOS }],
  },
  {
    layer: 'entities',
    level: 'span',
    spans: '[].mentions',
    title: 'Entities',
    description: 'people, organisations, places and other names, grouped by entity with their mentions',
    labels: [{ field: 'type', values: ENTITY_TYPES }],
  },
  {
    layer: 'quotes',
    level: 'span',
    spans: '',
    title: 'Quotes',
    description: 'attributions (direct, indirect, mixed) with cue, speaker and signals; scare quotes apart',
    labels: [
      { field: 'kind', values: QUOTE_KINDS },
      { field: 'speaker.type', values: SPEAKER_TYPES },
      { field: 'signals.type', values: SIGNAL_TYPES },
    ],
  },
  {
    layer: 'claims',
    level: 'span',
    spans: '',
    title: 'Claims',
    description: 'check-worthy sentences and clauses with their kind, score, figures, dates and names',
    labels: [
      { field: 'label', values: CLAIM_KINDS },
      { field: 'attrs.voice', values: VOICES },
      { field: 'attrs.method', values: SCORE_METHODS },
    ],
  },
  {
    layer: 'subjectivity',
    level: 'span',
    spans: 'sentences',
    title: 'Subjectivity',
    description: 'subjective-or-objective score per sentence and the share in the outlet’s own voice',
    labels: [
      { field: 'voice', values: VOICES },
      { field: 'method', values: SCORE_METHODS },
    ],
  },
  {
    layer: 'naming',
    level: 'document',
    title: 'Naming',
    description: 'the variants of contested names the article uses and which side they lean to',
    labels: [{ field: 'profile.lean', values: LEANS }],
  },
  {
    layer: 'sources',
    level: 'document',
    title: 'Sources',
    description: 'who is quoted, how much and by which type, and the shares of attributed and own-voice text',
    labels: [{ field: 'sources.type', values: SPEAKER_TYPES }],
  },
];

/** The description of a layer, or undefined for a layer this version does not know. */
export function layerInfo(layer: string): LayerInfo | undefined {
  return LAYER_INFO.find((l) => l.layer === layer);
}

/** Layers left out of the default output because they are large (one entry per token). */
export const heavyLayers: readonly string[] = ['tokens', 'syntax'];
