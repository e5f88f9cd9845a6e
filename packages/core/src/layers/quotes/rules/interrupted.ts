import type { Sentence } from '../../../schema.js';
import type { Candidate } from '../candidate.js';
import type { Lexicon } from '../lexicon.js';
import type { QuoteMarkSpan } from '../quote-marks.js';
import { DASHES } from '../speaker-phrase.js';
import { isTerminal, type Tok, walkForward } from '../tok.js';

/** The index of the sentence that holds offset `pos`, or -1 (sentences are sorted and disjoint). */
function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < sentences[lo - 1]!.end ? lo - 1 : -1;
}

const isDash = (t: Tok | undefined) => t !== undefined && DASHES.has(t.w);

/**
 * `«Мы фиксируем рост цен, — отметил замглавы МИД Александр Грушко. — Это следствие санкций»`
 * (rule `interrupted-quote`, Russian): a quotation interrupted inside its marks by
 * `— cue speaker. —`; its two pieces are the content, the speaker is the noun phrase after the cue.
 */
export function interruptedQuotes(
  toks: readonly Tok[],
  sentences: readonly Sentence[],
  quotes: readonly QuoteMarkSpan[],
  lex: Lexicon,
): Candidate[] {
  const out: Candidate[] = [];
  let k = 0;
  for (const m of quotes) {
    if (!m.closed) continue;
    while (k < toks.length && toks[k]!.start <= m.start) k++;
    for (let i = k; i + 3 < toks.length && toks[i]!.end < m.end; i++) {
      if (!isDash(toks[i]) || !lex.verbs.has(toks[i + 1]!.lw)) continue;
      const np = walkForward(toks, i + 2, toks.length, lex);
      if (!np) break;
      let j = np.e;
      if (toks[j]?.w === '.' || toks[j]?.w === ',') j++;
      if (!isDash(toks[j]) || j + 1 >= toks.length || toks[j + 1]!.start >= m.end) break;
      let e1 = i - 1;
      while (e1 > k && (toks[e1]!.w === ',' || isTerminal(toks[e1]!))) e1--;
      if (toks[e1]!.start <= m.start) break;
      const first = { start: m.start, end: toks[e1]!.end };
      const second = { start: toks[j + 1]!.start, end: m.end };
      const si = sentenceAt(sentences, toks[i + 1]!.start);
      out.push({
        content: { start: first.start, end: second.end },
        parts: [first, second],
        cue: { start: toks[i + 1]!.start, end: toks[i + 1]!.end },
        lemma: lex.verbs.get(toks[i + 1]!.lw)![0]!.lemma,
        np,
        sentence: Math.max(0, si),
        rule: 'interrupted-quote',
        contentAfter: false,
      });
      break;
    }
  }
  return out;
}
