import { positiveStems, type QueryNode } from './query/parse.js';
import { stemWord } from './stem.js';

/** A piece of a hit's text around what matched, with the matched words marked. */
export interface Snippet {
  text: string;
  /** Half-open UTF-16 offsets into `text` (the snippet), not into the document. */
  highlights: { start: number; end: number }[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const WIDTH = 200;

/**
 * Up to `max` snippets of `text` around the words the query matched (same stems as the index),
 * cut at word boundaries. Computed in JavaScript from the stored text so that both backends
 * give the same snippets. The scan stops once the last snippet is complete: a search page
 * makes snippets for every hit, and reading whole long articles for two snippets near their
 * top was most of a search request's CPU time.
 */
export function makeSnippets(text: string, query: QueryNode, max = 2): Snippet[] {
  const { stems, prefixes } = positiveStems(query);
  // Stemming every word of a long article would dominate search time: only words sharing
  // their first letter with a wanted stem are stemmed.
  const heads = new Set([...stems, ...prefixes].map((s) => s.slice(0, 1)));
  const out: Snippet[] = [];
  if (max < 1) return out;
  // The snippet being filled: its cut and the matches inside it.
  let cur: { start: number; end: number; highlights: { start: number; end: number }[] } | undefined;
  for (const m of text.matchAll(WORD)) {
    const head = m[0].slice(0, 1).toLowerCase().replace('ё', 'е');
    if (!heads.has(head)) continue;
    const s = stemWord(m[0]);
    if (!stems.has(s) && !prefixes.some((p) => s.startsWith(p))) continue;
    const hit = { start: m.index, end: m.index + m[0].length };
    if (cur && hit.end <= cur.end) {
      cur.highlights.push({ start: hit.start - cur.start, end: hit.end - cur.start });
      continue;
    }
    if (cur) {
      out.push(finish(text, cur));
      cur = undefined;
      if (out.length === max) return out;
    }
    // A new snippet starts a quarter of its width before this match.
    let start = Math.max(0, hit.start - WIDTH / 4);
    let end = Math.min(text.length, start + WIDTH);
    start = wordStart(text, start);
    end = wordEnd(text, end);
    // The cut's end moves to the end of the word it falls in: the match is always inside.
    cur = { start, end, highlights: [{ start: hit.start - start, end: hit.end - start }] };
  }
  if (cur) out.push(finish(text, cur));
  return out;
}

function finish(text: string, s: { start: number; end: number; highlights: Snippet['highlights'] }): Snippet {
  return {
    text: text.slice(s.start, s.end).replace(/\s+/g, (w) => ' '.repeat(w.length)),
    highlights: s.highlights,
  };
}

// Moves a cut to a white-space boundary so that no word (or surrogate pair) is split.
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const sp = text.lastIndexOf(' ', at);
  const nl = text.lastIndexOf('\n', at);
  return Math.max(sp, nl) + 1;
}

const SPACE = /\s/g;

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  SPACE.lastIndex = at;
  const m = SPACE.exec(text);
  return m ? m.index : text.length;
}
