import { detectLanguage } from '../layers/language/detect.js';
import type { Span } from '../schema.js';
import { alignPassages, coverage } from './align.js';
import { reuseChanges } from './changes.js';
import { conceptBag, surfaceForms } from './concepts.js';
import { reuseDirection } from './direction.js';
import {
  alignParagraphs,
  alignUnits,
  monotoneChain,
  type ParagraphPair,
  sentenceSpans,
} from './paragraph-align.js';
import { type IndexOptions, ReuseIndex } from './reuse-index.js';
import type { PassagePair, ReuseDocument, ReuseKind, ReusePair } from './reuse-types.js';
import { reuseTrees } from './trees.js';
import { type ConceptVector, conceptVector, cosine, type DocFrequencies, sharedFeatures } from './vectors.js';
import { paragraphTechniques, textView } from './views.js';
import { wordUnits } from './words.js';

/** Thresholds of {@link findReuse}. */
export interface ReuseOptions {
  /** Share of each document's words in shared passages for a `copy` (default 0.8). */
  copy: number;
  /** Words in shared passages for a `partial` (default 30). */
  partialWords: number;
  /** Concept cosine for a same-language `rewrite` (default 0.5). */
  rewrite: number;
  /** Concept cosine for a `translation` (default 0.2). */
  translation: number;
  /** Share of the shorter document's sentences that must pair up, in order, in a rewrite or translation (default 0.5). */
  alignedShare: number;
  /** Concept cosine at which two sentences of a same-language rewrite correspond (default 0.3). */
  rewriteSentence: number;
  /** Shortest to longest length in words, at least, for a rewrite or translation (default 0.5). */
  lengthRatio: number;
  /** Candidate index settings. */
  index: Partial<IndexOptions>;
  /**
   * Adds analysis layers (`naming`, `quotes`, `techniques`, `paragraphs`) to a document found
   * in a pair, for the diff; called once per such document. Detection itself needs only text.
   */
  analyze?: (doc: ReuseDocument) => ReuseDocument;
}

/** The default thresholds (measured in docs/benchmarks.md). */
export const REUSE_DEFAULTS: Omit<ReuseOptions, 'analyze'> = {
  copy: 0.8,
  partialWords: 30,
  rewrite: 0.5,
  translation: 0.2,
  alignedShare: 0.5,
  lengthRatio: 0.5,
  rewriteSentence: 0.3,
  index: {},
};

/** The language a document is in: its language layer, its metadata, else detected. */
export function languageOf(doc: ReuseDocument): string {
  return (
    doc.language?.code ??
    doc.meta?.lang ??
    detectLanguage(doc.text, { sample: 1000, minConfidence: 0.05 }).code
  );
}

const sameLanguage = (langs: readonly string[]) =>
  langs[0] === langs[1] || langs[0] === 'und' || langs[1] === 'und';
const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Verdict {
  kind: ReuseKind;
  score: number;
  reason: string;
  passages: PassagePair[];
  coverageA: number;
  coverageB: number;
}

/** Verbatim reuse: shared passages making a `copy` (both mostly shared) or a `partial`. */
function textReuse(
  a: ReuseDocument,
  b: ReuseDocument,
  options: Omit<ReuseOptions, 'analyze'>,
): Verdict | undefined {
  const wa = wordUnits(a.text);
  const wb = wordUnits(b.text);
  const passages = alignPassages(wa, wb);
  const shared = passages.reduce((s, p) => s + p.words, 0);
  if (shared < options.partialWords) return undefined;
  const coverageA = coverage(
    passages.map((p) => p.aWords),
    wa.words.length,
  );
  const coverageB = coverage(
    passages.map((p) => p.bWords),
    wb.words.length,
  );
  const kind = coverageA >= options.copy && coverageB >= options.copy ? 'copy' : 'partial';
  const n = `${passages.length} shared passage${passages.length === 1 ? '' : 's'} (${shared} words)`;
  return {
    kind,
    score: kind === 'copy' ? Math.min(coverageA, coverageB) : Math.max(coverageA, coverageB),
    reason: `${kind}: ${n} ${passages.length === 1 ? 'covers' : 'cover'} ${pct(coverageA)} of a and ${pct(coverageB)} of b`,
    passages: passages.map((p) => ({ a: p.a, b: p.b })),
    coverageA,
    coverageB,
  };
}

