import type { Span } from '../../schema.js';

/** Who a speaker is, as far as the article says. */
export type SpeakerType =
  | 'person'
  | 'anonymous'
  | 'organization'
  | 'government'
  | 'media'
  | 'document'
  | 'unknown';

/** The speaker of an attribution, resolved across sentences where the article allows. */
export interface Speaker {
  /** The name as written (`Pierre Henrot`), or the description for unnamed sources (`senior US official`). */
  name: string;
  /** Id of the linked entity in the `entities` layer, when that layer is present and a mention overlaps. */
  entity?: string;
  type: SpeakerType;
  /** The description the article gives (`Belgian military expert`, `National Security Council spokesman`). */
  role?: string;
  /** The span this speaker was first named at (resolution target of later pronouns and descriptions). */
  mention?: Span;
}

/** Kinds of analyst signals tied to an attribution. */
export type SignalType = 'evaluative' | 'hedge' | 'distancing';

/** A signal: an evaluative reporting verb, a hedge (`reportedly`) or a distancing phrase. */
export interface QuoteSignal extends Span {
  type: SignalType;
  /** The normalised cue (`admit`, `reportedly`, `anonymity`). */
  label: string;
}

/**
 * `direct`: the content is a quotation; `indirect`: reported speech; `mixed`: reported speech with
 * quoted fragments; `scare`: a short quoted word or phrase with no speaker (“sham”), kept apart
 * from attributions (it has no cue, source or speaker).
 */
export type QuoteKind = 'direct' | 'indirect' | 'mixed' | 'scare';

/**
 * One attribution: `start`/`end` is the content span, `cue` the reporting verb or phrase,
 * `source` the speaker as written here (a pronoun, a surname, a description), `speaker` the
 * resolved speaker, `via` the outlet or document that relays them.
 */
export interface Quote extends Span {
  kind: QuoteKind;
  /**
   * The pieces of a discontinuous content (`“…,” Reed said. “…”`): quoted parts joined to one
   * attribution; `start`/`end` then run from the first piece to the last.
   */
  parts?: Span[];
  cue?: Span;
  source?: Span;
  speaker?: Speaker;
  via?: Speaker & { source?: Span };
  signals: QuoteSignal[];
  /** Lemma of the cue (`say`, `according to`, `заявить`). */
  cueLemma?: string;
  /** The rule that produced it, so every finding can say why. */
  rule: string;
}

/** Per-source summary entry of the `sources` layer. */
export interface SourceSummary {
  name: string;
  type: SpeakerType;
  role?: string;
  entity?: string;
  /** Number of attributions to this source. */
  attributions: number;
  /** Words in the content attributed to this source. */
  words: number;
  /** Outlets or documents this source was relayed through. */
  via: string[];
}

/** The `sources` layer: who speaks in the article and how much of it is theirs. */
export interface SourcesLayer {
  sources: SourceSummary[];
  /** Share of body words inside attributed content (0..1). */
  attributedShare: number;
  /** Share of body words in the outlet's own voice (1 − attributedShare). */
  ownVoiceShare: number;
  /** Share of attributed words whose source is anonymous (0..1). */
  anonymousShare: number;
  /** Number of scare quotes. */
  scareQuotes: number;
}

declare module '../../schema.js' {
  interface LayerMap {
    quotes: Quote[];
    sources: SourcesLayer;
  }
}
