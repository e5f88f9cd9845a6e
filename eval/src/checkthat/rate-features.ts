import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hashString, type SparseVector, type WordRates } from '@newsprism/core/train';

const WORD = /[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*/gu;
let shipped: WordRates | undefined;

// The in-span word rates the shipped English techniques model learned from SemEval-2023 spans.
function rates(): WordRates {
  shipped ??= JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../models/techniques/model.en.json', import.meta.url)), 'utf8'),
  ).meta.wordRates as WordRates;
  return shipped;
}

const bucket = (x: number) => (x < 1 ? '0' : x < 2 ? '1' : x < 4 ? '2' : x < 8 ? '4' : '8');

/**
 * Loaded-word features of one sentence (experiment `train subjectivity --set rates=W`): per
 * technique of the techniques model's word rates (`Loaded_Language`, `Name_Calling-Labeling`),
 * the highest rate among the sentence's words as a multiple of the technique's prior
 * (`r:<technique>:<bucket>`) and how many words reach 4× it (`r:<technique>:hot=<n>`), scaled
 * by `weight`. What 400 articles' spans know about loaded words, for sentences whose words the
 * 830 labelled ones never had.
 */
export function rateFeatures(text: string, bits: number, weight: number, table = rates()): SparseVector {
  const words = text.toLowerCase().match(WORD) ?? [];
  const names: string[] = [];
  table.labels.forEach((label, t) => {
    const prior = table.prior[t]!;
    let max = 0;
    let hot = 0;
    for (const w of words) {
      const r = table.words[w]?.[t];
      if (r === undefined) continue;
      max = Math.max(max, r / prior);
      if (r >= 4 * prior) hot++;
    }
    names.push(`r:${label}:${bucket(max)}`);
    if (hot) names.push(`r:${label}:hot=${hot > 2 ? '3+' : hot}`);
  });
  const mask = (1 << bits) - 1;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => weight) };
}
