import { subjectivityScore } from '@newsprism/core';
import { hashString, type SparseVector } from '@newsprism/core/train';

/**
 * The shipped subjectivity model's view of a sentence (experiment `--set subj=W`): its logit
 * (`sj:logit`, a continuous feature, at `weight`) and a bin of its probability (`sj:p=k`, tenths,
 * at `weight`) — a model of other data (news sentences) whose opinion a claim is not.
 */
export function subjFeatures(text: string, bits: number, weight: number): SparseVector {
  const p = Math.min(0.999, Math.max(0.001, subjectivityScore(text, 'en').raw));
  const mask = (1 << bits) - 1;
  return {
    idx: [hashString('sj:logit') & mask, hashString(`sj:p=${Math.floor(p * 10)}`) & mask],
    val: [weight * Math.log(p / (1 - p)), weight],
  };
}
