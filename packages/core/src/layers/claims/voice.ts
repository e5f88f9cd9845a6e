import type { NewsDocument, Span } from '../../schema.js';
import type { Quote } from '../quotes/types.js';
import { quotedRegions, quotedShare } from './quoted.js';

/**
 * Who states a sentence or clause: the outlet itself, a source quoted word for word
 * (`quoted`), or a source whose words the outlet reports (`reported`, indirect speech).
 */
export type Voice = 'outlet' | 'quoted' | 'reported';

/** The voice of a span, and the attribution in the `quotes` layer it belongs to. */
export interface VoiceOf {
  voice: Voice;
  /** Index into the `quotes` layer. */
  quote?: number;
  /** The quote's resolved speaker, as written. */
  speaker?: string;
}

/**
 * Tells the voice of spans of one document. With a `quotes` layer, a span at least half
 * inside attributions' content takes the attribution covering most of it (`quoted` for direct quotes,
 * `reported` otherwise; scare quotes are not attributions). Without one, quotation marks
 * decide: half inside marks is `quoted`.
 */
export class VoiceFinder {
  private readonly quotes: { spans: Span[]; index: number; q: Quote; start: number; end: number }[] = [];
  private para = -1;
  private regions: Span[] = [];
  /** Attributions by the start of their extent, and a sweep over them for spans asked in text order. */
  private readonly byStart: number[];
  private next = 0;
  private near: number[] = [];
  private last = -1;

  constructor(private readonly doc: Readonly<NewsDocument>) {
    (doc.quotes ?? []).forEach((q, index) => {
      if (q.kind !== 'scare') {
        const spans = q.parts ?? [{ start: q.start, end: q.end }];
        const start = Math.min(...spans.map((p) => p.start));
        const end = Math.max(...spans.map((p) => p.end));
        this.quotes.push({ spans, index, q, start, end });
      }
    });
    this.byStart = this.quotes
      .map((_, i) => i)
      .sort((x, y) => this.quotes[x]!.start - this.quotes[y]!.start || x - y);
  }

  /**
   * The attributions whose extent overlaps `span`, in list order. Spans asked in text order
   * (sentences, clauses) cost one pass over the attributions in all: a quadratic scan of every
   * attribution per sentence was what made `claims` and `subjectivity` slow on long documents.
   */
  private overlapping(span: Span): number[] {
    if (span.start < this.last) {
      this.next = 0;
      this.near = [];
    }
    this.last = span.start;
    while (this.next < this.byStart.length && this.quotes[this.byStart[this.next]!]!.start < span.end)
      this.near.push(this.byStart[this.next++]!);
    // An attribution that ends before this span overlaps no later one either.
    this.near = this.near.filter((i) => this.quotes[i]!.end > span.start);
    return this.near.filter((i) => this.quotes[i]!.start < span.end).sort((x, y) => x - y);
  }

  /** The voice of `span`, which lies in paragraph `paragraph`. */
  of(span: Span, paragraph: number): VoiceOf {
    if (this.doc.quotes) {
      // A sentence may hold the end of one quote and the start of the next: their shares add
      // up, and the attribution with the largest share names the speaker.
      let total = 0;
      let best: (typeof this.quotes)[number] | undefined;
      let bestShare = 0;
      for (const i of this.overlapping(span)) {
        const entry = this.quotes[i]!;
        const share = quotedShare(span, entry.spans);
        total += share;
        if (share > bestShare) {
          bestShare = share;
          best = entry;
        }
      }
      if (!best || total < 0.5) return { voice: 'outlet' };
      const voice: Voice = best.q.kind === 'direct' ? 'quoted' : 'reported';
      const speaker = best.q.speaker?.name;
      return speaker ? { voice, quote: best.index, speaker } : { voice, quote: best.index };
    }
    if (paragraph !== this.para) {
      const p = this.doc.paragraphs![paragraph]!;
      this.para = paragraph;
      this.regions = quotedRegions(this.doc.text, p.start, p.end);
    }
    return { voice: quotedShare(span, this.regions) >= 0.5 ? 'quoted' : 'outlet' };
  }
}
