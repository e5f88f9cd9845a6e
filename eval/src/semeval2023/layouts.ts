import { NewsprismError, numberOption } from '@newsprism/core';
import type { GoldSpan, SemevalArticle } from './dataset.js';
import { segmentArticles, spanTechniques } from './segment.js';

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
export function originalOffset(laid: Pick<LaidOut, 'pieces'>, offset: number): number {
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

/** How a document's title (its first paragraph) is cased: as written, or in capitals as wire headlines are. */
export type Casing = 'original' | 'upper-title';

/** The casings {@link relayoutText} knows. */
export const CASINGS: readonly Casing[] = ['original', 'upper-title'];

/** A text laid out anew by {@link relayoutText}: where each piece of the original went. */
export interface Relaid {
  text: string;
  /** In order, covering the original text but for the whitespace between pieces. */
  pieces: (Piece & { at: number })[];
  /** Where the scored part of the original text ends (`--set lead=N` cuts the text there, `window=N` only the scoring). */
  end?: number;
}

/** Whether a span of the original text is scored (not past `--set lead=N` or `window=N`). */
export const inLaid = (laid: Pick<Relaid, 'end'>, span: Piece): boolean =>
  laid.end === undefined || span.end <= laid.end;

/** Whether a span of the laid-out text (a prediction) is scored (see {@link inLaid}). */
export const inLaidText = (laid: Pick<Relaid, 'end' | 'pieces'>, span: Piece): boolean =>
  laid.end === undefined || span.end <= laidOffset(laid, laid.end, 'end');

/** Upper-cases `s` character by character, leaving those whose capital has another length (`ß`). */
function upperSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += up.length === ch.length ? up : ch;
  }
  return out;
}

/** A paragraph opened by a dash: a turn of dialogue or an interview answer (Russian typography). */
const DIALOGUE_TURN = /^[—–-][ \u00a0]/;

/** Whether a quotation is still open at the end of `s` (curly, guillemet or an odd number of straight marks). */
function quoteOpen(s: string): boolean {
  const n = (re: RegExp) => s.match(re)?.length ?? 0;
  return n(/“/g) > n(/”/g) || n(/«/g) > n(/»/g) || n(/"/g) % 2 === 1;
}

/**
 * The sentences joined so that no quotation is cut: a sentence that ends inside a quotation
 * opened in its paragraph is joined with the next one of the same paragraph. Writers who put one
 * sentence on a line do not break a line inside a quotation without opening it again, so the
 * `sentences` layout keeps a quoted passage of several sentences on one line.
 */
export function wholeQuotations<T extends Piece & { paragraph: number }>(
  src: string,
  paragraphs: readonly Piece[],
  sentences: readonly T[],
): T[] {
  const out: T[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const para = paragraphs[s.paragraph];
    if (prev && para && prev.paragraph === s.paragraph && quoteOpen(src.slice(para.start, prev.end)))
      out[out.length - 1] = { ...prev, end: s.end };
    else out.push(s);
  }
  return out;
}

/**
 * Lays any document out again, for robustness tests on data sets whose gold is in offsets
 * (quotes, NER, naming): the lines of {@link layoutLines}, where only the whitespace between
 * pieces changes (`sentences` keeps a quotation whole, see {@link wholeQuotations}; `merged`
 * keeps the breaks before dialogue turns and after a quotation left open for the next paragraph,
 * which writers keep however they paragraph) — a line break of the original stays as written, a new line break is the
 * document's own paragraph separator (`\n\n` when it has none), and pieces joined on a line are
 * separated by one space. Every other character is copied (each piece reaches up to the
 * whitespace before the next one, so nothing the segmenters leave out is lost); `upper-title`
 * then writes the first paragraph in capitals. `original` with `original` casing gives the text
 * back unchanged. Map gold offsets with {@link laidOffset} / {@link laidSpan}, and back with
 * {@link originalOffset}.
 */
export function relayoutText(
  src: string,
  paragraphs: readonly Piece[],
  sentences: readonly (Piece & { paragraph: number })[],
  layout: Layout,
  casing: Casing = 'original',
  mergeWords = 90,
): Relaid {
  const flat: (Piece & { newLine: boolean })[] =
    layout === 'original' || !paragraphs.length
      ? [{ start: 0, end: src.length, newLine: true }]
      : layoutLines(src, paragraphs, wholeQuotations(src, paragraphs, sentences), layout, mergeWords).flatMap(
          (ranges) =>
            ranges.map((r, j) => ({
              start: r.start,
              end: r.end,
              // `merged` joins no dialogue turn (a paragraph opened by a dash) to the paragraph
              // before it, nor a paragraph whose quotation goes on in the next one (`“…` then `“…”`).
              newLine:
                j === 0 ||
                DIALOGUE_TURN.test(src.slice(r.start, r.end)) ||
                quoteOpen(src.slice(ranges[j - 1]!.start, ranges[j - 1]!.end)),
            })),
        );
  flat[0]!.start = 0;
  flat[flat.length - 1]!.end = src.length;
  for (let k = 0; k + 1 < flat.length; k++) {
    const p = flat[k]!;
    const next = flat[k + 1]!;
    // What lies between two pieces is split at its whitespace (the run with a line break, else
    // the longest): the characters before it stay with `p`, those after it go with `next`.
    const between = src.slice(p.end, Math.max(p.end, next.start));
    let gap: RegExpExecArray | undefined;
    for (const m of between.matchAll(/\s+/g))
      if (
        !gap ||
        (m[0].includes('\n') && !gap[0].includes('\n')) ||
        (m[0].includes('\n') === gap[0].includes('\n') && m[0].length > gap[0].length)
      )
        gap = m;
    const from = p.end;
    p.end = gap ? from + gap.index : Math.max(from, next.start);
    next.start = gap ? from + gap.index + gap[0].length : p.end;
  }
  const lineGap = flat.findIndex(
    (p, k) => k > 0 && p.newLine && src.slice(flat[k - 1]!.end, p.start).includes('\n'),
  );
  const paraSep = lineGap > 0 ? src.slice(flat[lineGap - 1]!.end, flat[lineGap]!.start) : '\n\n';
  let text = '';
  const pieces: (Piece & { at: number })[] = [];
  flat.forEach((p, k) => {
    if (k > 0) {
      const gap = src.slice(flat[k - 1]!.end, p.start);
      text += !p.newLine ? ' ' : gap.includes('\n') ? gap : paraSep;
    }
    pieces.push({ start: p.start, end: p.end, at: text.length });
    text += src.slice(p.start, p.end);
  });
  if (casing === 'upper-title' && paragraphs.length) {
    const laid = { text, pieces };
    const a = laidOffset(laid, paragraphs[0]!.start, 'start');
    const b = laidOffset(laid, paragraphs[0]!.end, 'end');
    text = text.slice(0, a) + upperSameLength(text.slice(a, b)) + text.slice(b);
  }
  return { text, pieces };
}

/**
 * Where the original offset `offset` is in a laid-out text. An offset in the whitespace that
 * was replaced between two pieces goes to the start of the next piece (`side: 'start'`) or the
 * end of the previous one (`'end'`), so a span keeps exactly its characters.
 */
export function laidOffset(laid: Pick<Relaid, 'pieces'>, offset: number, side: 'start' | 'end'): number {
  const { pieces } = laid;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const inside =
      side === 'start' ? p.start <= offset && offset < p.end : p.start < offset && offset <= p.end;
    if (inside) return p.at + (offset - p.start);
    if (offset < p.start) {
      if (side === 'start' || i === 0) return p.at;
      const q = pieces[i - 1]!;
      return q.at + (q.end - q.start);
    }
  }
  const last = pieces[pieces.length - 1];
  return last ? last.at + (last.end - last.start) : offset;
}

