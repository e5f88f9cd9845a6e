import { contentAfter } from '../content.js';
import { tokenFrom } from '../search.js';
import { subjectAt } from '../subject.js';
import type { VerbContext } from './context.js';

/**
 * `… and said that …` (rule `coordinated`): the subject of the first verb speaks. Inside an
 * earlier content (`noted that Zelenskyy is … and is begging …`) the inner subject speaks.
 */
export function coordinated(c: VerbContext): void {
  const { toks, a, b, quotes, lex, out, h, base, k, p } = c;
  const outer = [...out].reverse().find((d) => d.np);
  // An auxiliary after `and` (`and is begging`) marks a new verb phrase of the inner clause.
  const aux = toks.slice(k + 1, h.i).some((t) => lex.words.auxiliaries.has(t.lw));
  const inside =
    outer && aux && outer.content.start <= toks[h.i]!.start && toks[h.i]!.start < outer.content.end;
  const at = inside ? tokenFrom(toks, outer.content.start) : a;
  const from = at < toks.length ? at : -1;
  const host = inside ? undefined : outer;
  const np = host?.np ?? subjectAt(toks, from, k, lex);
  const content = np ? contentAfter(toks, p, a, b, quotes, lex) : null;
  if (content && np)
    out.push({
      ...base,
      content,
      np,
      rule: 'coordinated',
      contentAfter: true,
      clauseStart: toks[k]!.start,
    });
}
