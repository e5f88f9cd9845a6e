import type { GoldSpan, SemevalArticle } from './dataset.js';
import { spanTechniques } from './segment.js';

/** How an article's body is laid out in lines (its title always keeps its own line). */
export type Layout = 'original' | 'sentences' | 'merged';

/** The layouts the robustness test compares. */
export const LAYOUTS: readonly Layout[] = ['original', 'sentences', 'merged'];

/** A piece of the original text and where it goes. */
export interface Piece {
  start: number;
  end: number;
}

/** An article laid out anew: its text, its lines' gold techniques (from the span file), its spans. */
export interface LaidOut {
  text: string;
  /** Gold techniques per 1-based line number of `text`, for every non-blank line. */
  lines: Map<number, string[]>;
  /** The gold spans, in offsets of `text`. */
  spans: GoldSpan[];
  /** Where each piece of the original text went: `at` in `text`, `[start, end)` in the original. */
  pieces: (Piece & { at: number })[];
}

/** The original offset of `offset` in a laid-out text (inside a piece, or at its end). */
export function originalOffset(laid: LaidOut, offset: number): number {
  let best = laid.pieces[0];
  for (const p of laid.pieces) if (p.at <= offset) best = p;
  return best ? Math.min(best.end, best.start + (offset - best.at)) : offset;
}

/**
 * The lines of a layout as lists of ranges of the original text (`src`): `original` keeps the
 * paragraphs; `sentences` puts every sentence of a body paragraph on its own line; `merged`
 * joins body paragraphs into lines of at least `mergeWords` words. The first paragraph (the
 * title) always keeps its own line.
 */
export function layoutLines(
  src: string,
  paragraphs: readonly Piece[],
  sentences: readonly (Piece & { paragraph: number })[],
  layout: Layout,
  mergeWords = 90,
): Piece[][] {
  if (layout === 'original') return paragraphs.map((p) => [p]);
  if (layout === 'sentences') {
    const byPara = new Map<number, Piece[]>();
    for (const s of sentences) {
      const list = byPara.get(s.paragraph) ?? [];
      list.push(s);
      byPara.set(s.paragraph, list);
    }
    return paragraphs.flatMap((p, i) => {
      const ss = byPara.get(i);
      return i === 0 || !ss || ss.length < 2 ? [[p]] : ss.map((s) => [s]);
    });
  }
  const lines: Piece[][] = paragraphs.length ? [[paragraphs[0]!]] : [];
  let cur: Piece[] = [];
  let words = 0;
  for (let i = 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    cur.push(p);
    words += src.slice(p.start, p.end).split(/\s+/).filter(Boolean).length;
    if (words >= mergeWords) {
      lines.push(cur);
      cur = [];
      words = 0;
    }
  }
  if (cur.length) lines.push(cur);
  return lines;
}

/**
 * Lays `article` out again. `paragraphs` are its lines (as the `paragraphs` layer finds them),
 * `sentences` its sentences (each inside one paragraph), `layout` as {@link layoutLines} cuts
 * them. `original` keeps the text and takes the labels from the span file, as the other layouts
 * do. Lines are separated by blank lines (the data set's convention); the text of every line is
 * the original's, so the gold spans carry over by offset (a span across a new line break is cut
 * in two).
 */
export function relayout(
  article: SemevalArticle,
  paragraphs: readonly Piece[],
  sentences: readonly (Piece & { paragraph: number })[],
  layout: Layout,
  mergeWords = 90,
): LaidOut {
  const src = article.text;
  const spans = article.spans ?? [];
  // Each output line is a list of original ranges joined by one space.
  const lines = layoutLines(src, paragraphs, sentences, layout, mergeWords);
  let text = '';
  const labels = new Map<number, string[]>();
  const moved: GoldSpan[] = [];
  const pieces: (Piece & { at: number })[] = [];
  lines.forEach((ranges, k) => {
    if (k > 0) text += '\n\n';
    labels.set(2 * k + 1, [...new Set(spanTechniques(article, ranges).flat())].sort());
    ranges.forEach((r, j) => {
      if (j > 0) text += ' ';
      const shift = text.length - r.start;
      for (const s of spans) {
        const a = Math.max(s.start, r.start);
        const b = Math.min(s.end, r.end);
        if (b > a) moved.push({ technique: s.technique, start: a + shift, end: b + shift });
      }
      pieces.push({ at: text.length, start: r.start, end: r.end });
      text += src.slice(r.start, r.end);
    });
  });
  return { text: `${text}\n`, lines: labels, spans: moved, pieces };
}
