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
 * give the same snippets.
 */
export function makeSnippets(text: string, query: QueryNode, max = 2): Snippet[] {
  return snippetMaker(query, max)(text, true)!;
}

/**
 * {@link makeSnippets} for one query, set up once (its stems and the regular expression of their
 * first letters) and applied to each hit's text. Given the beginning of a text (`whole` false),
 * it answers only when that is enough for the snippets of the whole text — `max` of them, the
 * last ending at a white space before the cut — and undefined otherwise: a search reads (and
 * decodes) a long text's first characters, and all of it only when its matches come later.
 */
export function snippetMaker(
  query: QueryNode,
  max = 2,
): (text: string, whole: boolean) => Snippet[] | undefined {
  const { stems, prefixes } = positiveStems(query);
  // Stemming every word of a long article would dominate search time: only words sharing
  // their first letter with a wanted stem are stemmed.
  const heads = new Set([...stems, ...prefixes].map((s) => s.slice(0, 1)));
  const candidates = candidateWords(heads);
  return (text, whole) => {
    if (!candidates) return [];
    // Hits are found lazily: a long article is scanned only as far as its first `max` snippets.
    const hits = matches(text, candidates, stems, prefixes, heads);
    let hit = hits.next();
    const out: Snippet[] = [];
    while (!hit.done && out.length < max) {
      const first = hit.value;
      let start = Math.max(0, first.start - WIDTH / 4);
      let end = Math.min(text.length, start + WIDTH);
      start = wordStart(text, start);
      end = wordEnd(text, end);
      const highlights: { start: number; end: number }[] = [];
      while (!hit.done && hit.value.end <= end) {
        highlights.push({ start: hit.value.start - start, end: hit.value.end - start });
        hit = hits.next();
      }
      if (highlights.length === 0) {
        hit = hits.next();
        continue;
      }
      // A cut text: a snippet must end where the whole text's would (at a white space before
      // the cut), and the matches of the next one may lie beyond the cut.
      if (!whole && end >= text.length) return undefined;
      // Each white-space character becomes a space (offsets unchanged).
      out.push({ text: text.slice(start, end).replace(SPACE, ' '), highlights });
    }
    return whole || out.length === max ? out : undefined;
  };
}

const SPACE = /\s/g;

/**
 * The words starting with a wanted first letter (any case; ё as е), or undefined when nothing
 * is wanted: the regular expression skips the other words without a JavaScript call per word.
 */
function candidateWords(heads: Set<string>): RegExp | undefined {
  if (heads.size === 0) return undefined;
  const first = new Set<string>();
  for (const h of heads) {
    first.add(h);
    if (h === 'е') first.add('ё');
  }
  const cls = [...first].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  // A head that is half of a surrogate pair cannot go in a character class: every word, then.
  return /[\uD800-\uDFFF]/.test(cls) ? WORD : new RegExp(`(?<![\\p{L}\\p{N}])[${cls}][\\p{L}\\p{N}]*`, 'giu');
}

/** The words of `text` whose stem the query wants, in order. */
function* matches(
  text: string,
  candidates: RegExp,
  stems: Set<string>,
  prefixes: string[],
  heads: Set<string>,
): Generator<{ start: number; end: number }> {
  for (const m of text.matchAll(candidates)) {
    const head = m[0].slice(0, 1).toLowerCase().replace('ё', 'е');
    if (!heads.has(head)) continue;
    const s = stemWord(m[0]);
    if (stems.has(s) || prefixes.some((p) => s.startsWith(p)))
      yield { start: m.index, end: m.index + m[0].length };
  }
}

// Moves a cut to a white-space boundary so that no word (or surrogate pair) is split.
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const sp = text.lastIndexOf(' ', at);
  const nl = text.lastIndexOf('\n', at);
  return Math.max(sp, nl) + 1;
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const m = /\s/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}
