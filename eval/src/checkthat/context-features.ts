import { hashString, type SparseVector } from '@newsprism/core/train';

/** Words (letters with inner apostrophes) and digit runs, as the context and pair experiments read them. */
export const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+/gu;

/**
 * Features of the sentence before (experiment `--set context=W`): its lower-cased words `x1:`
 * and bigrams `x2:` (numbers folded to `0`), scaled together to length `weight`, and whether it
 * was a question (`x:question`, at `weight`) — a moderator's question is often answered with a
 * claim.
 */
export function contextFeatures(before: string, bits: number, weight: number): SparseVector {
  const words = [
    '<s>',
    ...(before.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/\d/g, '0')),
    '</s>',
  ];
  const names: string[] = [];
  for (let i = 1; i < words.length - 1; i++) names.push(`x1:${words[i]}`);
  for (let i = 0; i + 1 < words.length; i++) names.push(`x2:${words[i]}_${words[i + 1]}`);
  const mask = (1 << bits) - 1;
  const k = weight / Math.sqrt(names.length);
  const idx = names.map((n) => hashString(n) & mask);
  const val = names.map(() => k);
  if (before.trimEnd().endsWith('?')) {
    idx.push(hashString('x:question') & mask);
    val.push(weight);
  }
  return { idx, val };
}
