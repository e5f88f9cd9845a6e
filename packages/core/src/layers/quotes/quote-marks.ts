import type { Paragraph, Span } from '../../schema.js';
import { SpanSet } from './span-sets.js';

/** A quotation found by its marks. `open` is false when the closing mark was never found. */
export interface QuoteMarkSpan extends Span {
  closed: boolean;
  /** Paragraph index of the opening mark. */
  paragraph: number;
}

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’', '‹': '›' };
const MARK = /["“”«»„‘’‹›']/g;
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** Dash speech right after a closing mark (`", - сказал`, `" — отметил`). */
const DASH_SPEECH = /^[,.]?\s*[-—–]\s/;

/** Straight and curly double marks close each other: copy often mixes them (`"I prefer Kasich,”`). */
const closes = (ch: string, want: string) =>
  ch === want || (want === '"' && ch === '”') || (want === '”' && ch === '"');

/** Whether the mark at `i` can open a quotation (apostrophes inside words cannot). */
function canOpen(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!(ch in PAIRS)) return false;
  if (ch === '‘' || ch === '"') return !isLetter(text[i - 1]) && !/\s/.test(text[i + 1] ?? ' ');
  return true;
}

/**
 * Finds quotations by their marks, per paragraph (duplicated paragraphs skipped). A quotation
 * left open at the end of a paragraph continues into the next one when that paragraph closes it
 * before opening another (a closing mark on its own line), or when the next paragraph reopens
 * (the convention for multi-paragraph quotes); otherwise it ends with the paragraph, unclosed.
 * With `nestStraight` (Russian copy, which nests straight marks: `"… была "более длинная рука",
 * но …"`), a straight mark after a space that opens a word inside a straight quotation opens a
 * nested one; a mark followed by dash speech (`…войну", - сказал`) closes every level.
 */
export function findQuoteMarks(
  source: string,
  paragraphs: readonly Paragraph[],
  nestStraight = false,
): QuoteMarkSpan[] {
  const text = unwrapFields(source, paragraphs);
  const out: QuoteMarkSpan[] = [];
  let open = null as { at: number; close: string; paragraph: number } | null;
  // Straight quotations opened inside the open one (with `nestStraight`).
  let depth = 0;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    if (p.duplicateOf !== undefined) continue;
    if (open) {
      // Does this paragraph close the carried quotation before anything opens?
      const closeAt = firstCloser(text, p, open.close);
      if (closeAt < 0) {
        out.push({
          start: open.at,
          end: paragraphs[open.paragraph]!.end,
          closed: false,
          paragraph: open.paragraph,
        });
        open = null;
      }
    }
    MARK.lastIndex = p.start;
    for (let i = p.start; i < p.end; i++) {
      // Jump to the next quotation-mark character; most of the text has none.
      const hit = MARK.exec(text);
      if (!hit || hit.index >= p.end) break;
      i = hit.index;
      MARK.lastIndex = i + 1;
      const ch = text[i]!;
      // Two apostrophes stand for a double quotation mark in some wire copy (`''Good news,'' he said`).
      const twin = ch === "'" && text[i + 1] === "'";
      if (open) {
        if (nestStraight && ch === '"' && open.close === '"') {
          if (/[\s(:]/.test(text[i - 1] ?? ' ') && isLetter(text[i + 1])) {
            depth++;
            continue;
          }
          if (depth > 0 && !DASH_SPEECH.test(text.slice(i + 1, i + 5))) {
            depth--;
            continue;
          }
          depth = 0;
        }
        if (twin && open.close === "''") {
          out.push({ start: open.at, end: i + 2, closed: true, paragraph: open.paragraph });
          open = null;
          i++;
          MARK.lastIndex = i + 1;
        } else if (closes(ch, open.close) && !(ch === '’' && isLetter(text[i + 1]))) {
          out.push({ start: open.at, end: i + 1, closed: true, paragraph: open.paragraph });
          open = null;
        }
      } else if (twin && !isLetter(text[i - 1]) && isLetter(text[i + 2])) {
        open = { at: i, close: "''", paragraph: pi };
        i++;
        MARK.lastIndex = i + 1;
      } else if (canOpen(text, i)) {
        open = { at: i, close: PAIRS[ch]!, paragraph: pi };
      }
    }
    if (open && open.paragraph !== pi) {
      out.push({ start: open.at, end: p.end, closed: false, paragraph: open.paragraph });
      open = null;
    }
    if (!open) depth = 0;
  }
  if (open)
    out.push({
      start: open.at,
      end: paragraphs[open.paragraph]!.end,
      closed: false,
      paragraph: open.paragraph,
    });
  return out;
}

// A sentence boundary inside a field: a stop, maybe a closing mark, spaces and a capital.
const SENTENCE_BREAK = /[.!?…]["»”]*\s+["«“„]*[\p{Lu}\p{N}]/gu;

/**
 * A body exported as one CSV field: after a first line (the title), a paragraph opened by a
 * straight mark that closes only at the very end of the text, with no straight mark between.
 */
