import type { NewsDocument, Span } from '../schema.js';

/**
 * A document as reuse detection reads it: `id` and `text` at least; metadata (`outlet`,
 * `published`, `dateline`, `lang`) for direction, and the analysis layers (`paragraphs`,
 * `naming`, `quotes`, `techniques`) for the diff when they were computed.
 */
export type ReuseDocument = Pick<NewsDocument, 'id' | 'text'> & Partial<Omit<NewsDocument, 'id' | 'text'>>;

/** How one document reuses another. */
export type ReuseKind = 'copy' | 'partial' | 'rewrite' | 'translation';

/** Which way the reuse went: `a→b` means b reuses a. */
export type ReuseDirection = 'a→b' | 'b→a' | 'unknown';

/** A passage shared by both documents: its span in each. */
export interface PassagePair {
  a: Span;
  b: Span;
}

/** A paragraph one version has and the other lacks. */
export interface ParagraphChange extends Span {
  /** Its layout role when the paragraphs layer ran (`body`, `title`, `caption`, …). */
  role?: string;
}

/** One contested name used differently (`Kiev` → `Kyiv`). */
export interface NameChange {
  /** Gazetteer id (`kyiv`). */
  entity: string;
  from: string;
  to: string;
  /** Provenances of the two forms (`ru-derived` → `uk-derived`). */
  fromProvenance: string;
  toProvenance: string;
  source: Span;
  target: Span;
}

/** An attribution that appears, disappears or changes speaker between the versions. */
export interface AttributionChange {
  change: 'added' | 'dropped' | 're-attributed';
  /** Speaker in the source (dropped, re-attributed). */
  from?: string;
  /** Speaker in the copy (added, re-attributed). */
  to?: string;
  source?: Span;
  target?: Span;
}

/** A hedge (`reportedly`, `якобы`) present in one version of an aligned paragraph only. */
export interface HedgeChange {
  change: 'added' | 'removed';
  cue: string;
  /** Where it is: in the copy when added, in the source when removed. */
  span: Span;
}

/** A number changed between aligned paragraphs. */
export interface NumberChange {
  from: string;
  to: string;
  source: Span;
  target: Span;
}

/**
 * What changed from the source to the copy (from `a` to `b` when the direction is unknown):
 * `added` things are in the copy only, `dropped`/`removed` ones in the source only.
 */
export interface ReuseChanges {
  /** Id of the document the changes start from. */
  from: string;
  paragraphsAdded: ParagraphChange[];
  paragraphsDropped: ParagraphChange[];
  names: NameChange[];
  attributions: AttributionChange[];
  hedges: HedgeChange[];
  numbers: NumberChange[];
  techniquesAdded: string[];
  techniquesRemoved: string[];
}

/** One reuse pair, as `newsprism reuse` writes it (one JSON object a line). */
export interface ReusePair {
  a: string;
  b: string;
  kind: ReuseKind;
  /** 0..1: shared-text coverage for copies and partials, concept cosine for rewrites and translations. */
  score: number;
  direction: ReuseDirection;
  /** Why this kind and this direction, in words. */
  reason: string;
  passages: PassagePair[];
  changes: ReuseChanges;
  /** The republication tree (connected component of the reuse graph) this pair belongs to: its first root's id. */
  tree: string;
}
