import { hashString, mix } from '../../models/features.js';
import type { ArcState } from './transitions.js';

/**
 * Features of a parser configuration, in the style of Honnibal's "Parsing English in 500 lines
 * of Python" (after Zhang & Nivre 2011): the words and tags of the top three stack words and
 * the next three buffer words, the words, tags and labels of the outer dependents of the two
 * top stack words, their pairs and triples, the distance between the two top stack words and
 * their valency. Each feature is a template id mixed with its values, masked to the table.
 */

/** A sentence as the parser reads it: per word, its lower-cased form's hash and its tag (1-based; 0 = none). */
export interface ParseInput {
  n: number;
  words: Uint32Array;
  tags: Uint8Array;
  /**
   * Per word, the tagger's Case, Gender and Number packed by {@link packMorph} (parsers trained
   * with morphology, Russian); absent otherwise, and then no morphology feature is written.
   */
  morph?: Uint8Array;
}

const CASES = ['Nom', 'Gen', 'Dat', 'Acc', 'Ins', 'Loc', 'Voc', 'Par'];
const GENDERS = ['Masc', 'Fem', 'Neut'];
const NUMBERS = ['Sing', 'Plur'];

/**
 * Packs a word's FEATS (`Case=Loc|Gender=Masc|Number=Sing`) into one byte: case in the low four
 * bits (0 none), gender in the next two, number in the top two.
 */
export function packMorph(feats: string | undefined): number {
  if (!feats || feats === '_') return 0;
  let c = 0;
  let g = 0;
  let n = 0;
  for (const kv of feats.split('|')) {
    const eq = kv.indexOf('=');
    const k = kv.slice(0, eq);
    const v = kv.slice(eq + 1);
    if (k === 'Case') c = CASES.indexOf(v) + 1;
    else if (k === 'Gender') g = GENDERS.indexOf(v) + 1;
    else if (k === 'Number') n = NUMBERS.indexOf(v) + 1;
  }
  return c | (g << 4) | (n << 6);
}

/** Whether two packed words agree in gender and number: 0 either has neither, 1 agree, 2 not. */
const agreement = (a: number, b: number): number => {
  const x = a >> 4;
  const y = b >> 4;
  return x === 0 || y === 0 ? 0 : x === y ? 1 : 2;
};

const NONE_W = 0x51ed27;
const NO_LABEL = 255;

/** The hash the parser reads for a word form (lower-cased, typographic quotes as the treebanks write them). */
export const parseWordHash = (form: string): number =>
  hashString((/[’‘“”]/.test(form) ? form.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : form).toLowerCase());

/** Buckets a distance: 1, 2, 3, 4, 5–6, 7–9, 10+. */
const distance = (d: number): number => (d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : 7);

/** Buckets a valency: 0, 1, 2, 3+. */
const valency = (v: number): number => (v < 3 ? v : 3);

/**
 * Writes the features of configuration `st` over sentence `p` into `out` (masked bucket ids)
 * and returns how many (at most {@link PARSE_FEATURES}).
 */
