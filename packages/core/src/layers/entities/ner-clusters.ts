import { clusterWords, type WordClusters } from '../../models/word-clusters.js';
import type { Token } from '../../schema.js';
import type { NerInput } from './ner-features.js';

/**
 * Fills `p.cluster` (each token's leaf cluster id + 1 in `clusters`, 0 = none) for the tokens
 * the tagger's features read: every candidate and its two neighbours (`nerFeatures` looks at the
 * candidate's class and the neighbours' coarse classes only). Training and the analyzer both fill
 * the input through this function, so their features agree. A token's word is the first of
 * {@link clusterWords} of its surface (lower-cased, digits as `0`), as the cluster file is keyed.
 */
export function addNerClusters(
  p: NerInput,
  text: string,
  tokens: readonly Token[],
  clusters: WordClusters,
): void {
  const n = p.n;
  const ids = new Uint32Array(n);
  // Tokens up to `done` have been looked up (a candidate's neighbours overlap the next one's).
  let done = -1;
  for (let i = 0; i < n; i++) {
    if (!p.candidate[i]) continue;
    for (let k = Math.max(i - 1, done + 1); k <= Math.min(n - 1, i + 1); k++) {
      const t = tokens[k]!;
      // `p.lower` holds the lower-cased word's hash for candidates and their neighbours.
      const id = asciiLetters(text, t.start, t.end)
        ? clusters.leafOfHash(p.lower[k]!)
        : clusters.leafOf(clusterWords(text.slice(t.start, t.end))[0] ?? '');
      if (id !== undefined) ids[k] = id + 1;
      done = k;
    }
  }
  p.cluster = ids;
}

/** Whether `text[start, end)` is ASCII letters only (its cluster word is itself lower-cased). */
function asciiLetters(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}
