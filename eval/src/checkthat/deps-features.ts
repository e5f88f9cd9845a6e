import { depsParserFor, syntaxModelFor } from '@newsprism/core';
import {
  hashString,
  mainClauseNames,
  parseClause,
  type SparseVector,
  subjectWord,
  tenseOf,
} from '@newsprism/core/train';

const cache = new Map<string, { main: string[]; more: string[] }>();

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
export function depsNames(text: string, lang: string, max = 80): { main: string[]; more: string[] } {
  const key = max === 80 ? text : `${max}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tagger = syntaxModelFor(lang);
  const parser = depsParserFor(lang);
  let names: string[] = [];
  const more: string[] = [];
  const p = tagger && parser ? parseClause(text, tagger, parser, max) : undefined;
  if (p) {
    names = mainClauseNames(p);
    const root = p.head.indexOf(-1);
    if (root >= 0) {
      const { forms, upos, head, deprel } = p;
      const lem = (i: number) => (p.lemma[i] ?? forms[i]!).toLowerCase();
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
            `d2:sv=${subjectWord(p, i)}_${lem(h)}`,
            `d2:st=${subjectWord(p, i)}_${tenseOf(forms[h]!.toLowerCase(), lem(h), upos[h]!)}`,
          );
        }
        if (head[i] === root) {
          if (rel === 'aux') auxes.push(forms[i]!.toLowerCase());
          if (rel === 'obj') obj = true;
          if (rel.startsWith('nsubj') && subj === undefined) subj = subjectWord(p, i);
        }
      }
      const sj = subj ?? 'none';
      for (const x of auxes) more.push(`d2:sa=${sj}_${x}`);
      if (obj) more.push(`d2:so=${sj}`);
      more.push(`d2:clauses=${Math.min(clauses, 3)}`);
      if (upos[root] !== 'VERB' && upos[root] !== 'AUX') more.push(`d2:fragment=${upos[root]}`);
      if (subj === undefined) more.push('d2:nosubj');
    }
  }
  const out = { main: names, more };
  cache.set(key, out);
  return out;
}

/**
 * The `main` names of {@link depsNames} at `weight` and its `more` at `more`, together scaled to
 * their length; the first `max` tokens parsed.
 */
export function depsFeatures(
  text: string,
  lang: string,
  bits: number,
  weight: number,
  more = 0,
  max = 80,
): SparseVector {
  const mask = (1 << bits) - 1;
  const d = depsNames(text, lang, max);
  const names = [...(weight ? d.main : []), ...(more ? d.more : [])];
  const scale = names.map((_, i) => (i < (weight ? d.main.length : 0) ? weight : more));
  const k = 1 / Math.sqrt(names.length || 1);
  return { idx: names.map((n) => hashString(n) & mask), val: scale.map((w) => w * k) };
}
