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
  const words = p.words;
  const tags = p.tags;
  const labels = st.label;
  const s0l1 = s0 < 0 ? -1 : st.l1[s0]!;
  const s0l2 = s0 < 0 ? -1 : st.l2[s0]!;
  const s0r1 = s0 < 0 ? -1 : st.r1[s0]!;
  const s0r2 = s0 < 0 ? -1 : st.r2[s0]!;
  const s1l1 = s1 < 0 ? -1 : st.l1[s1]!;
  const s1r1 = s1 < 0 ? -1 : st.r1[s1]!;
  const ws0 = w(words, s0);
  const ws1 = w(words, s1);
  const wb0 = w(words, b0);
  const wb1 = w(words, b1);
  const ts0 = t(tags, s0);
  const ts1 = t(tags, s1);
  const ts2 = t(tags, s2);
  const tb0 = t(tags, b0);
  const tb1 = t(tags, b1);
  const tb2 = t(tags, b2);
  const ls0l1 = lab(labels, s0l1);
  const ts0l1 = t(tags, s0l1);
  const ts0r1 = t(tags, s0r1);
  // Module-level helpers rather than closures: a closure made per call costs more than the mixing.
  let k = 0;
  // Bias (the prior of each move).
  out[k++] = mix(1, 0) & mask;
  // Words and tags of the stack and the buffer.
  out[k++] = mix(2, ws0) & mask;
  out[k++] = mix(3, ts0) & mask;
  out[k++] = mix(mix(4, ws0), ts0) & mask;
  out[k++] = mix(5, ws1) & mask;
  out[k++] = mix(6, ts1) & mask;
  out[k++] = mix(mix(7, ws1), ts1) & mask;
  out[k++] = mix(8, w(words, s2)) & mask;
  out[k++] = mix(9, ts2) & mask;
  out[k++] = mix(10, wb0) & mask;
  out[k++] = mix(11, tb0) & mask;
  out[k++] = mix(mix(12, wb0), tb0) & mask;
  out[k++] = mix(13, wb1) & mask;
  out[k++] = mix(14, tb1) & mask;
  out[k++] = mix(mix(15, wb1), tb1) & mask;
  out[k++] = mix(16, w(words, b2)) & mask;
  out[k++] = mix(17, tb2) & mask;
  // The outer dependents of s0 and s1: word, tag, label.
  k = dependent(words, tags, labels, s0l1, 20, mask, out, k);
  k = dependent(words, tags, labels, s0l2, 23, mask, out, k);
  k = dependent(words, tags, labels, s0r1, 26, mask, out, k);
  k = dependent(words, tags, labels, s0r2, 29, mask, out, k);
  k = dependent(words, tags, labels, s1l1, 32, mask, out, k);
  k = dependent(words, tags, labels, s1r1, 35, mask, out, k);
  // Pairs.
  out[k++] = mix(mix(40, ws0), ws1) & mask;
  out[k++] = mix(mix(mix(41, ws0), ts0), ts1) & mask;
  out[k++] = mix(mix(mix(42, ts0), ws1), ts1) & mask;
  out[k++] = mix(mix(43, ts0), ts1) & mask;
  out[k++] = mix(mix(mix(mix(44, ws0), ts0), ws1), ts1) & mask;
  out[k++] = mix(mix(45, ts0), tb0) & mask;
  out[k++] = mix(mix(46, ws0), wb0) & mask;
  out[k++] = mix(mix(47, ts0), wb0) & mask;
  out[k++] = mix(mix(48, ws0), tb0) & mask;
  out[k++] = mix(mix(49, ts1), tb0) & mask;
  out[k++] = mix(mix(mix(50, ws1), ts0), tb0) & mask;
  // Triples of tags.
  out[k++] = mix(mix(mix(60, ts2), ts1), ts0) & mask;
  out[k++] = mix(mix(mix(61, ts1), ts0), tb0) & mask;
  out[k++] = mix(mix(mix(62, ts0), tb0), tb1) & mask;
  out[k++] = mix(mix(mix(63, tb0), tb1), tb2) & mask;
  out[k++] = mix(mix(mix(64, ts1), ts0), ts0l1) & mask;
  out[k++] = mix(mix(mix(65, ts1), ts0), ts0r1) & mask;
  out[k++] = mix(mix(mix(66, ts1), t(tags, s1l1)), ts0) & mask;
  out[k++] = mix(mix(mix(67, ts1), t(tags, s1r1)), ts0) & mask;
  out[k++] = mix(mix(mix(68, ts0), ts0l1), t(tags, s0l2)) & mask;
  out[k++] = mix(mix(mix(69, ts0), ts0r1), t(tags, s0r2)) & mask;
  out[k++] = mix(mix(mix(70, ts1), ts0), ls0l1) & mask;
  out[k++] = mix(mix(mix(71, ts1), ts0), lab(labels, s1r1)) & mask;
  out[k++] = mix(mix(mix(72, ts0), ls0l1), lab(labels, s0l2)) & mask;
  // Distance between the two top stack words.
  const d = s0 >= 0 && s1 >= 0 ? distance(s0 - s1) : 0;
  out[k++] = mix(mix(80, d), ws0) & mask;
  out[k++] = mix(mix(81, d), ts0) & mask;
  out[k++] = mix(mix(82, d), ws1) & mask;
  out[k++] = mix(mix(83, d), ts1) & mask;
  out[k++] = mix(mix(mix(84, d), ts0), ts1) & mask;
  // Valency.
  const vl0 = s0 < 0 ? 9 : valency(st.nl[s0]!);
  const vr0 = s0 < 0 ? 9 : valency(st.nr[s0]!);
  const vl1 = s1 < 0 ? 9 : valency(st.nl[s1]!);
  const vr1 = s1 < 0 ? 9 : valency(st.nr[s1]!);
  out[k++] = mix(mix(90, vl0), ts0) & mask;
  out[k++] = mix(mix(91, vr0), ts0) & mask;
  out[k++] = mix(mix(92, vl0), ws0) & mask;
  out[k++] = mix(mix(93, vr0), ws0) & mask;
  out[k++] = mix(mix(94, vl1), ts1) & mask;
  out[k++] = mix(mix(95, vr1), ts1) & mask;
  out[k++] = mix(mix(mix(96, vr1), ts1), ts0) & mask;
  // Whether the buffer is empty (the last words must be reduced), with the two stack tags.
  out[k++] = mix(mix(mix(97, b0 < 0 ? 1 : 0), ts0), ts1) & mask;
  if (p.morph) {
    // Morphology (Russian): a word's case with its tag, and with the tag of its candidate head;
    // whether the two top stack words agree in gender and number.
    const m = p.morph;
    const ms0 = s0 < 0 ? 0 : m[s0]!;
    const ms1 = s1 < 0 ? 0 : m[s1]!;
    const mb0 = b0 < 0 ? 0 : m[b0]!;
    out[k++] = mix(mix(100, ms0), ts0) & mask;
    out[k++] = mix(mix(101, ms1), ts1) & mask;
    out[k++] = mix(mix(102, mb0), tb0) & mask;
    out[k++] = mix(mix(mix(103, ms0 & 15), ts0), ts1) & mask;
    out[k++] = mix(mix(mix(104, ms1 & 15), ts1), ts0) & mask;
    out[k++] = mix(mix(mix(105, agreement(ms0, ms1)), ts0), ts1) & mask;
    out[k++] = mix(mix(mix(106, mb0 & 15), tb0), ts0) & mask;
  }
  return k;
}

/** Word hash of position `i` (a fixed value for none). */
const w = (words: Uint32Array, i: number): number => (i < 0 ? NONE_W : words[i]!);
/** Tag of position `i` (0 for none). */
const t = (tags: Uint8Array, i: number): number => (i < 0 ? 0 : tags[i]!);
/** Arc label of position `i` (`NO_LABEL` for none). */
const lab = (labels: Uint8Array, i: number): number => (i < 0 ? NO_LABEL : labels[i]!);

/** The word, tag and label features (template ids `id`, `id + 1`, `id + 2`) of dependent `d`; returns the new count. */
function dependent(
  words: Uint32Array,
  tags: Uint8Array,
  labels: Uint8Array,
  d: number,
  id: number,
  mask: number,
  out: Int32Array,
  k: number,
): number {
  out[k] = mix(id, w(words, d)) & mask;
  out[k + 1] = mix(id + 1, t(tags, d)) & mask;
  out[k + 2] = mix(id + 2, lab(labels, d)) & mask;
  return k + 3;
}

/** The largest number of features {@link parseFeatures} writes. */
export const PARSE_FEATURES = 87;
