import type { ConceptBag } from './concepts.js';
import { fnv1a } from './words.js';

/**
 * Documents assumed besides the corpus, none holding the feature: a small corpus (a handful of
 * files) then still weighs the words of the story it shares above nothing, and IDF only starts
 * to discount a feature once many documents of a large corpus share it.
 */
export const BACKGROUND = 100;

/** A unit-length TF-IDF vector over concept features. */
export type ConceptVector = Map<string, number>;

/** Document frequencies of concept features over a corpus, for IDF weighting. */
export interface DocFrequencies {
  /** Documents counted. */
  readonly size: number;
  /** In how many documents a feature occurs. */
  df(feature: string): number;
}

/**
 * TF-IDF weights of a bag (sublinear term frequency; a feature unseen in the corpus counts as
 * seen once), normalised to unit length. With `crossLanguage`, `r:` features (Russian stems
 * with no English translation) are left out, so the vector only holds what the other
 * language can match.
 */
export function conceptVector(bag: ConceptBag, df: DocFrequencies, crossLanguage = false): ConceptVector {
  const v: ConceptVector = new Map();
  let norm = 0;
  const n = Math.max(df.size, 2);
  for (const [k, c] of bag) {
    if (crossLanguage && k.startsWith('r:')) continue;
    const idf = Math.log((n + BACKGROUND + 1) / (Math.min(df.df(k), n) + 0.5));
    const w = (1 + Math.log(Math.max(c, 0.5))) * idf;
    if (w <= 0) continue;
    v.set(k, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, w] of v) v.set(k, w / norm);
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: ConceptVector, b: ConceptVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const x = large.get(k);
    if (x !== undefined) s += w * x;
  }
  return s;
}

/** The features two vectors share, by their contribution to the cosine, largest first. */
export function sharedFeatures(a: ConceptVector, b: ConceptVector, top = 8): string[] {
  const shared: [string, number][] = [];
  for (const [k, w] of a) {
    const x = b.get(k);
    if (x !== undefined) shared.push([k, w * x]);
  }
  return shared
    .sort((p, q) => q[1] - p[1])
    .slice(0, top)
    .map(([k]) => k);
}

/**
 * Document frequencies counted from bags as they are added, keyed by a 32-bit hash of the
 * feature (a corpus of 100,000 articles has millions of distinct features).
 */
export class FrequencyTable implements DocFrequencies {
  private readonly counts = new Map<number, number>();
  private n = 0;

  /** Counts each feature (by its hash) once. */
  add(hashes: Iterable<number>): void {
    this.n++;
    for (const h of hashes) this.counts.set(h, (this.counts.get(h) ?? 0) + 1);
  }

  /** Counts each feature of a bag once. */
  addBag(bag: ConceptBag): void {
    this.add([...bag.keys()].map((k) => fnv1a(k)));
  }

  get size(): number {
    return this.n;
  }

  /** Documents holding the feature with this hash. */
  dfHash(hash: number): number {
    return this.counts.get(hash) ?? 0;
  }

  df(feature: string): number {
    return Math.max(1, this.dfHash(fnv1a(feature)));
  }
}
