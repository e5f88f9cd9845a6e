import { analyzeWords, depsParserFor, syntaxModelFor } from '@newsprism/core';
import { hashString, type SparseVector } from '@newsprism/core/train';
import { TOKEN } from './upos-features.js';

// Persons as the debates' periods do not tell them apart (claims@4's `neutral`), names as one.
const PERSON: Record<string, string> = { she: 'he', her: 'he', him: 'he', us: 'we', me: 'i', them: 'they' };
const cache = new Map<string, { main: string[]; more: string[] }>();

const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'would', 'could']);
// Past or present from the form (the shipped tagger gives no morphology): a verb's `-ed` form
// that is not its lemma, a past auxiliary; `-ing`, `-en` participles apart.
function tenseOf(form: string, lemma: string, upos: string): string {
  if (upos === 'AUX') return PAST_AUX.has(form) ? 'past' : 'present';
  if (upos !== 'VERB') return 'none';
  if (form.endsWith('ing')) return 'ing';
  if (form !== lemma && form.endsWith('ed')) return 'past';
  return form === lemma || form.endsWith('s') ? 'present' : 'other';
}

/**
 * What the sentence's main clause says of whom (experiment `train claims --set deps=W`), read
 * from the shipped tagger and dependency parser: the root's part of speech, lemma and tense
 * (`d:root=VERB:cut`, `d:tense=Past`), its subject as a person or `NAME` or a noun lemma
 * (`d:subj=he`) and with the root (`d:sr=he_cut`), a copula with an adjective (`d:cop_adj`:
 * an opinion), its auxiliaries and negation (`d:aux=will`, `d:neg`), an object and numbers
 * attached to words (`d:obj`, `d:num_of=job`), and the verb a clausal complement hangs from
 * (`d:under=think`: `I think that …`) — `main`. `more` (experiment `deps2=W`): every clause's
 * subject with its verb and that verb's tense (`d2:sv=he_vote`, `d2:st=he_past`), the main
 * subject with its auxiliaries and object (`d2:sa=we_will`, `d2:so=he`), the number of clauses
 * (`d2:clauses=2`), a main clause without a verb (`d2:fragment`) or without a subject
 * (`d2:nosubj`).
 */
export function depsNames(text: string, lang: string): { main: string[]; more: string[] } {
  const hit = cache.get(text);
  if (hit) return hit;
  const tagger = syntaxModelFor(lang);
  const parser = depsParserFor(lang);
  const names: string[] = [];
  const more: string[] = [];
  if (tagger && parser) {
    const forms = (text.match(TOKEN) ?? []).slice(0, 80);
    if (forms.length) {
      const a = analyzeWords(tagger, forms);
      const { head, deprel } = parser.parseWords(forms, a.upos, a.feats);
      const lem = (i: number) => (a.lemma[i] ?? forms[i]!).toLowerCase();
      const word = (i: number) => {
        const t = a.upos[i];
        if (t === 'PROPN') return 'NAME';
        if (t === 'PRON') return PERSON[forms[i]!.toLowerCase()] ?? forms[i]!.toLowerCase();
        return lem(i);
      };
      const root = head.indexOf(-1);
      if (root >= 0) {
        const rl = a.upos[root] === 'PROPN' ? 'NAME' : lem(root);
        names.push(`d:rootpos=${a.upos[root]}`, `d:root=${a.upos[root]}:${rl}`);
        names.push(`d:tense=${tenseOf(forms[root]!.toLowerCase(), lem(root), a.upos[root]!)}`);
        let subj: string | undefined;
        let clauses = 0;
        const auxes: string[] = [];
        let obj = false;
        for (let i = 0; i < head.length; i++) {
          const rel = deprel[i]!;
          if (/^(ccomp|advcl|acl|xcomp|parataxis)/.test(rel)) clauses++;
          if (rel.startsWith('nsubj') && head[i]! >= 0) {
            const h = head[i]!;
            more.push(
              `d2:sv=${word(i)}_${lem(h)}`,
              `d2:st=${word(i)}_${tenseOf(forms[h]!.toLowerCase(), lem(h), a.upos[h]!)}`,
            );
          }
          if (head[i] === root) {
            if (rel === 'aux') auxes.push(forms[i]!.toLowerCase());
            if (rel === 'obj') obj = true;
            if (rel.startsWith('nsubj') && subj === undefined) subj = word(i);
            else if (rel === 'cop' && a.upos[root] === 'ADJ') names.push('d:cop_adj');
            else if (rel === 'aux' || rel === 'aux:pass') {
              names.push(`d:aux=${forms[i]!.toLowerCase()}`);
              names.push(`d:auxtense=${tenseOf(forms[i]!.toLowerCase(), lem(i), 'AUX')}`);
            } else if (rel === 'advmod' && /^(not|n't|never)$/i.test(forms[i]!)) names.push('d:neg');
            else if (rel === 'obj' || rel === 'iobj') names.push('d:obj', `d:obj=${word(i)}`);
            else if (rel === 'ccomp' || rel === 'xcomp') names.push(`d:${rel}`);
            else if (rel === 'mark') names.push(`d:mark=${lem(i)}`);
          }
          if (rel === 'nummod') names.push('d:nummod', `d:num_of=${lem(head[i]!)}`);
          if (rel === 'ccomp' && head[i]! >= 0) names.push(`d:under=${lem(head[i]!)}`);
          if (rel.startsWith('nsubj') && head[i] !== root) names.push(`d:subj2=${word(i)}`);
        }
        names.push(`d:subj=${subj ?? 'none'}`, `d:sr=${subj ?? 'none'}_${rl}`);
        const sj = subj ?? 'none';
        for (const x of auxes) more.push(`d2:sa=${sj}_${x}`);
        if (obj) more.push(`d2:so=${sj}`);
        more.push(`d2:clauses=${Math.min(clauses, 3)}`);
        if (a.upos[root] !== 'VERB' && a.upos[root] !== 'AUX') more.push(`d2:fragment=${a.upos[root]}`);
        if (subj === undefined) more.push('d2:nosubj');
      }
    }
  }
  const out = { main: names, more };
  cache.set(text, out);
  return out;
}

/** The `main` names of {@link depsNames} at `weight` and its `more` at `more`, together scaled to their length. */
export function depsFeatures(
  text: string,
  lang: string,
  bits: number,
  weight: number,
  more = 0,
): SparseVector {
  const d = depsNames(text, lang);
  const names = [...(weight ? d.main : []), ...(more ? d.more : [])];
  const scale = names.map((_, i) => (i < (weight ? d.main.length : 0) ? weight : more));
  const mask = (1 << bits) - 1;
  const k = 1 / Math.sqrt(names.length || 1);
  return { idx: names.map((n) => hashString(n) & mask), val: scale.map((w) => w * k) };
}
