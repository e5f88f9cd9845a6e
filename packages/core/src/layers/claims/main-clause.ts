import { hashString, type SparseVector } from '../../models/features.js';
import { clusterWords, type WordClusters } from '../../models/word-clusters.js';
import { analyzeWords, type SyntaxModel } from '../syntax/model.js';
import type { DependencyParser } from '../syntax/parser.js';

/**
 * The words and punctuation a clause is tagged and parsed as (letter runs with an inner
 * apostrophe, digit runs with inner separators, single marks), cased as written — the same
 * tokens in training (`train claims --set deps=W`) and in the `claims` layer with `deps: true`.
 */
export const CLAUSE_TOKEN = /\p{L}+(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;

// Persons as the debates' periods do not tell them apart (claims@4's `neutral`), names as one.
const PERSON: Record<string, string> = { she: 'he', her: 'he', him: 'he', us: 'we', me: 'i', them: 'they' };
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'would', 'could']);

/**
 * Past or present from the form (the shipped tagger gives no morphology): a verb's `-ed` form
 * that is not its lemma, a past auxiliary; `-ing`, `-en` participles apart.
 */
export function tenseOf(form: string, lemma: string, upos: string): string {
  if (upos === 'AUX') return PAST_AUX.has(form) ? 'past' : 'present';
  if (upos !== 'VERB') return 'none';
  if (form.endsWith('ing')) return 'ing';
  if (form !== lemma && form.endsWith('ed')) return 'past';
  return form === lemma || form.endsWith('s') ? 'present' : 'other';
}

/** One parsed clause: its forms, tags, lemmas, heads (−1 root) and relations. */
export interface ParsedClause {
  forms: readonly string[];
  upos: readonly string[];
  lemma: readonly string[];
  head: readonly number[];
  deprel: readonly string[];
}

/** A token as a subject or object word: a person (`he` for she/her/him), `NAME`, else its lemma. */
export function subjectWord(p: ParsedClause, i: number): string {
  const t = p.upos[i];
  if (t === 'PROPN') return 'NAME';
  if (t === 'PRON') return PERSON[p.forms[i]!.toLowerCase()] ?? p.forms[i]!.toLowerCase();
  return (p.lemma[i] ?? p.forms[i]!).toLowerCase();
}

/**
 * What a clause's main clause says of whom, from its parse: the root's part of speech, lemma
 * and tense (`d:root=VERB:cut`, `d:tense=past`), its subject as a person or `NAME` or a noun
 * lemma (`d:subj=he`) and with the root (`d:sr=he_cut`), a copula with an adjective
 * (`d:cop_adj`: an opinion), its auxiliaries and negation (`d:aux=will`, `d:neg`), an object
 * (`d:obj=job`), numbers and the noun they count (`d:num_of=job`), and the verb a clausal
 * complement hangs from (`d:under=think`: `I think that …`). None without a root.
 */
export function mainClauseNames(p: ParsedClause): string[] {
  const { forms, upos, head, deprel } = p;
  const lem = (i: number) => (p.lemma[i] ?? forms[i]!).toLowerCase();
  const names: string[] = [];
  const root = head.indexOf(-1);
  if (root < 0) return names;
  const rl = upos[root] === 'PROPN' ? 'NAME' : lem(root);
  names.push(`d:rootpos=${upos[root]}`, `d:root=${upos[root]}:${rl}`);
  names.push(`d:tense=${tenseOf(forms[root]!.toLowerCase(), lem(root), upos[root]!)}`);
  let subj: string | undefined;
  for (let i = 0; i < head.length; i++) {
    const rel = deprel[i]!;
    if (head[i] === root) {
      if (rel.startsWith('nsubj') && subj === undefined) subj = subjectWord(p, i);
      else if (rel === 'cop' && upos[root] === 'ADJ') names.push('d:cop_adj');
      else if (rel === 'aux' || rel === 'aux:pass') {
        names.push(`d:aux=${forms[i]!.toLowerCase()}`);
        names.push(`d:auxtense=${tenseOf(forms[i]!.toLowerCase(), lem(i), 'AUX')}`);
      } else if (rel === 'advmod' && /^(not|n't|never)$/i.test(forms[i]!)) names.push('d:neg');
      else if (rel === 'obj' || rel === 'iobj') names.push('d:obj', `d:obj=${subjectWord(p, i)}`);
      else if (rel === 'ccomp' || rel === 'xcomp') names.push(`d:${rel}`);
      else if (rel === 'mark') names.push(`d:mark=${lem(i)}`);
    }
    if (rel === 'nummod') names.push('d:nummod', `d:num_of=${lem(head[i]!)}`);
    if (rel === 'ccomp' && head[i]! >= 0) names.push(`d:under=${lem(head[i]!)}`);
    if (rel.startsWith('nsubj') && head[i] !== root) names.push(`d:subj2=${subjectWord(p, i)}`);
  }
  names.push(`d:subj=${subj ?? 'none'}`, `d:sr=${subj ?? 'none'}_${rl}`);
  return names;
}

/** Tags and parses the first `max` tokens ({@link CLAUSE_TOKEN}) of `text`; undefined for no token. */
export function parseClause(
  text: string,
  tagger: SyntaxModel,
  parser: DependencyParser,
  max = 80,
): ParsedClause | undefined {
  const forms = (text.match(CLAUSE_TOKEN) ?? []).slice(0, max);
  if (!forms.length) return undefined;
  const a = analyzeWords(tagger, forms);
  const { head, deprel } = parser.parseWords(forms, a.upos, a.feats);
  return { forms, upos: a.upos, lemma: a.lemma, head, deprel };
}

/** Hashed names scaled together to length `weight` (each `weight / √n`). */
export function scaledNames(names: readonly string[], bits: number, weight: number): SparseVector {
  const mask = (1 << bits) - 1;
  const k = weight / Math.sqrt(names.length || 1);
  return { idx: names.map((n) => hashString(n) & mask), val: names.map(() => k) };
}

/**
 * Word-cluster features of one sentence (`train claims --set wc=W`; the `claims` layer's
 * `deps: true` model): for every word with a cluster, its cluster at each level chosen by the
 * bit mask `levels` (bit 0 the coarsest: 7 = 64, 256 and 1,024 classes), counted (`k256:17`),
 * scaled to unit length and then by `weight`; with `bigrams`, also the pairs of neighbouring
 * words' coarsest clusters (`kb:3_40`). What unlabelled text knows of words the labelled
 * sentences never had: `senator` shares a class with `nominee` and `incumbent`.
 */
export function clusterFeatures(
  text: string,
  clusters: WordClusters,
  bits: number,
  weight: number,
  levels = 7,
  bigrams = false,
): SparseVector {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  let prev: number | undefined;
  for (const w of clusterWords(text)) {
    const path = clusters.path(w);
    if (bigrams) {
      const top = path?.[0];
      if (prev !== undefined && top !== undefined) bump(`kb:${prev}_${top}`);
      prev = top;
    }
    if (!path) continue;
    path.forEach((id, level) => {
      if (levels & (1 << level)) bump(`k${clusters.sizes[level]}:${id}`);
    });
  }
  let ss = 0;
  for (const n of counts.values()) ss += n * n;
  const scale = ss ? weight / Math.sqrt(ss) : 0;
  const mask = (1 << bits) - 1;
  const idx: number[] = [];
  const val: number[] = [];
  for (const [name, n] of counts) {
    idx.push(hashString(name) & mask);
    val.push(n * scale);
  }
  return { idx, val };
}
