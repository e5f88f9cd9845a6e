import { hashString, type SparseVector, sentenceWords } from '@newsprism/core/train';

// Past and present auxiliaries and common irregular past forms, as `sentenceWords` gives them.
const PAST = new Set(
  [
    'was were had did',
    "wasn't weren't hadn't didn't wasn’t weren’t hadn’t didn’t",
    'went came took made gave got became began knew saw thought found left felt brought held wrote',
    'kept ran met paid sent spent stood lost won built led fell grew rose sold bought fought caught',
    'taught drew drove flew broke chose spoke struck threw wore hid froze shook woke swore sank forgot',
  ]
    .join(' ')
    .split(' '),
);
const PRESENT = new Set(
  [
    'is are am has have do does',
    "isn't aren't hasn't haven't don't doesn't it's that's there's",
    'isn’t aren’t hasn’t haven’t don’t doesn’t it’s that’s there’s',
  ]
    .join(' ')
    .split(' '),
);
const BUCKETS = ['1', '2-3', '4-7', '8-15'];
const bucketOf = (n: number) => (n <= 1 ? 0 : n <= 3 ? 1 : n <= 7 ? 2 : 3);

/**
 * Tense cues of one sentence (experiment `train subjectivity --set tense=W`), named and
 * bucketed as the cue classes of `layers/subjectivity/cue-features.ts`: past auxiliaries and
 * irregular past forms (`k:pastAux`), present auxiliaries (`k:presentAux`), words of five
 * letters or more ending in `-ed` (`k:pastEd`), each present with its count bucket, scaled by
 * `weight`. Reports of events are told in the past, opinion in the present. Unlike a class of
 * `cues.en.json`, an `-ed` word of another cue class counts here too.
 */
export function tenseFeatures(text: string, bits: number, weight: number): SparseVector {
  let past = 0;
  let present = 0;
  let ed = 0;
  for (const w of sentenceWords(text)) {
    if (PAST.has(w)) past++;
    else if (PRESENT.has(w)) present++;
    else if (w.length >= 5 && w.endsWith('ed')) ed++;
  }
  const names: string[] = [];
  for (const [name, n] of [
    ['pastAux', past],
    ['presentAux', present],
    ['pastEd', ed],
  ] as const)
    if (n) names.push(`k:${name}`, `k:${name}=${BUCKETS[bucketOf(n)]}`);
  const mask = (1 << bits) - 1;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => weight) };
}
