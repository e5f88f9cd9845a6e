import { type Block, linkDensity, type Totals } from './blocks.js';
import type { El } from './dom.js';
import { classWeight } from './hints.js';

// Blocks held directly by these elements count as paragraphs (Readability scores p, td, pre
// and divs with no block children; a block owned by a div is exactly such text).
const SCORED = new Set([
  'p',
  'td',
  'pre',
  'div',
  'section',
  'article',
  'blockquote',
  'main',
  'center',
  'font',
]);

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Content scores of candidate containers, before link-density scaling. */
export type Scores = Map<El, number>;

/**
 * Scores containers by the paragraphs they hold, as Readability does: each paragraph of 25+
 * characters is worth 1 + its commas + one point per 100 characters (at most 3), given in full
 * to its parent, half to the grandparent and less further up; every candidate starts from a
 * weight for its tag and its class/id hints.
 */
export function scoreBlocks(blocks: readonly Block[], root: El): Scores {
  const scores: Scores = new Map();
  for (const b of blocks) {
    if (!SCORED.has(b.el.tag) || b.text.length < 25) continue;
    const commas = (b.text.match(/[,，،、]/g) ?? []).length;
    const s = 1 + commas + Math.min(Math.floor(b.text.length / 100), 3);
    // The owner of a div-held block is itself a paragraph; Readability scores from its parent.
    let e: El | undefined = b.el.tag === 'div' || b.el.tag === 'td' ? b.el : b.el.parent;
    for (let level = 0; e && e !== root && level < 5; level++, e = e.parent) {
      if (!scores.has(e)) scores.set(e, tagWeight(e.tag) + classWeight(e));
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(e, scores.get(e)! + s / div);
    }
  }
  return scores;
}

/** The chosen container and the best-scoring element it was grown from. */
export interface Top {
  top: El;
  seed: El;
}

/** The best container: highest score scaled by (1 − link density), refined like Readability. */
export function pickTop(scores: Scores, totals: Totals, root: El): Top | undefined {
  const ranked = [...scores.entries()]
    .map(([el, s]) => [el, s * (1 - linkDensity(totals, el))] as const)
    .sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return undefined;
  const final = new Map(ranked);
  const seed = ranked[0]![0];
  let [top, topScore] = ranked[0]!;
  // When several strong candidates share an ancestor, the article spans them: take it.
  const strong = ranked.slice(1, 5).filter(([, s]) => s >= topScore * 0.75);
  if (strong.length >= 2) {
    for (let p = top.parent; p && p !== root; p = p.parent) {
      const under = strong.filter(([el]) => contains(p!, el)).length;
      if (under >= 2) {
        top = p;
        break;
      }
    }
  }
  // Climb while the parent scores nearly as well or the candidate is an only child.
  for (let p = top.parent; p && p !== root && p.tag !== 'body'; p = top.parent) {
    const ps = final.get(p) ?? 0;
    const elementChildren = p.children.filter((c) => typeof c !== 'string');
    if (elementChildren.length === 1 || ps > (final.get(top) ?? topScore) * 1.0) {
      top = p;
      topScore = ps;
    } else break;
  }
  return { top, seed };
}

/** True when `el` is `anc` or lies under it. */
export function contains(anc: El, el: El): boolean {
  for (let e: El | undefined = el; e; e = e.parent) if (e === anc) return true;
  return false;
}
