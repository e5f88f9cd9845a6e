import type { Sentence, Token } from '../../schema.js';
import type { CompiledForm, EntityType } from './gazetteer.js';
import type { GazetteerMatch } from './match.js';

/** A candidate mention over tokens `[i, j)` before entities are built. */
export interface Candidate {
  i: number;
  j: number;
  start: number;
  end: number;
  type: EntityType;
  /** Which recogniser found it: `model`, `gazetteer`, `caps`, `acronym`, `quoted`, `institution`, `group`. */
  rule: string;
  /** The gazetteer form it matched, when linked. */
  form?: CompiledForm;
  /** Its name in the nominative where a rule knows it (`Демократической партии` → `Демократическая партия`). */
  nominative?: string;
}

const OPENERS = new Set(['«', '“', '"', '„', '‘', '(', ':', '—', '–', '-'].map((c) => c.charCodeAt(0)));

/**
 * Marks tokens where a capital letter says nothing about names: the first word of a sentence,
 * and the first word after an opening quote, a colon or a dash. Also returns each token's
 * sentence index (-1 outside sentences).
 */
export function sentencePositions(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): { initial: Uint8Array; sentenceOf: Int32Array } {
  const initial = new Uint8Array(tokens.length);
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  let lastSentence = -1;
  let expectStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < sentences.length && sentences[s]!.end <= t.start) s++;
    if (s < sentences.length && sentences[s]!.start <= t.start) sentenceOf[i] = s;
    if (sentenceOf[i] !== lastSentence) expectStart = true;
    lastSentence = sentenceOf[i]!;
    if (t.kind === 'punct') {
      if (t.end - t.start === 1 && OPENERS.has(text.charCodeAt(t.start))) expectStart = true;
      continue;
    }
    if (expectStart) initial[i] = 1;
    expectStart = false;
  }
  return { initial, sentenceOf };
}

/**
 * Keeps non-overlapping candidates: earlier lists win over later ones, and within the result a
 * later candidate that strictly contains earlier ones replaces them when `preferLonger` says so.
 */
export function mergeCandidates(
  lists: readonly Candidate[][],
  preferLonger: (longer: Candidate, covered: readonly Candidate[]) => boolean,
): Candidate[] {
  // Kept candidates never overlap: each token has at most one, so the candidates a new one
  // overlaps are found through its own tokens (a scan of every kept candidate per candidate
  // made long documents quadratic). `seq` is the order of keeping, as the list had it.
  let n = 0;
  for (const list of lists) for (const c of list) n = Math.max(n, c.j);
  const owner: (Candidate | undefined)[] = new Array(n);
  const seq = new Map<Candidate, number>();
  let counter = 0;
  const own = (c: Candidate, by: Candidate | undefined) => {
    for (let k = c.i; k < c.j; k++) owner[k] = by;
  };
  for (const list of lists) {
    for (const c of list) {
      const found = new Set<Candidate>();
      for (let k = c.i; k < c.j; k++) if (owner[k]) found.add(owner[k]!);
      const hits = [...found].sort((x, y) => seq.get(x)! - seq.get(y)!);
      if (hits.length === 0) {
        seq.set(c, counter++);
        own(c, c);
      } else if (hits.every((h) => h.start >= c.start && h.end <= c.end) && preferLonger(c, hits)) {
        for (const h of hits) {
          own(h, undefined);
          seq.delete(h);
        }
        seq.set(c, counter++);
        own(c, c);
      }
    }
  }
  return [...seq.keys()].sort((a, b) => a.start - b.start);
}

/** A gazetteer match as a candidate, typed by its entry. */
export const fromMatch = (tokens: readonly Token[], m: GazetteerMatch): Candidate => ({
  i: m.i,
  j: m.j,
  start: tokens[m.i]!.start,
  end: tokens[m.j - 1]!.end,
  type: m.form.entry.type,
  rule: 'gazetteer',
  form: m.form,
});
