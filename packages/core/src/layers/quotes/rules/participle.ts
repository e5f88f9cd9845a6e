import { contentAfter } from '../content.js';
import { subjectAt } from '../subject.js';
import type { VerbContext } from './context.js';

/**
 * `…, adding that …`, `…, заявив, что …` (rule `participle`): the speaker is that of the clause
 * the participle hangs on, else the sentence subject.
 */
export function participle(c: VerbContext): void {
  const { toks, a, b, quotes, lex, out, h, base, prev, p } = c;
  const content = contentAfter(toks, p, a, b, quotes, lex);
  const host = [...out].reverse().find((d) => d.np);
  const np = host?.np ?? subjectAt(toks, a, h.i - 1, lex) ?? undefined;
  if (content)
    out.push({
      ...base,
      np,
      content,
      rule: 'participle',
      contentAfter: true,
      clauseStart: prev!.w === ',' ? prev!.start : prev!.end,
    });
}
