import type { DependencyParser } from '@newsprism/core';
import { baseRelation, type ParseSentence } from './fit-parser.js';

/** Attachment scores: unlabelled and labelled (base relation), over all words and without punctuation. */
export interface ParseScores {
  words: number;
  uas: number;
  las: number;
  /** Words whose gold UPOS is not PUNCT (CoNLL-X's convention for the "no punctuation" figures). */
  wordsNoPunct: number;
  uasNoPunct: number;
  lasNoPunct: number;
}

/**
 * Parses each sentence from its `tags` and scores heads and base relations against gold;
 * `goldUpos` per sentence (same order) marks the punctuation left out of the `NoPunct` figures.
 */
export function scoreParse(
  parser: DependencyParser,
  sentences: readonly ParseSentence[],
  goldUpos: readonly (readonly string[])[],
): ParseScores {
  let n = 0;
  let u = 0;
  let l = 0;
  let np = 0;
  let unp = 0;
  let lnp = 0;
  sentences.forEach((s, j) => {
    const got = parser.parseWords(s.forms, s.tags, s.feats);
    s.forms.forEach((_, i) => {
      const head = got.head[i] === s.heads[i];
      const lab = head && got.deprel[i] === baseRelation(s.deprels[i]!);
      n++;
      if (head) u++;
      if (lab) l++;
      if (goldUpos[j]![i] === 'PUNCT') return;
      np++;
      if (head) unp++;
      if (lab) lnp++;
    });
  });
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    words: n,
    uas: r(u, n),
    las: r(l, n),
    wordsNoPunct: np,
    uasNoPunct: r(unp, np),
    lasNoPunct: r(lnp, np),
  };
}
