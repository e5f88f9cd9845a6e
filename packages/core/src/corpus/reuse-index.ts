import { sharedWords } from './align.js';
import {
  type ConceptBag,
  conceptHashes,
  FEATURE_ANCHOR,
  FEATURE_LOCAL,
  type HashedConcepts,
  hashBagOf,
} from './concepts.js';
import { BACKGROUND, FrequencyTable } from './vectors.js';
import { shinglesOf, wordHashes } from './words.js';

/** How the index proposes candidate pairs. */
export interface IndexOptions {
  /** Words per shingle (default 5). */
  shingle: number;
  /** Keep a shingle as a fingerprint when its hash is 0 modulo this (default 4: a quarter). */
  sample: number;
  /** Shared fingerprints that make a candidate (default 2). */
  minShared: number;
  /** Concept features of each document used to look up others (default 32). */
  queryFeatures: number;
  /** Shared query features that make a candidate (default 2). */
  minConcepts: number;
  /** Postings longer than this are boilerplate or common words and propose nothing (default 64). */
  maxPostings: number;
}

const DEFAULTS: IndexOptions = {
  shingle: 5,
  sample: 4,
  minShared: 2,
  queryFeatures: 32,
  minConcepts: 2,
  maxPostings: 64,
};

interface Entry {
  /** Hash of each word ({@link wordHashes}): shared words are counted without the text. */
  words: Uint32Array;
  sampled: Uint32Array;
  features: Uint32Array;
  counts: Float32Array;
  /** Hashes of `r:` features (Russian stems with no translation): never cross-language keys. */
  local: Uint8Array;
  /** Entities, numbers, names and months (`e:`, `#`, `n:`, `m:`). */
  anchor: Uint8Array;
  /** TF-IDF weight of each feature and the vector's norms (all features; cross-language ones). */
  weights: Float32Array;
  norm: number;
  normCross: number;
}

/** A candidate pair of documents by their positions in the index, and why it was proposed. */
export interface Candidate {
  i: number;
  j: number;
  /** Shared text fingerprints (copies, partials) and shared rare concepts (rewrites, translations). */
  shared: number;
  concepts: number;
}

/**
 * The candidate index of reuse detection: never compares all pairs. Two channels:
 * - text fingerprints: hashes of word 5-grams, sampled by hash value (the same shingle is
 *   sampled in every document), in an inverted index; documents sharing two or more are
 *   candidates for copy and partial reuse;
 * - concepts: each document's rarest language-independent features (entities, numbers, names,
 *   translated stems; see {@link conceptBag}) in a second inverted index; documents sharing
 *   three or more of their top features are candidates for rewrites and translations.
 * Postings longer than `maxPostings` (boilerplate, common words) propose nothing.
 */
export class ReuseIndex {
  private readonly o: IndexOptions;
  private readonly entries: Entry[] = [];
  /** Document frequencies of concept features, by hash. */
  readonly frequencies = new FrequencyTable();

  constructor(options: Partial<IndexOptions> = {}) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** Number of documents added. */
  get size(): number {
    return this.entries.length;
  }

  /** Adds a document's text (and, optionally, its concept bag); returns its position. */
  add(text: string, bag?: ConceptBag): number {
    const words = wordHashes(text);
    const hashes = shinglesOf(words, this.o.shingle);
    const sampled = new Set<number>();
    for (const h of hashes) if (h % this.o.sample === 0) sampled.add(h);
    const c: HashedConcepts = bag ? hashBagOf(bag) : conceptHashes(text);
    this.frequencies.add(c.hashes);
    this.entries.push({
      words,
      sampled: Uint32Array.from(sampled),
      features: c.hashes,
      counts: c.counts,
      local: c.flags.map((f) => f & FEATURE_LOCAL),
      anchor: c.flags.map((f) => (f & FEATURE_ANCHOR ? 1 : 0)),
      weights: new Float32Array(c.hashes.length),
      norm: 0,
      normCross: 0,
    });
    return this.entries.length - 1;
  }

  /**
   * Words of document `i` inside the passages it shares with document `j` (see
   * {@link sharedWords}), from the stored word hashes: no text is read again.
   */
  sharedWords(i: number, j: number): number {
    return sharedWords(this.entries[i]!.words, this.entries[j]!.words);
  }