export const CSV_BODY = /^[^"\n]*\n\s*"[^"]*"\s*$/;

/**
 * Straight marks that wrap text exported as a CSV field, not a quotation: a `"` at the first
 * character of a paragraph closed by a `"` at the last character of that paragraph or a later
 * one, with every straight mark between doubled (`""`, the CSV escape), when the field holds
 * escaped marks (proof of the export, and the quotations are those), or when it is the whole
 * body after the title line ({@link CSV_BODY}) and runs to several paragraphs or three sentences.
 * A paragraph that is wholly in marks with nothing escaped inside stays a quotation, however
 * long, anywhere else (English copy quotes whole paragraphs: `"We need law and order. If we
 * don't … You walk down the street …"`), and so does a body of one or two sentences in marks;
 * `"We will …," he said.` does not close at the end, and a quotation carried over paragraphs by
 * reopening marks has a lone mark between. Returns the wrapper pairs.
 */
export function csvWrappers(text: string, paragraphs: readonly Paragraph[]): Span[] {
  const out: Span[] = [];
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const at = p.start + text.slice(p.start, p.end).search(/\S|$/);
    if (text[at] !== '"' || p.duplicateOf !== undefined) continue;
    // The field's end: the first lone straight mark after the opening one.
    let end = -1;
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] !== '"') continue;
      if (text[i + 1] === '"') {
        i++;
        continue;
      }
      end = i;
      break;
    }
    if (end < 0) continue;
    const close = paragraphs.findIndex((q, qi) => qi >= pi && q.start <= end && end < q.end);
    if (close < 0 || text.slice(end + 1, paragraphs[close]!.end).trim() !== '') continue;
    const inner = text.slice(at + 1, end);
    const body = () => CSV_BODY.test(text) && (close > pi || (inner.match(SENTENCE_BREAK)?.length ?? 0) >= 2);
    if (!inner.includes('""') && !body()) continue;
    out.push({ start: at, end: end + 1 });
    pi = close;
  }
  return out;
}

/**
 * The text as quotation marks are read in it: CSV field wrappers ({@link csvWrappers}) blanked
 * and the escaped marks inside them read as one (`""Мы` → ` "Мы`, `готовы""` → `готовы" `).
 * Same length, so offsets hold; the text itself is returned when no field is wrapped.
 */
export function unwrapFields(text: string, paragraphs: readonly Paragraph[]): string {
  const fields = csvWrappers(text, paragraphs);
  if (fields.length === 0) return text;
  let read = '';
  let from = 0;
  for (const f of fields) {
    const inner = text
      .slice(f.start + 1, f.end - 1)
      .replace(/""/g, (_m, i: number, s: string) =>
        !isLetter(s[i - 1]) && /[^\s,.;:!?)]/.test(s[i + 2] ?? ' ') ? ' "' : '" ',
      );
    read += `${text.slice(from, f.start)} ${inner} `;
    from = f.end;
  }
  return read + text.slice(from);
}

/** Index of the first closing mark `close` in `p` that comes before any opening mark, or -1. */
function firstCloser(text: string, p: Span, close: string): number {
  for (let i = p.start; i < p.end; i++) {
    const ch = text[i]!;
    // A straight mark that starts a paragraph and touches a word opens a new quotation.
    if (close === "''" && ch === "'" && text[i + 1] === "'")
      return i === p.start && isLetter(text[i + 2]) ? -1 : i;
    if (ch === close) return ch === '"' && i === p.start && isLetter(text[i + 1]) ? -1 : i;
    if (ch !== '"' && canOpen(text, i)) return -1;
  }
  return -1;
}

/** A paragraph opened by a dash: in Russian typography, direct speech (an interview's answers). */
const DASH_OPENS = /^[ \t\u00a0]*[—–][ \u00a0]+/;
/** The author's words inside dash speech: `, — сказал он`, `! – воскликнул министр` (`, —считает` glued too). */
const AUTHOR = /([,!?…])[ \u00a0]*[—–][ \u00a0]*(?=[а-яё])/g;
/** The speech resumed after the author's words: `… сказал он. — Мы продолжим`. */
const RESUMED = /^[^.!?…]*[.:][ \u00a0]+([—–])[ \u00a0]+/;

/**
 * Russian direct speech set off by dashes instead of marks, as quotations: a paragraph opened by
 * a dash (`— Мы готовы, — сказал министр.`; interview answers) is the speaker's words from the
 * dash to the author's words (`, — сказал …`: the comma stays outside, a `!`, `?` or `…` inside)
 * or to the paragraph's end, and the speech resumed after them (`… министр. — Мы …`) is another.
 * A paragraph ending in a question is the interviewer's (the outlet's own), one whose dash is
 * followed by a small letter the author's words. Paragraphs where a
 * quotation mark falls inside such a span keep their marks alone, so quotations stay disjoint.
 */
export function withDashSpeech(
  text: string,
  paragraphs: readonly Paragraph[],
  marks: QuoteMarkSpan[],
): QuoteMarkSpan[] {
  const dashes: QuoteMarkSpan[] = [];
  paragraphs.forEach((p, paragraph) => {
    if (p.duplicateOf !== undefined) return;
    const body = text.slice(p.start, p.end);
    const open = DASH_OPENS.exec(body);
    // Speech starts with a capital; a dash before a small letter opens the author's words
    // (`– предупреждает телеканал CNBC.` after a paragraph of quoted text).
    if (!open || !/^[\p{Lu}\p{N}]/u.test(body.slice(open[0].length)) || /\?[\s"»”]*$/.test(body)) return;
    let from = open[0].length - open[0].trimStart().length;
    while (from >= 0) {
      AUTHOR.lastIndex = from + 1;
      const author = AUTHOR.exec(body);
      const end = author ? author.index + (author[1] === ',' ? 0 : 1) : body.trimEnd().length;
      if (end > from + 1) dashes.push({ start: p.start + from, end: p.start + end, closed: true, paragraph });
      if (!author) break;
      const rest = body.slice(author.index + author[0].length);
      const resumed = RESUMED.exec(rest);
      from = resumed ? author.index + author[0].length + resumed[0].indexOf(resumed[1]!) : -1;
    }
  });
  if (dashes.length === 0) return marks;
  // By binary search: a scan of every mark per dash was quadratic in a long interview.
  const taken = new SpanSet(marks);
  const clear = dashes.filter((d) => !taken.overlaps(d.start, d.end));
  return [...marks, ...clear].sort((a, b) => a.start - b.start);
}
