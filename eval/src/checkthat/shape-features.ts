import { hashString, type SparseVector } from '@newsprism/core/train';

// Words as written (letter runs with an inner apostrophe, digit runs with inner separators).
const TOKEN = /\p{L}+(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*/gu;

/**
 * Delexicalised n-grams of one sentence (an experiment of `train claims|subjectivity --set
 * shape=W`, not used by the layers): the words with every capitalised word after the first
 * (a run of them as one) replaced by `<N>` and every number by `<0>`, as unigrams `n1:` and
 * bigrams and trigrams `n2:`, `n3:` with sentence edges, scaled together to length `weight`.
 * `Clinton voted against it` and `Biden voted against it` then share `<N> voted against`:
 * names of one period's speakers carry no weight of their own.
 */
export function shapeFeatures(text: string, bits: number, weight: number): SparseVector {
  const forms = text.match(TOKEN) ?? [];
  const toks: string[] = ['<s>'];
  forms.forEach((f, i) => {
    const c = f.charCodeAt(0);
    let t: string;
    if (c >= 48 && c <= 57) t = '<0>';
    else if (i > 0 && f[0] !== f[0]!.toLowerCase() && f !== 'I' && !f.startsWith("I'")) t = '<N>';
    else t = f.toLowerCase();
    if (t === '<N>' && toks[toks.length - 1] === '<N>') return;
    toks.push(t);
  });
  toks.push('</s>');
  const names: string[] = [];
  for (let i = 0; i + 1 < toks.length; i++) names.push(`n2:${toks[i]}_${toks[i + 1]}`);
  for (let i = 0; i + 2 < toks.length; i++) names.push(`n3:${toks[i]}_${toks[i + 1]}_${toks[i + 2]}`);
  const mask = (1 << bits) - 1;
  const k = names.length ? weight / Math.sqrt(names.length) : 0;
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}
