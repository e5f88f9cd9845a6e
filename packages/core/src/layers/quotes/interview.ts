import type { Paragraph, Span } from '../../schema.js';
import type { Quote } from './types.js';

/** A paragraph that asks: it ends with `?` (and any closing marks): an interviewer's question. */
const QUESTION = /\?[\s"»”]*$/;
/** A paragraph of dash speech: it opens with a dash. */
const DASH_OPEN = /^[\s\u00a0]*[—–]/;

/**
 * Russian interviews and dash speech over several paragraphs: `— …, — считает политолог Иван
 * Петров.` then `— …` (his words go on), `«СП»: — …?` (a question) and `— …` (his answer). An
 * answer's dash speech names no speaker; it is the interviewee's — the speaker of the latest dash
 * speech with one — when the paragraph before it is a question, another dash paragraph, or that
 * speech's own paragraph, and no attribution outside a question came in between (the article has
 * moved on to someone else's words).
 */
export class Interviews {
  /** Attributed dash speech, by end. */
  private readonly dashes: Quote[];

  constructor(
    private readonly text: string,
    private readonly paragraphs: readonly Paragraph[],
    attributed: readonly Quote[],
  ) {
    this.dashes = attributed.filter((q) => DASH_OPEN.test(text.slice(q.start, q.start + 2)));
    this.dashes.sort((a, b) => a.end - b.end);
  }

  /**
   * The attribution whose speaker answers in the dash speech `m` of paragraph `paragraph`, given
   * `ended`, the latest attribution with a speaker that ends before it.
   */
  answered(m: Span, paragraph: number, ended: Quote | undefined): Quote | undefined {
    let lo = 0;
    let hi = this.dashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.dashes[mid]!.end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    const q = this.dashes[lo - 1];
    const prev = this.paragraphs[paragraph - 1];
    if (!q?.speaker || !prev) return undefined;
    // Someone else's words came after the interviewee's, outside a question: not an answer of theirs.
    if (ended && ended !== q && ended.end > q.end && !this.inQuestion(ended.start)) return undefined;
    const before = this.text.slice(prev.start, prev.end);
    const chained =
      QUESTION.test(before) || DASH_OPEN.test(before) || (q.start >= prev.start && q.start < prev.end);
    return chained ? q : undefined;
  }

  /** Whether `pos` lies in a question paragraph. */
  private inQuestion(pos: number): boolean {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paragraphs[mid]!.start <= pos) lo = mid + 1;
      else hi = mid;
    }
    const p = this.paragraphs[lo - 1];
    return p !== undefined && pos < p.end && QUESTION.test(this.text.slice(p.start, p.end));
  }
}
