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
 * cut at word boundaries. A phrase is marked only where its words follow one another (as the
 * index matches it), as one highlight from its first word to its last; single words and
 * prefixes wherever they occur. Computed in JavaScript from the stored text so that both
 * backends give the same snippets.
 */
export function makeSnippets(text: string, query: QueryNode, max = 2): Snippet[] {
  return snippetMaker(query, max)(text, true)!;
}

/**
 * {@link makeSnippets} for one query, set up once (its stems and the regular expression of their
 * first letters) and applied to each hit's text. Given the beginning of a text (`whole` false),
 * it answers only when that is enough for the snippets of the whole text — `max` of them, the
 * last ending at a white space before the cut, and no phrase near the cut whose match the rest
 * could change — and undefined otherwise: a search reads (and decodes) a long text's first
 * characters, and all of it only when its matches come later.
 */
export function snippetMaker(
  query: QueryNode,
  max = 2,
): (text: string, whole: boolean) => Snippet[] | undefined {
  const { wanted, candidates } = wantedOf(query);
  return (text, whole) => {
    if (!candidates) return [];
    // Hits are found lazily: a long article is scanned only as far as its first `max` snippets.
    const hits = matches(text, candidates, wanted, whole);
    // Whether the hits stopped at a phrase the cut text cannot tell.
    let unsure = false;
    const next = () => {
      const h = hits.next();
      if (h.done && h.value) unsure = true;
      return h;
    };
    let hit = next();
    const out: Snippet[] = [];
    while (!hit.done && out.length < max) {
      const first = hit.value;
      let start = Math.max(0, first.start - WIDTH / 4);
      let end = Math.min(text.length, start + WIDTH);
      start = wordStart(text, start);
      end = wordEnd(text, end);
      const highlights: { start: number; end: number }[] = [];
      // A hit whose first word fits is taken whole: a phrase across the window's end widens it.
      while (!hit.done && hit.value.first <= end) {
        highlights.push({ start: hit.value.start - start, end: hit.value.end - start });
        if (hit.value.end > end) end = wordEnd(text, hit.value.end);
        hit = next();
      }
      if (highlights.length === 0) {
        hit = next();
        continue;
      }
      // A cut text: a snippet must end where the whole text's would (at a white space before
      // the cut), and the matches of the next one may lie beyond the cut.
      if (!whole && end >= text.length) return undefined;
      // Each white-space character becomes a space (offsets unchanged).
      out.push({ text: text.slice(start, end).replace(SPACE, ' '), highlights });
    }
    if (unsure) return undefined;
    return whole || out.length === max ? out : undefined;
  };
}

/**
 * Every highlight of a short text (a hit's title) for one query, marked as snippets mark them:
 * half-open UTF-16 offsets into the text, in order.
 *
 * @example
 * highlighter(parseQuery('"White House"'))('Talks at the White House'); // [{start: 13, end: 24}]
 */
export function highlighter(query: QueryNode): (text: string) => { start: number; end: number }[] {
  const { wanted, candidates } = wantedOf(query);
  return (text) => {
    if (!candidates) return [];
    const out: { start: number; end: number }[] = [];
    for (const h of matches(text, candidates, wanted, true)) out.push({ start: h.start, end: h.end });
    return out;
  };
}

/** What a query's highlights mark, and the regular expression of its candidate words. */
function wantedOf(query: QueryNode): { wanted: Wanted; candidates: RegExp | undefined } {
  const { stems, prefixes, phrases } = positiveStems(query);
  // A phrase's other words, by its first word's stem.
  const tails = new Map<string, string[][]>();
  for (const p of phrases) tails.set(p[0]!, [...(tails.get(p[0]!) ?? []), p.slice(1)]);
  // Stemming every word of a long article would dominate search time: only words sharing
  // their first letter with a wanted stem (or a phrase's first) are stemmed.
  const heads = new Set([...stems, ...prefixes, ...tails.keys()].map((s) => s.slice(0, 1)));
  return { wanted: { stems, prefixes, tails, heads }, candidates: candidateWords(heads) };
}

const SPACE = /\s/g;

/** What a query's snippets mark: its stems, prefixes, phrases (by first stem) and first letters. */
interface Wanted {
  stems: Set<string>;
  prefixes: string[];
  /** The words after a phrase's first, by the first's stem. */
  tails: Map<string, string[][]>;
  heads: Set<string>;
}

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
  return /[\uD800-\uDFFF]/.test(cls)
    ? new RegExp(WORD.source, 'gu')
    : new RegExp(`(?<![\\p{L}\\p{N}])[${cls}][\\p{L}\\p{N}]*`, 'giu');
}

/** A highlight in the text: its offsets and where its first word ends. */
interface Hit {
  start: number;
  end: number;
  first: number;
}

/** The word after a phrase's word, and the words inside a phrase's match (the index's tokens). */
const NEXT = new RegExp(WORD.source, 'gu');
const INSIDE = new RegExp(WORD.source, 'gu');
/** {@link matchEnd}'s answer when the text is cut too early to tell. */
const UNSURE = -2;

/**
 * The highlights of `text`, in order: the words whose stem the query wants, and the phrases'
 * occurrences (overlapping ones, as `"a b a"` twice in `a b a b a`, make one). Returns true when
 * it stopped at a phrase a cut text (`whole` false) cannot tell.
 */
function* matches(text: string, candidates: RegExp, w: Wanted, whole: boolean): Generator<Hit, boolean> {
  candidates.lastIndex = 0;
  for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
    const first = m.index + m[0].length;
    let end = matchEnd(text, m.index, m[0], w, whole);
    if (end === UNSURE) return true;
    if (end < 0) continue;
    if (end > first) {
      INSIDE.lastIndex = first;
      for (let n = INSIDE.exec(text); n && n.index < end; n = INSIDE.exec(text)) {
        const e = matchEnd(text, n.index, n[0], w, whole);
        if (e === UNSURE) return true;
        if (e > end) end = e;
      }
    }
    yield { start: m.index, end, first };
    candidates.lastIndex = end;
  }
  return false;
}

/**
 * Where the longest match starting with the word `word` at `at` ends: the word itself when the
 * query wants its stem, a phrase's last word when the phrase follows; -1 when none,
 * {@link UNSURE} when a phrase runs into the end of a cut text.
 */
function matchEnd(text: string, at: number, word: string, w: Wanted, whole: boolean): number {
  const head = word.slice(0, 1).toLowerCase().replace('ё', 'е');
  if (!w.heads.has(head)) return -1;
  const s = stemWord(word);
  const after = at + word.length;
  let end = w.stems.has(s) || w.prefixes.some((p) => s.startsWith(p)) ? after : -1;
  const tails = w.tails.get(s);
  // A word the cut ends (or touches) is the cut text's last: what it matches lies beyond any
  // snippet the cut text answers with, as a single word's does.
  if (!tails || (!whole && after >= text.length)) return end;
  for (const tail of tails) {
    let e = after;
    for (const t of tail) {
      NEXT.lastIndex = e;
      const n = NEXT.exec(text);
      if (!whole && (!n || n.index + n[0].length >= text.length)) return UNSURE;
      if (!n || stemWord(n[0]) !== t) {
        e = -1;
        break;
      }
      e = n.index + n[0].length;
    }
    if (e > end) end = e;
  }
  return end;
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