  /**
   * Every candidate pair (i < j), each once, with the evidence that proposed it. Counted one
   * document at a time over the postings, so memory holds the postings and one document's
   * partners, not every pair that shares a single shingle.
   */
  candidates(): Candidate[] {
    const text = new Map<number, number[]>();
    const concepts = new Map<number, number[]>();
    const queries = this.entries.map((e) => this.queryFeatures(e));
    this.entries.forEach((e, doc) => {
      for (const h of e.sampled) push(text, h, doc);
      for (const h of queries[doc]!) push(concepts, h, doc);
    });
    const out: Candidate[] = [];
    const partners = new Map<number, Candidate>();
    const bump = (
      i: number,
      lists: Map<number, number[]>,
      keys: Iterable<number>,
      field: 'shared' | 'concepts',
    ) => {
      for (const h of keys) {
        const docs = lists.get(h)!;
        if (docs.length < 2 || docs.length > this.o.maxPostings) continue;
        for (const j of docs) {
          if (j <= i) continue;
          let c = partners.get(j);
          if (!c) {
            c = { i, j, shared: 0, concepts: 0 };
            partners.set(j, c);
          }
          c[field]++;
        }
      }
    };
    this.entries.forEach((e, i) => {
      partners.clear();
      bump(i, text, e.sampled, 'shared');
      bump(i, concepts, queries[i]!, 'concepts');
      for (const c of partners.values())
        if (c.shared >= this.o.minShared || c.concepts >= this.o.minConcepts) out.push(c);
    });
    return out;
  }

  /**
   * Cosine of two indexed documents' TF-IDF concept vectors, from the stored features (no
   * re-reading of the texts): the cheap first check of a candidate. With `crossLanguage`,
   * features the other language cannot share are left out.
   */
  cosine(i: number, j: number, crossLanguage: boolean): number {
    if (this.weightsAt !== this.entries.length) this.computeWeights();
    const a = this.entries[i]!;
    const b = this.entries[j]!;
    // Features are sorted by hash: a merge join.
    let dot = 0;
    let x = 0;
    let y = 0;
    while (x < a.features.length && y < b.features.length) {
      const ha = a.features[x]!;
      const hb = b.features[y]!;
      if (ha < hb) x++;
      else if (ha > hb) y++;
      else {
        if (!crossLanguage || !a.local[x]) dot += a.weights[x]! * b.weights[y]!;
        x++;
        y++;
      }
    }
    const na = crossLanguage ? a.normCross : a.norm;
    const nb = crossLanguage ? b.normCross : b.norm;
    return na > 0 && nb > 0 ? dot / (na * nb) : 0;
  }

  private weightsAt = -1;

  /** TF-IDF weights and norms of every entry, once the corpus (and so IDF) is known. */
  private computeWeights(): void {
    const n = Math.max(this.frequencies.size, 2);
    for (const e of this.entries) {
      e.norm = 0;
      e.normCross = 0;
      for (let k = 0; k < e.features.length; k++) {
        const df = Math.max(1, this.frequencies.dfHash(e.features[k]!));
        const w = Math.max(
          0,
          (1 + Math.log(Math.max(e.counts[k]!, 0.5))) *
            Math.log((n + BACKGROUND + 1) / (Math.min(df, n) + 0.5)),
        );
        e.weights[k] = w;
        e.norm += w * w;
        if (!e.local[k]) e.normCross += w * w;
      }
      e.norm = Math.sqrt(e.norm);
      e.normCross = Math.sqrt(e.normCross);
    }
    this.weightsAt = this.entries.length;
  }

  /** A document's most telling features that another document could share (df ≥ 2). */
  private queryFeatures(e: Entry): number[] {
    const n = this.frequencies.size;
    const scored: [number, number][] = [];
    for (let k = 0; k < e.features.length; k++) {
      if (e.local[k]) continue;
      const df = this.frequencies.dfHash(e.features[k]!);
      if (df < 2 || df > this.o.maxPostings) continue;
      // Names, entities, numbers and months read the same in every language: they come first.
      const boost = e.anchor[k] ? 2 : 1;
      scored.push([
        e.features[k]!,
        boost * (1 + Math.log(e.counts[k]! + 0.5)) * Math.log((n + BACKGROUND) / df),
      ]);
    }
    return scored
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.o.queryFeatures)
      .map(([h]) => h);
  }
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
