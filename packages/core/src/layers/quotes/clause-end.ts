import type { Span, Token } from '../../schema.js';
import type { SyntaxLayer } from '../syntax/syntax.js';
import type { Quote } from './types.js';

/**
 * Ends a reported content at its cue verb's complement clause: when the syntax layer carries
 * dependencies (`syntax` with `deps: true`) and the cue has a `ccomp` dependent inside an
 * indirect content that follows the cue, the content ends where that dependent's subtree ends
 * (its trailing punctuation left out). Only ever shortens a content (`said [the talks failed],
 * and the minister resigned` → `the talks failed`). Returns the quotes cut.
 */
export function cutAtComplement(tokens: readonly Token[], syntax: SyntaxLayer, quotes: Quote[]): Quote[] {
  const head = syntax.head;
  const deprel = syntax.deprel;
  if (!head || !deprel || head.length !== tokens.length) return [];
  const cut: Quote[] = [];
  for (const q of quotes) {
    if (q.kind !== 'indirect' || !q.cue || q.parts || q.cue.end > q.start) continue;
    const cue = tokensIn(tokens, q.cue.start, q.cue.end);
    const inContent = (i: number) => tokens[i]!.start >= q.start && tokens[i]!.end <= q.end;
    // The first `ccomp` of a cue token that lies in the content.
    let clause = -1;
    for (let i = cue[1]; i < tokens.length && tokens[i]!.start < q.end && clause < 0; i++)
      if (deprel[i] === 'ccomp' && head[i]! >= cue[0] && head[i]! < cue[1] && inContent(i)) clause = i;
    if (clause < 0) continue;
    let last = subtreeEnd(head, clause);
    while (last > clause && syntax.upos[last] === 'PUNCT') last--;
    const end = tokens[last]!.end;
    if (end < q.end && end > q.start) {
      q.end = end;
      cut.push(q);
    }
  }
  return cut;
}

/** Token indices `[from, to)` of the tokens (or any ordered, disjoint spans) overlapping `[start, end)`. */
export function tokensIn(tokens: readonly Span[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  return [lo, to];
}

/** Whether token `i` lies in `root`'s subtree. */
function inSubtree(head: readonly number[], root: number, i: number): boolean {
  for (let at = i, steps = 0; at >= 0 && steps < head.length; steps++, at = head[at]!)
    if (at === root) return true;
  return false;
}

/** The last token of `root`'s subtree: the parser's trees are projective, so a subtree is contiguous. */
export function subtreeEnd(head: readonly number[], root: number): number {
  let last = root;
  while (last + 1 < head.length && inSubtree(head, root, last + 1)) last++;
  return last;
}

/** The first token of `root`'s subtree. */
export function subtreeStart(head: readonly number[], root: number): number {
  let first = root;
  while (first > 0 && inSubtree(head, root, first - 1)) first--;
  return first;
}