/**
 * Decides whether `b` reuses `a` (or the reverse) and how: shared passages by word alignment
 * make a `copy` (both mostly shared) or a `partial`; otherwise concept similarity with
 * paragraph-by-paragraph correspondence makes a `rewrite` (same language) or a `translation`.
 */
export function verifyPair(
  a: ReuseDocument,
  b: ReuseDocument,
  langs: [string, string],
  df: DocFrequencies,
  options: Omit<ReuseOptions, 'analyze'> = REUSE_DEFAULTS,
  hints: { sharesText: boolean; cosine?: number } = { sharesText: true },
): Verdict | undefined {
  const same = sameLanguage(langs);
  const text = same && hints.sharesText ? textReuse(a, b, options) : undefined;
  // A copy, or one text mostly made of the other's, is verbatim reuse whatever else differs.
  if (text && (text.kind === 'copy' || Math.max(text.coverageA, text.coverageB) >= options.copy)) return text;
  const min = same ? options.rewrite : options.translation;
  if (hints.cosine !== undefined && hints.cosine < min) return text;
  const va = conceptVector(conceptBag(a.text), df, !same);
  const vb = conceptVector(conceptBag(b.text), df, !same);
  const score = cosine(va, vb);
  if (score < min) return text;
  const wordsA = countWords(a.text);
  const wordsB = countWords(b.text);
  if (Math.min(wordsA, wordsB) < Math.max(wordsA, wordsB) * options.lengthRatio) return text;
  const sa = sentenceSpans(a, langs[0]);
  const sb = sentenceSpans(b, langs[1]);
  // Sentences of a rewrite share most of their words; a translation shares only what the
  // lexicon, names and numbers carry across, so its floor is lower.
  const floor = same ? options.rewriteSentence : 0.15;
  const chain = monotoneChain(
    alignUnits({ text: a.text, spans: sa }, { text: b.text, spans: sb }, df, !same, floor),
  );
  const fewer = Math.min(sa.length, sb.length);
  const share = fewer ? chain.length / fewer : 0;
  if (share < options.alignedShare) return text;
  const kind = same ? 'rewrite' : 'translation';
  return {
    kind,
    score,
    reason: `${kind}${same ? '' : ` (${langs[0]} → ${langs[1]})`}: concept cosine ${score.toFixed(2)}, ${chain.length} of ${fewer} sentences correspond in order; shared ${sharedWords(va, vb, a.text, b.text)}`,
    passages: joinSentences(chain, sa, sb),
    coverageA: 0,
    coverageB: 0,
  };
}

/**
 * The features two texts share most, as the words the texts use for them (`w:gang` → `gang`,
 * `e:sweden` → `Sweden`, `r:евсе` → `Евсеев`), each word once.
 */
const sharedWords = (va: ConceptVector, vb: ConceptVector, ta: string, tb: string): string =>
  [...new Set(surfaceForms(sharedFeatures(va, vb, 6), [ta, tb]))].join(', ');

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Sentence pairs that follow each other in both texts, joined into passages. */
function joinSentences(
  chain: readonly ParagraphPair[],
  sa: readonly Span[],
  sb: readonly Span[],
): PassagePair[] {
  const out: PassagePair[] = [];
  let last: ParagraphPair | undefined;
  for (const p of chain) {
    const prev = out[out.length - 1];
    if (prev && last && p.a === last.a + 1 && p.b === last.b + 1) {
      prev.a.end = sa[p.a]!.end;
      prev.b.end = sb[p.b]!.end;
    } else out.push({ a: { ...sa[p.a]! }, b: { ...sb[p.b]! } });
    last = p;
  }
  return out;
}

