import { analyzeWords, type SyntaxModel } from '@newsprism/core';
import { featValue, type UdSentence } from './ud.js';

/** Russian features the syntax layer predicts (the FEATS columns it fills). */
export const MORPH_FEATURES = ['Case', 'Gender', 'Number'] as const;

/** Accuracies of a model on gold-tokenised sentences. */
export interface SyntaxScores {
  tokens: number;
  upos: number;
  lemma: number;
  /** Per predicted feature, and `all` for the three together (only with morphology heads). */
  feats: Record<string, number>;
}

/**
 * Tags gold word forms as `newsprism parse` does and counts agreement: UPOS, lemma (exact, case
 * included, as CoNLL 2018's LEMMA) and each morphological feature, an absent feature counting
 * as a value (a noun's Case must be right, a verb must get none).
 */
export function scoreSyntax(model: SyntaxModel, sentences: readonly UdSentence[]): SyntaxScores {
  let n = 0;
  let upos = 0;
  let lemma = 0;
  const morph = model.heads.length > 1;
  const feat = new Map<string, number>([...MORPH_FEATURES, 'all'].map((f) => [f, 0]));
  for (const s of sentences) {
    const a = analyzeWords(model, s.forms);
    for (let i = 0; i < s.forms.length; i++) {
      n++;
      if (a.upos[i] === s.upos[i]) upos++;
      if (a.lemma[i] === s.lemmas[i]) lemma++;
      if (!morph) continue;
      let all = true;
      for (const f of MORPH_FEATURES) {
        const ok = featValue(a.feats![i]!, f) === featValue(s.feats[i]!, f);
        if (ok) feat.set(f, feat.get(f)! + 1);
        all &&= ok;
      }
      if (all) feat.set('all', feat.get('all')! + 1);
    }
  }
  const feats: Record<string, number> = {};
  if (morph) for (const [f, c] of feat) feats[f] = c / Math.max(1, n);
  return { tokens: n, upos: upos / Math.max(1, n), lemma: lemma / Math.max(1, n), feats };
}
