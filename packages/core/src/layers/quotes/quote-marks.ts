import type { Paragraph, Span } from '../../schema.js';

/** A quotation found by its marks. `open` is false when the closing mark was never found. */
export interface QuoteMarkSpan extends Span {
  closed: boolean;
  /** Paragraph index of the opening mark. */
  paragraph: number;
}

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’', '‹': '›' };
const MARK = /["“”«»„‘’‹›']/g;
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

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
 */
export function findQuoteMarks(text: string, paragraphs: readonly Paragraph[]): QuoteMarkSpan[] {
  const out: QuoteMarkSpan[] = [];
  let open = null as { at: number; close: string; paragraph: number } | null;
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
