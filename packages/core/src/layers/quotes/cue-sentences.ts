import type { NewsDocument, Span } from '../../schema.js';
import { tokensIn } from './clause-end.js';
import { lexiconFor } from './lexicon.js';
import { findQuoteMarks } from './quote-marks.js';
import type { Quote } from './types.js';

/** Index of the sentence holding offset `at`, or −1. */
function sentenceAt(sentences: readonly Span[], at: number): number {
  const [s, to] = tokensIn(sentences, at, at + 1);
  return to > s ? s : -1;
}

/**
 * The sentences (indices, ascending) that hold an attribution's cue: those whose parse the
 * parse-reading parts of the quotes layer read (`parseSentences`).
 */
export function cueSentences(sentences: readonly Span[], quotes: readonly Quote[]): number[] {
  const out = new Set<number>();
  for (const q of quotes) {
    if (!q.cue) continue;
    const s = sentenceAt(sentences, q.cue.start);
    if (s >= 0) out.add(s);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The sentences (indices, ascending) that hold a quotation mark or a word that starts one of
 * the language's cue phrases (`said`, `according`): every sentence a quote could come from,
 * before the rules decide. A document with `tokens`, `sentences`, `paragraphs` and `language`.
 */
export function markOrCueSentences(doc: NewsDocument): number[] {
  const lex = lexiconFor(doc.language!.code);
  const sentences = doc.sentences!;
  const out = new Set<number>();
  for (const m of findQuoteMarks(doc.text, doc.paragraphs!, lex.lang === 'ru')) {
    const s = sentenceAt(sentences, m.start);
    if (s >= 0) out.add(s);
  }
  for (const t of doc.tokens!) {
    const w = doc.text.slice(t.start, t.end).toLowerCase();
    if (!lex.verbs.has(w) && !lex.sourceAfter.has(w)) continue;
    const s = sentenceAt(sentences, t.start);
    if (s >= 0) out.add(s);
  }
  return [...out].sort((a, b) => a - b);
}
