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
  /** Tokens and UPOS accuracy per group of {@link tokenGroups} (the groups that occur). */
  groups: Record<string, { tokens: number; upos: number }>;
}

/**
 * The groups a gold token is counted in besides the whole set, to show where the errors are:
 * the sentence's genre — its document id up to the first `-` or `_` (`instagram`, `poetry` in
 * Taiga dev), only for files whose documents carry one — and `hashtag-or-mention` for tokens starting with `#` or `@`
 * (two or more characters: a lone `#` is punctuation), `other` for the remaining tokens.
 */
export function tokenGroups(doc: string, form: string): string[] {
  const id = doc.slice(doc.indexOf(':') + 1);
  const genre = /^([a-z]+)(?:[-_]|$)/i.exec(id)?.[1];
  const kind = form.length > 1 && (form[0] === '#' || form[0] === '@') ? 'hashtag-or-mention' : 'other';
  return genre ? [genre, kind] : [kind];
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
  const groups: SyntaxScores['groups'] = {};
  for (const s of sentences) {
    const a = analyzeWords(model, s.forms);
    for (let i = 0; i < s.forms.length; i++) {
      n++;
      const right = a.upos[i] === s.upos[i];
      if (right) upos++;
      for (const g of tokenGroups(s.doc, s.forms[i]!)) {
        groups[g] ??= { tokens: 0, upos: 0 };
        const x = groups[g];
        x.tokens++;
        if (right) x.upos++;
      }
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
  for (const g of Object.values(groups)) g.upos /= g.tokens;
  return { tokens: n, upos: upos / Math.max(1, n), lemma: lemma / Math.max(1, n), feats, groups };
}
