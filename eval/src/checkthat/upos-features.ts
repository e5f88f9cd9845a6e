import { analyzeWords, syntaxModelFor } from '@newsprism/core';
import { hashString, type SparseVector } from '@newsprism/core/train';

// Words (letter runs with an inner apostrophe, digit runs with inner separators) and single
// punctuation marks, cased as written: the tagger was trained on cased UD tokens.
export const TOKEN = /\p{L}+(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;

/**
 * Part-of-speech features of one sentence (an experiment of `train claims|subjectivity --set
 * upos=1`, not used by the layers): the shipped syntax model's UPOS tags, as unigrams `u1:`,
 * bigrams `u2:` and trigrams `u3:` with sentence edges, scaled together to length `weight`.
 * Tags carry across topics where words do not (`NUM NOUN`, `ADJ ADP`, `PRON VERB`).
 */
export function uposFeatures(text: string, lang: string, bits: number, weight: number): SparseVector {
  const model = syntaxModelFor(lang);
  if (!model) return { idx: [], val: [] };
  const forms = text.match(TOKEN) ?? [];
  const tags = ['<s>', ...analyzeWords(model, forms).upos, '</s>'];
  const names: string[] = [];
  for (let i = 1; i < tags.length - 1; i++) names.push(`u1:${tags[i]}`);
  for (let i = 0; i + 1 < tags.length; i++) names.push(`u2:${tags[i]}_${tags[i + 1]}`);
  for (let i = 0; i + 2 < tags.length; i++) names.push(`u3:${tags[i]}_${tags[i + 1]}_${tags[i + 2]}`);
  const mask = (1 << bits) - 1;
  const k = names.length ? weight / Math.sqrt(names.length) : 0;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}