/** A span of the original text moved into a laid-out text (its other fields kept). */
export function laidSpan<T extends Piece>(laid: Pick<Relaid, 'pieces'>, span: T): T {
  const start = laidOffset(laid, span.start, 'start');
  return { ...span, start, end: Math.max(start, laidOffset(laid, span.end, 'end')) };
}

/** The layout and casing asked for with `--set layout=… casing=…` (both `original` by default). */
export function layoutOption(extra: Record<string, string>): { layout: Layout; casing: Casing } {
  const layout = (extra.layout ?? 'original') as Layout;
  const casing = (extra.casing ?? 'original') as Casing;
  if (!LAYOUTS.includes(layout))
    throw new NewsprismError('E_OPTION_VALUE', `layout: ${layout} is not one of ${LAYOUTS.join(', ')}`);
  if (!CASINGS.includes(casing))
    throw new NewsprismError('E_OPTION_VALUE', `casing: ${casing} is not one of ${CASINGS.join(', ')}`);
  return { layout, casing };
}

/**
 * The documents laid out as `--set layout=… casing=…` asks (segmented by the pipeline's own
 * `paragraphs` and `sentences` layers, in each document's language), and cut after their first
 * `--set lead=N` paragraphs (the title counts: short documents), or, with `--set window=N`,
 * analysed whole but scored on those paragraphs only (the reference `lead` compares with);
 * with `--set append=K`, each document is followed by the next K of the list (long documents)
 * and scored on its own part; `undefined` when nothing changes. Gold spans and predictions past the cut are left out of the
 * scores ({@link inLaid}, {@link inLaidText}).
 */
export async function relayDocs(
  docs: readonly { id: string; text: string; lang: string }[],
  extra: Record<string, string>,
): Promise<Relaid[] | undefined> {
  const { layout, casing } = layoutOption(extra);
  const whole = (key: string, fallback: number) => numberOption(extra, key, fallback, { int: true, min: 1 });
  const mergeWords = whole('mergeWords', 90);
  if (extra.lead !== undefined && extra.window !== undefined)
    throw new NewsprismError('E_OPTION_VALUE', 'lead and window: give one of them');
  const cutAt = extra.lead === undefined ? undefined : whole('lead', 1);
  const scoreTo = extra.window === undefined ? cutAt : whole('window', 1);
  const append = extra.append === undefined ? 0 : Math.min(whole('append', 1), docs.length - 1);
  if (layout === 'original' && casing === 'original' && scoreTo === undefined && !append) return undefined;
  const seg = await segmentArticles(docs);
  const laid = docs.map((d, i): Relaid => {
    const { paragraphs, sentences } = seg[i]!;
    const n = Math.min(scoreTo ?? paragraphs.length, paragraphs.length);
    const end = n < paragraphs.length ? paragraphs[n - 1]!.end : d.text.length;
    if (cutAt === undefined)
      return { ...relayoutText(d.text, paragraphs, sentences, layout, casing, mergeWords), end };
    const laid = relayoutText(
      d.text.slice(0, end),
      paragraphs.slice(0, n),
      sentences.filter((s) => s.paragraph < n),
      layout,
      casing,
      mergeWords,
    );
    return { ...laid, end };
  });
  if (!append) return laid;
  // Long documents: each followed by the next `append` ones (as laid out), scored on its own part.
  return laid.map((l, i) => {
    let text = l.text.replace(/\s*$/, '');
    for (let j = 1; j <= append; j++) text += `\n\n${laid[(i + j) % laid.length]!.text.trim()}`;
    return { ...l, text: `${text}\n`, end: Math.min(l.end ?? docs[i]!.text.length, l.pieces.at(-1)!.end) };
  });
}
