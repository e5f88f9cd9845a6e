import { hashString, type SparseVector } from '@newsprism/core/train';

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+/gu;

/**
 * Word pairs with a gap (an experiment of `train claims --set pairs=W`, not used by the
 * layers): every pair of lower-cased words (digits folded to `0`) two or three places apart,
 * as `k2:a_b` and `k3:a_b`, scaled together to length `weight`. `we cut taxes` and `we have cut
 * taxes` then share `k2:we_taxes` / `k3:we_taxes` where their bigrams differ.
 */
export function pairFeatures(text: string, bits: number, weight: number): SparseVector {
  const words = (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/\d/g, '0'));
  const names: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) names.push(`k2:${words[i]}_${words[i + 2]}`);
  for (let i = 0; i + 3 < words.length; i++) names.push(`k3:${words[i]}_${words[i + 3]}`);
  const mask = (1 << bits) - 1;
  const k = names.length ? weight / Math.sqrt(names.length) : 0;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}