/**
 * What {@link findReuse} reads of a document to describe a pair, and nothing else: text,
 * metadata, language, paragraphs and sentences (alignment), naming and quotes (what changed),
 * the entities the quotes' speakers link to, the techniques of each paragraph (no spans). A caller holding a whole corpus of analysed
 * documents keeps these instead (`newsprism reuse --db`); the output is the same.
 */
export function reuseView(doc: ReuseDocument): ReuseDocument {
  const view = textView(doc);
  if (doc.paragraphs) view.paragraphs = doc.paragraphs;
  if (doc.sentences) view.sentences = doc.sentences;
  if (doc.naming) view.naming = doc.naming;
  if (doc.quotes) view.quotes = doc.quotes;
  // The entities the speakers link to: a surname's full name (`Trump` for Donald Trump is not
  // `Eric Trump`, `corpus/changes.ts`).
  const linked = new Set(doc.quotes?.map((q) => q.speaker?.entity));
  if (doc.entities) view.entities = doc.entities.filter((e) => linked.has(e.id));
  if (doc.techniques) view.techniques = paragraphTechniques(doc.techniques);
  return view;
}

/**
 * Every pair of documents where one reuses the other, with kind, score, direction and reason,
 * aligned passages, what changed, and the republication tree it belongs to. Candidate pairs come
 * from {@link ReuseIndex} (never all pairs); each is verified by {@link verifyPair}.
 *
 * @example
 * const pairs = findReuse([sputnik, urdupoint]);
 * // [{a: 'sputnik', b: 'urdupoint', kind: 'copy', direction: 'a→b', reason: "b credits a's outlet: …", …}]
 */
export function findReuse(docs: readonly ReuseDocument[], options: Partial<ReuseOptions> = {}): ReusePair[] {
  const o = { ...REUSE_DEFAULTS, ...options };
  const index = new ReuseIndex(o.index);
  const langs = docs.map(languageOf);
  for (const d of docs) index.add(d.text);
  const analysed = new Map<number, ReuseDocument>();
  const full = (k: number) => {
    if (!o.analyze) return docs[k]!;
    const hit = analysed.get(k);
    if (hit) return hit;
    const d = reuseView(o.analyze(docs[k]!));
    analysed.set(k, d);
    return d;
  };
  const pairs: ReusePair[] = [];
  for (const c of index.candidates()) {
    const a0 = docs[c.i]!;
    const b0 = docs[c.j]!;
    const pairLangs: [string, string] = [langs[c.i]!, langs[c.j]!];
    const same = sameLanguage(pairLangs);
    // Without shared text fingerprints only a rewrite or translation is possible: check the
    // stored concept vectors before reading the texts again.
    // Shared words counted on the stored word hashes: most candidates proposed by fingerprints
    // share a few phrases only, too few for a partial, and need not be read again.
    const hints = {
      sharesText: same && c.shared > 0 && index.sharedWords(c.i, c.j) >= o.partialWords,
      cosine: index.cosine(c.i, c.j, !same),
    };
    if (!hints.sharesText && hints.cosine < (same ? o.rewrite : o.translation)) continue;
    const found = verifyPair(a0, b0, pairLangs, index.frequencies, o, hints);
    if (!found) continue;
    // Verified on the raw documents; once analysed, their paragraphs layer may split otherwise.
    const a = full(c.i);
    const b = full(c.j);
    const v = o.analyze ? (verifyPair(a, b, pairLangs, index.frequencies, o, hints) ?? found) : found;
    const { direction, reason } = reuseDirection(a, b, v);
    const [s, t] = direction === 'b→a' ? [b, a] : [a, b];
    const verbatim = v.kind === 'copy' || v.kind === 'partial';
    const paragraphs = alignParagraphs(s, t, index.frequencies, !same, verbatim ? 0.3 : 0.2);
    pairs.push({
      a: a.id,
      b: b.id,
      kind: v.kind,
      score: Math.round(v.score * 1000) / 1000,
      direction,
      reason: `${v.reason}; direction: ${reason}`,
      passages: v.passages,
      changes: reuseChanges(s, t, paragraphs, langs[c.i] === langs[c.j]),
      tree: '',
    });
  }
  reuseTrees(pairs);
  return pairs.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
