import type { Token } from '../../schema.js';
import type { Candidate } from './candidates.js';

/**
 * Combines tagged names with gazetteer names. The tagger decides, except that a gazetteer name
 * of two words or more (not one starting with an article) replaces the tagged names inside it
 * and trims those that overlap it partly (`France Emmanuel` + `Emmanuel Macron` → `France`,
 * `Emmanuel Macron`); gazetteer names the tagger missed are added.
 */
export function mergeEnglish(
  tokens: readonly Token[],
  words: readonly string[],
  tagged: readonly Candidate[],
  matches: readonly Candidate[],
): Candidate[] {
  // The names kept so far never overlap: each token has at most one owner, so the names a
  // gazetteer match overlaps are found through its own tokens, not by a scan of every name
  // (which made long documents quadratic). Should the tagger's names overlap, the scan is kept.
  const owner: (Candidate | undefined)[] = new Array(tokens.length);
  for (const t of tagged)
    for (let k = t.i; k < t.j; k++) {
      if (owner[k]) return mergeByScan(tokens, words, tagged, matches);
      owner[k] = t;
    }
  const own = (t: Candidate, by: Candidate | undefined) => {
    for (let k = t.i; k < t.j; k++) owner[k] = by;
  };
  for (const g of matches) {
    const hits: Candidate[] = [];
    for (let k = g.i; k < g.j; k++) {
      const t = owner[k];
      if (t && t !== hits.at(-1)) hits.push(t);
    }
    if (hits.length === 0) {
      own(g, g);
      continue;
    }
    if (hits.some((t) => t.i <= g.i && t.j >= g.j)) continue;
    const strong = g.j - g.i >= 2 && !ARTICLES.has(words[g.i]!);
    if (!strong && !(hits.length > 1 && hits.every((t) => t.i >= g.i && t.j <= g.j))) continue;
    for (const t of hits) own(t, undefined);
    for (const k of trimmed(tokens, hits, g)) own(k, k);
    own(g, g);
  }
  const out: Candidate[] = [];
  for (let k = 0; k < owner.length; k++) {
    const t = owner[k];
    if (t && t !== out.at(-1)) out.push(t);
  }
  return out;
}

/** The parts of the names `hits` left outside the gazetteer name `g`, when they are words. */
function trimmed(tokens: readonly Token[], hits: readonly Candidate[], g: Candidate): Candidate[] {
  const kept: Candidate[] = [];
  for (const t of hits) {
    if (t.i < g.i) kept.push({ ...t, j: g.i, end: tokens[g.i - 1]!.end });
    else if (t.j > g.j) kept.push({ ...t, i: g.j, start: tokens[g.j]!.start });
  }
  // Pieces left on both sides of a gazetteer name, or made of punctuation, are not names.
  return kept.filter((k) => tokens[k.i]!.kind === 'word' && tokens[k.j - 1]!.kind !== 'punct');
}

/** {@link mergeEnglish} by scanning every kept name per match (for overlapping tagged names). */
function mergeByScan(
  tokens: readonly Token[],
  words: readonly string[],
  tagged: readonly Candidate[],
  matches: readonly Candidate[],
): Candidate[] {
  let out = [...tagged];
  for (const g of matches) {
    const hits = out.filter((t) => t.i < g.j && g.i < t.j);
    if (hits.length === 0) {
      out.push(g);
      continue;
    }
    // A tagged name that covers the gazetteer name stays (`U.S. Court of Appeals`, or the same
    // span with the tagger's type); linking happens later.
    if (hits.some((t) => t.i <= g.i && t.j >= g.j)) continue;
    const strong = g.j - g.i >= 2 && !ARTICLES.has(words[g.i]!);
    if (!strong && !(hits.length > 1 && hits.every((t) => t.i >= g.i && t.j <= g.j))) continue;
    out = out.filter((t) => !hits.includes(t)).concat(trimmed(tokens, hits, g), [g]);
  }
  return out.sort((a, b) => a.start - b.start);
}

const ARTICLES = new Set(['the', 'The', 'THE']);
