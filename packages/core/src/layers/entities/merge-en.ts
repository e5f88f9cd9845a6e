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
  // The names kept so far, by the tokens they cover (almost always one per token; the tagger's
  // names may overlap): the names a gazetteer match overlaps are found through its own tokens,
  // not by a scan of every name, which made long documents quadratic. `seq` keeps the order in
  // which names were kept, which decides ties in the final sort by start.
  const owners: (Candidate[] | undefined)[] = new Array(tokens.length);
  const seq = new Map<Candidate, number>();
  let counter = 0;
  const keep = (t: Candidate) => {
    seq.set(t, counter++);
    for (let k = t.i; k < t.j; k++) {
      const list = owners[k];
      if (list) list.push(t);
      else owners[k] = [t];
    }
  };
  const drop = (t: Candidate) => {
    seq.delete(t);
    for (let k = t.i; k < t.j; k++) {
      const list = owners[k]!;
      list.splice(list.indexOf(t), 1);
    }
  };
  for (const t of tagged) keep(t);
  for (const g of matches) {
    const found = new Set<Candidate>();
    for (let k = g.i; k < g.j; k++) for (const t of owners[k] ?? []) found.add(t);
    const hits = [...found].sort((x, y) => seq.get(x)! - seq.get(y)!);
    if (hits.length === 0) {
      keep(g);
      continue;
    }
    // A tagged name that covers the gazetteer name stays (`U.S. Court of Appeals`, or the same
    // span with the tagger's type); linking happens later.
    if (hits.some((t) => t.i <= g.i && t.j >= g.j)) continue;
    const strong = g.j - g.i >= 2 && !ARTICLES.has(words[g.i]!);
    if (!strong && !(hits.length > 1 && hits.every((t) => t.i >= g.i && t.j <= g.j))) continue;
    const pieces = trimmed(tokens, hits, g);
    for (const t of hits) drop(t);
    for (const t of pieces) keep(t);
    keep(g);
  }
  return [...seq.keys()].sort((a, b) => a.start - b.start || seq.get(a)! - seq.get(b)!);
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

const ARTICLES = new Set(['the', 'The', 'THE']);
