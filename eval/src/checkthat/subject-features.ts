import { analyzeWords, syntaxModelFor } from '@newsprism/core';
import { hashString, type SparseVector } from '@newsprism/core/train';

// As `upos-features.ts`: words cased as written and single punctuation marks.
const TOKEN = /\p{L}+(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;
const PERSON: Record<string, string> = { she: 'he', her: 'he', him: 'he', us: 'we', me: 'i', them: 'they' };

/**
 * Who is said to do what (an experiment of `train claims --set subject=W`, not used by the
 * layers): the first pronoun or name of the sentence (names as `NAME`, feminine pronouns as
 * masculine) with the lemma of the first verb after it, `sp:he_want`, and each alone
 * (`sp:he_*`, `sp:*_want`), at `weight`. `She wants amnesty` and `Iran is taking over Iraq`
 * then share what such sentences about a third party share, whatever the names.
 */
export function subjectFeatures(text: string, lang: string, bits: number, weight: number): SparseVector {
  const model = syntaxModelFor(lang);
  if (!model) return { idx: [], val: [] };
  const forms = text.match(TOKEN) ?? [];
  const { upos, lemma } = analyzeWords(model, forms);
  let subject: string | undefined;
  let verb: string | undefined;
  for (let i = 0; i < forms.length; i++) {
    const t = upos[i];
    if (subject === undefined && (t === 'PRON' || t === 'PROPN')) {
      const w = forms[i]!.toLowerCase();
      subject = t === 'PROPN' ? 'NAME' : (PERSON[w] ?? w);
    } else if (subject !== undefined && t === 'VERB') {
      verb = (lemma[i] ?? forms[i]!).toLowerCase();
      break;
    }
  }
  if (subject === undefined) return { idx: [], val: [] };
  const names = [`sp:${subject}_*`];
  if (verb !== undefined) names.push(`sp:*_${verb}`, `sp:${subject}_${verb}`);
  const mask = (1 << bits) - 1;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => weight) };
}
