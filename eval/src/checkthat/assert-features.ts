import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hashString, type SparseVector } from '@newsprism/core/train';

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*%?/gu;

// The claims lexicon's word classes (`lexicon.en.json`), word → class names.
let classes: Map<string, string[]> | undefined;
function classesOf(): Map<string, string[]> {
  if (classes) return classes;
  const lex = JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../packages/core/src/layers/claims/lexicon.en.json', import.meta.url)),
      'utf8',
    ),
  ) as { words: Record<string, string[]> };
  classes = new Map();
  for (const [c, words] of Object.entries(lex.words))
    for (const w of words) classes.set(w, [...(classes.get(w) ?? []), c]);
  return classes;
}

// Numbers as debates are transcribed: in words more often than in digits.
const NUMBER_WORDS = new Set(
  (
    'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred ' +
    'hundreds thousand thousands million millions billion billions trillion trillions half third ' +
    'quarter percent dozen dozens double doubled tripled'
  ).split(' '),
);
const HAVE = new Set(['have', 'has', 'had', "'ve", 've', 'having']);
const BETWEEN = new Set(['not', "n't", 'never', 'already', 'just', 'also', 'actually', 'now', 'been']);
// Irregular participles the `-ed` test misses.
const PARTICIPLES = new Set(
  (
    'done gone seen made cut lost won spent paid built given taken kept brought bought left ' +
    'met sent put set told sold grown risen fallen become come run led held fought broken ' +
    'written chosen shown known thrown driven beaten got gotten'
  ).split(' '),
);
const participle = (w: string) => (w.length > 3 && w.endsWith('ed')) || PARTICIPLES.has(w);
const WE = new Set(['we', "we'll", "we're", "we've"]);
const POLICY = new Set(['will', "'ll", 'must', 'should', 'need', 'needs', 'ought', 'going', 'can', 'have']);
const THIRD = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'him', 'them']);
const WH = new Set('what why how who where when which do does did would will is are can'.split(' '));
const SOCIAL = new Set([
  'thank',
  'thanks',
  'welcome',
  'congratulations',
  'evening',
  'morning',
  'pleased',
  'privilege',
  'honor',
]);
const lenBin = (n: number) => (n < 6 ? 's' : n < 12 ? 'm' : n < 25 ? 'l' : 'xl');

/**
 * What a sentence asserts (experiment `--set assert=W`): a number (in digits or in words),
 * perfect aspect (`have/has/had` + participle: achievement claims), a third person with a
 * past-tense verb (a claim about someone's acts), a first-person-plural policy statement
 * (`we will`, `we must`), a question, a greeting or thanks — each alone, by length bin, and in
 * pairs of these and of the lexicon's word classes (a linear model of counts cannot form
 * `hedge and number` itself), scaled together to length `weight`.
 */
export function assertFeatures(text: string, bits: number, weight: number): SparseVector {
  const words = (text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []).map((w) =>
    /\d/.test(w) ? '0' : w,
  );
  const cls = classesOf();
  const facts = new Set<string>();
  for (const w of words) for (const c of cls.get(w) ?? []) facts.add(c);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === '0' || NUMBER_WORDS.has(w)) facts.add('NUM');
    if (HAVE.has(w)) {
      let j = i + 1;
      while (j < words.length && j < i + 3 && BETWEEN.has(words[j]!)) j++;
      if (j < words.length && participle(words[j]!)) facts.add('PERFECT');
    }
    if (THIRD.has(w) && next && participle(next)) facts.add('THIRD_PAST');
    if (WE.has(w) && next && POLICY.has(next)) facts.add('WE_POLICY');
    if (SOCIAL.has(w)) facts.add('SOCIAL');
  }
  if (text.trimEnd().endsWith('?') || (words[0] && WH.has(words[0]) && text.includes('?')))
    facts.add('QUESTION');
  const list = [...facts].sort();
  const len = lenBin(words.length);
  const names: string[] = [];
  for (const f of list) {
    if (f === f.toUpperCase()) names.push(`a:${f}`);
    names.push(`a:${f}@${len}`);
  }
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) names.push(`a:${list[i]}&${list[j]}`);
  const mask = (1 << bits) - 1;
  const k = weight / Math.sqrt(names.length || 1);
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}