export function parseFeatures(p: ParseInput, st: ArcState, mask: number, out: Int32Array): number {
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b(0);
  const b1 = st.b(1);
  const b2 = st.b(2);
  const w = (i: number) => (i < 0 ? NONE_W : p.words[i]!);
  const t = (i: number) => (i < 0 ? 0 : p.tags[i]!);
  const lab = (i: number) => (i < 0 ? NO_LABEL : st.label[i]!);
  const s0l1 = s0 < 0 ? -1 : st.l1[s0]!;
  const s0l2 = s0 < 0 ? -1 : st.l2[s0]!;
  const s0r1 = s0 < 0 ? -1 : st.r1[s0]!;
  const s0r2 = s0 < 0 ? -1 : st.r2[s0]!;
  const s1l1 = s1 < 0 ? -1 : st.l1[s1]!;
  const s1r1 = s1 < 0 ? -1 : st.r1[s1]!;
  const ws0 = w(s0);
  const ws1 = w(s1);
  const wb0 = w(b0);
  const ts0 = t(s0);
  const ts1 = t(s1);
  const ts2 = t(s2);
  const tb0 = t(b0);
  const tb1 = t(b1);
  const tb2 = t(b2);
  let k = 0;
  const f1 = (id: number, a: number) => {
    out[k++] = mix(id, a) & mask;
  };
  const f2 = (id: number, a: number, b: number) => {
    out[k++] = mix(mix(id, a), b) & mask;
  };
  const f3 = (id: number, a: number, b: number, c: number) => {
    out[k++] = mix(mix(mix(id, a), b), c) & mask;
  };
  // Bias (the prior of each move).
  f1(1, 0);
  // Words and tags of the stack and the buffer.
  f1(2, ws0);
  f1(3, ts0);
  f2(4, ws0, ts0);
  f1(5, ws1);
  f1(6, ts1);
  f2(7, ws1, ts1);
  f1(8, w(s2));
  f1(9, ts2);
  f1(10, wb0);
  f1(11, tb0);
  f2(12, wb0, tb0);
  f1(13, w(b1));
  f1(14, tb1);
  f2(15, w(b1), tb1);
  f1(16, w(b2));
  f1(17, tb2);
  // The outer dependents of s0 and s1: word, tag, label.
  let id = 20;
  for (const d of [s0l1, s0l2, s0r1, s0r2, s1l1, s1r1]) {
    f1(id++, w(d));
    f1(id++, t(d));
    f1(id++, lab(d));
  }
  // Pairs.
  f2(40, ws0, ws1);
  f3(41, ws0, ts0, ts1);
  f3(42, ts0, ws1, ts1);
  f2(43, ts0, ts1);
  out[k++] = mix(mix(mix(mix(44, ws0), ts0), ws1), ts1) & mask;
  f2(45, ts0, tb0);
  f2(46, ws0, wb0);
  f2(47, ts0, wb0);
  f2(48, ws0, tb0);
  f2(49, ts1, tb0);
  f3(50, ws1, ts0, tb0);
  // Triples of tags.
  f3(60, ts2, ts1, ts0);
  f3(61, ts1, ts0, tb0);
  f3(62, ts0, tb0, tb1);
  f3(63, tb0, tb1, tb2);
  f3(64, ts1, ts0, t(s0l1));
  f3(65, ts1, ts0, t(s0r1));
  f3(66, ts1, t(s1l1), ts0);
  f3(67, ts1, t(s1r1), ts0);
  f3(68, ts0, t(s0l1), t(s0l2));
  f3(69, ts0, t(s0r1), t(s0r2));
  f3(70, ts1, ts0, lab(s0l1));
  f3(71, ts1, ts0, lab(s1r1));
  f3(72, ts0, lab(s0l1), lab(s0l2));
  // Distance between the two top stack words.
  const d = s0 >= 0 && s1 >= 0 ? distance(s0 - s1) : 0;
  f2(80, d, ws0);
  f2(81, d, ts0);
  f2(82, d, ws1);
  f2(83, d, ts1);
  f3(84, d, ts0, ts1);
  // Valency.
  const vl0 = s0 < 0 ? 9 : valency(st.nl[s0]!);
  const vr0 = s0 < 0 ? 9 : valency(st.nr[s0]!);
  const vl1 = s1 < 0 ? 9 : valency(st.nl[s1]!);
  const vr1 = s1 < 0 ? 9 : valency(st.nr[s1]!);
  f2(90, vl0, ts0);
  f2(91, vr0, ts0);
  f2(92, vl0, ws0);
  f2(93, vr0, ws0);
  f2(94, vl1, ts1);
  f2(95, vr1, ts1);
  f3(96, vr1, ts1, ts0);
  // Whether the buffer is empty (the last words must be reduced), with the two stack tags.
  f3(97, b0 < 0 ? 1 : 0, ts0, ts1);
  if (p.morph) {
    // Morphology (Russian): a word's case with its tag, and with the tag of its candidate head;
    // whether the two top stack words agree in gender and number.
    const m = (i: number) => (i < 0 ? 0 : p.morph![i]!);
    const ms0 = m(s0);
    const ms1 = m(s1);
    const mb0 = m(b0);
    f2(100, ms0, ts0);
    f2(101, ms1, ts1);
    f2(102, mb0, tb0);
    f3(103, ms0 & 15, ts0, ts1);
    f3(104, ms1 & 15, ts1, ts0);
    f3(105, agreement(ms0, ms1), ts0, ts1);
    f3(106, mb0 & 15, tb0, ts0);
  }
  return k;
}

/** The largest number of features {@link parseFeatures} writes. */
export const PARSE_FEATURES = 87;
