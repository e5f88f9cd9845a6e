import { detectLanguage } from '../layers/language/detect.js';
import { conceptBag } from './concepts.js';
import {
  type SimilarityModel,
  type SimilarityScore,
  scoreSimilarity,
  similarityEvidence,
} from './similarity.js';
import { FrequencyTable } from './vectors.js';

/** A pair to score, in the layout of SemEval-2022 Task 8 data. */
export interface TextPair {
  pair_id: string;
  text1: string;
  text2: string;
  lang1?: string;
  lang2?: string;
}

/** A scored pair: `{pair_id, overall, geography, entities, time, narrative, why}` on the 1–4 scale. */
export type ScoredPair = { pair_id: string } & SimilarityScore;

const lang = (text: string, given?: string) =>
  given ?? detectLanguage(text, { sample: 1000, minConfidence: 0.05 }).code;

/**
 * Scores how alike the stories of each pair are on the 1–4 scale of SemEval-2022 Task 8
 * (1 = the same story), dimension by dimension, with the reason. Document frequencies come from
 * all the texts given, so a batch scores consistently; languages are detected when not given.
 */
export function scorePairs(pairs: readonly TextPair[], model: SimilarityModel): ScoredPair[] {
  const df = new FrequencyTable();
  const langs = pairs.map((p) => [lang(p.text1, p.lang1), lang(p.text2, p.lang2)] as [string, string]);
  pairs.forEach((p, k) => {
    df.addBag(conceptBag(p.text1, undefined, langs[k]![0]));
    df.addBag(conceptBag(p.text2, undefined, langs[k]![1]));
  });
  return pairs.map((p, k) => ({
    pair_id: p.pair_id,
    ...scoreSimilarity(similarityEvidence(p.text1, p.text2, df, langs[k]!), model),
  }));
}
