import { loadGazetteer } from '../layers/entities/gazetteer.js';
import { type ConceptBag, conceptBag } from './concepts.js';
import { type ConceptVector, conceptVector, cosine, type DocFrequencies, sharedFeatures } from './vectors.js';

/** The story-similarity dimensions, as in SemEval-2022 Task 8. */
export const SIMILARITY_DIMENSIONS = ['overall', 'geography', 'entities', 'time', 'narrative'] as const;
/** One dimension. */
export type SimilarityDimension = (typeof SIMILARITY_DIMENSIONS)[number];

/** The measurements a similarity score is computed from, each 0..1 (`cross`: 1 for two languages). */
export const SIMILARITY_FEATURES = [
  'all',
  'words',
  'entities',
  'places',
  'time',
  'numbers',
  'lead',
  'cross',
] as const;
/** One measurement. */
export type SimilarityFeature = (typeof SIMILARITY_FEATURES)[number];

/** Per dimension: intercept and one weight per feature, predicting the 1–4 scale (1 = same story). */
export type SimilarityModel = Record<SimilarityDimension, { intercept: number; weights: number[] }>;

/** What two texts share, feature by feature, with the shared items that explain each. */
export interface SimilarityEvidence {
  features: Record<SimilarityFeature, number>;
  shared: { places: string[]; entities: string[]; time: string[]; words: string[] };
}

/** A scored pair: each dimension on the 1–4 scale and why. */
export interface SimilarityScore {
  overall: number;
  geography: number;
  entities: number;
  time: number;
  narrative: number;
  why: string;
}

let placeIds: Set<string> | undefined;
const isPlace = (feature: string) => {
  placeIds ??= new Set(
    [...loadGazetteer().entries.values()].filter((e) => e.type === 'LOC').map((e) => e.id),
  );
  return placeIds.has(feature.slice(2));
};

const YEAR = /^#(19|20)\d\d$/;
const subset = (bag: ConceptBag, keep: (k: string) => boolean): ConceptBag =>
  new Map([...bag].filter(([k]) => keep(k)));

const KEEPS: Record<Exclude<SimilarityFeature, 'all' | 'lead' | 'cross'>, (k: string) => boolean> = {
  words: (k) => k.startsWith('w:') || k.startsWith('r:'),
  entities: (k) => k.startsWith('e:') || k.startsWith('n:'),
  places: (k) => k.startsWith('e:') && isPlace(k),
  time: (k) => k.startsWith('m:') || YEAR.test(k),
  numbers: (k) => k.startsWith('#') && !YEAR.test(k),
};

const readable = (features: string[]) => features.map((f) => f.replace(/^[a-z]:|^#/, ''));

/**
 * Measures how much two texts share: concept cosines over all features, content words,
 * entities and names, places, dates (years, months), other numbers, and the opening (the first
 * 60 words: the title and lead say what the story is). Texts in two languages are compared
 * through what both can express (see {@link conceptVector}).
 */
export function similarityEvidence(
  text1: string,
  text2: string,
  df: DocFrequencies,
  langs: [string | undefined, string | undefined],
): SimilarityEvidence {
  const crossLanguage = langs[0] !== langs[1];
  const b1 = conceptBag(text1, undefined, langs[0]);
  const b2 = conceptBag(text2, undefined, langs[1]);
  const vec = (b: ConceptBag) => conceptVector(b, df, crossLanguage);
  const pairOf = (keep?: (k: string) => boolean): [ConceptVector, ConceptVector] =>
    keep ? [vec(subset(b1, keep)), vec(subset(b2, keep))] : [vec(b1), vec(b2)];
  const lead = (t: string) => t.split(/\s+/).slice(0, 60).join(' ');
  const vecs = Object.fromEntries(Object.entries(KEEPS).map(([k, keep]) => [k, pairOf(keep)])) as Record<
    keyof typeof KEEPS,
    [ConceptVector, ConceptVector]
  >;
  const all = pairOf();
  const features = {
    all: cosine(...all),
    words: cosine(...vecs.words),
    entities: cosine(...vecs.entities),
    places: cosine(...vecs.places),
    time: cosine(...vecs.time),
    numbers: cosine(...vecs.numbers),
    lead: cosine(
      vec(conceptBag(lead(text1), undefined, langs[0])),
      vec(conceptBag(lead(text2), undefined, langs[1])),
    ),
    cross: crossLanguage ? 1 : 0,
  };
  return {
    features,
    shared: {
      places: readable(sharedFeatures(...vecs.places, 5)),
      entities: readable(sharedFeatures(...vecs.entities, 5)),
      time: readable(sharedFeatures(...vecs.time, 5)),
      words: readable(sharedFeatures(...vecs.words, 6)),
    },
  };
}

const clamp = (x: number) => Math.min(4, Math.max(1, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Scores evidence with a fitted model: each dimension clamped to 1–4, with the shared items as the reason. */
export function scoreSimilarity(e: SimilarityEvidence, model: SimilarityModel): SimilarityScore {
  const x = SIMILARITY_FEATURES.map((f) => e.features[f]);
  const dim = (d: SimilarityDimension) =>
    r2(clamp(model[d].weights.reduce((s, w, k) => s + w * x[k]!, model[d].intercept)));
  const list = (label: string, xs: string[]) => `${label}: ${xs.length ? xs.join(', ') : 'none shared'}`;
  const f = e.features;
  return {
    overall: dim('overall'),
    geography: dim('geography'),
    entities: dim('entities'),
    time: dim('time'),
    narrative: dim('narrative'),
    why: [
      `${list('places', e.shared.places)} (${f.places.toFixed(2)})`,
      `${list('entities', e.shared.entities)} (${f.entities.toFixed(2)})`,
      `${list('dates', e.shared.time)} (${f.time.toFixed(2)})`,
      `${list('words', e.shared.words)} (${f.words.toFixed(2)})`,
      `opening ${f.lead.toFixed(2)}, all ${f.all.toFixed(2)}`,
    ].join('; '),
  };
}
