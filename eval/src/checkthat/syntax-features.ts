import { analyzeWords, syntaxModelFor } from '@newsprism/core';
import { hashString, type SparseVector } from '@newsprism/core/train';

// Words (letter runs with an inner apostrophe, digit runs with inner separators) and single
// punctuation marks, cased as written: the tagger was trained on cased UD tokens.
const TOKEN = /\p{L}+(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;
// Part-of-speech classes whose share of the words is a feature.
const SHARED = ['ADJ', 'ADV', 'PRON', 'PROPN', 'NUM', 'NOUN', 'VERB', 'AUX'];
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'have', 'do', 'does']);
const share = (n: number, of: number) => {
  const x = of ? n / of : 0;
  return x === 0 ? '0' : x < 0.05 ? '<5' : x < 0.1 ? '<10' : x < 0.2 ? '<20' : x < 0.3 ? '<30' : '30+';
};

/**
 * Syntax features of one sentence (experiment `train subjectivity --set syn=W`): the share of
 * the words that the shipped syntax model tags as each of {@link SHARED} (`y:ADJ=<10`), the
 * verbs read as past or present (`y:past`, `y:present`: a form ending in `-ed` that is not its
 * lemma, or a past/present auxiliary), and the lemmas of adjectives and adverbs (`y:a:bad` for
 * `worst`). Opinion is said in the present with adjectives; reports of events in the past.
 */
export function syntaxFeatures(text: string, lang: string, bits: number, weight: number): SparseVector {
  const model = syntaxModelFor(lang);
  if (!model) return { idx: [], val: [] };
  const forms = text.match(TOKEN) ?? [];
  const { upos, lemma } = analyzeWords(model, forms);
  const counts = new Map<string, number>();
  let words = 0;
  let past = 0;
  let present = 0;
  const names: string[] = [];
  upos.forEach((tag, i) => {
    if (tag === 'PUNCT' || tag === 'SYM') return;
    words++;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const form = forms[i]!.toLowerCase();
    if (tag === 'AUX') {
      if (PAST_AUX.has(form)) past++;
      else if (PRESENT_AUX.has(form)) present++;
    } else if (tag === 'VERB') {
      const l = lemma[i]!.toLowerCase();
      if (form !== l && form.endsWith('ed')) past++;
      else if (form === l || (form.endsWith('s') && !form.endsWith('ss'))) present++;
    }
    if (tag === 'ADJ' || tag === 'ADV') names.push(`y:a:${lemma[i]!.toLowerCase()}`);
  });
  for (const t of SHARED) names.push(`y:${t}=${share(counts.get(t) ?? 0, words)}`);
  if (past) names.push('y:past');
  if (present) names.push('y:present');
  names.push(`y:tense=${past ? (present ? 'mixed' : 'past') : present ? 'present' : 'none'}`);
  const mask = (1 << bits) - 1;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => weight) };
}
