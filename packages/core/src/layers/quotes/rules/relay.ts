import { contentAfter } from '../content.js';
import { walkBack, walkForward } from '../tok.js';
import type { VerbContext } from './context.js';

/**
 * `Reuters quoted an official as saying …` (rule `relay`): the object of a relay verb is the
 * speaker, its subject the outlet or document that relays them.
 */
export function relay(c: VerbContext): void {
  const { toks, a, b, quotes, lex, out, h, base, k } = c;
  const obj = walkForward(toks, h.j, b, lex);
  const left = walkBack(toks, k, a, lex);
  if (!obj) return;
  let q = obj.e;
  while (q < b && /^(as|saying|advising|urging|being|to|,)$/.test(toks[q]!.lw)) q++;
  const content = contentAfter(toks, q, a, b, quotes, lex);
  if (content)
    out.push({ ...base, content, np: obj, viaNp: left ?? undefined, rule: 'relay', contentAfter: true });
}
