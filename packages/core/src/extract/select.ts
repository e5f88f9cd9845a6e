import { type Block, linkDensity, type Totals } from './blocks.js';
import { descendants, type El } from './dom.js';
import { BOILER_TEXT, classWeight, RELATED_HEADING } from './hints.js';
import { contains, type Scores, type Top } from './score.js';

/**
 * The top candidate plus siblings that belong with it (Readability's rule): siblings that score
 * at least a fifth of the top, share its class, or are paragraphs of clean prose.
 */
export function withSiblings(
  { top, seed }: Top,
  scores: Scores,
  totals: Totals,
  blocks: readonly Block[],
): Set<El> {
  const picked = new Set<El>([top]);
  const parent = top.parent;
  if (!parent) return picked;
  const topScore = (scores.get(top) ?? 0) * (1 - linkDensity(totals, top));
  const threshold = Math.max(10, topScore * 0.2);
  const ownText = new Map<El, string>();
  for (const b of blocks) if (b.el.parent === parent) ownText.set(b.el, b.text);
  for (const c of parent.children) {
    if (typeof c === 'string' || c === top) continue;
    const bonus = c.attrs.class && c.attrs.class === top.attrs.class ? topScore * 0.2 : 0;
    const s = (scores.get(c) ?? 0) * (1 - linkDensity(totals, c)) + bonus;
    if (scores.has(c) && s >= threshold) {
      picked.add(c);
      continue;
    }
    if (c.tag !== 'p') continue;
    const text = ownText.get(c) ?? '';
    const ld = linkDensity(totals, c);
    if (
      (text.length > 80 && ld < 0.25) ||
      (text.length > 0 && text.length <= 80 && ld === 0 && /\.( |$)/.test(text))
    )
      picked.add(c);
  }
  // Articles split into chunks (a body column interrupted by ads or embeds) repeat the top
  // candidate's class (or that of the best element it grew from) elsewhere: take those chunks too.
  const classes = new Set([top.attrs.class?.trim(), seed.attrs.class?.trim()].filter((c) => !!c));
  if (classes.size > 0) {
    for (const el of scores.keys()) {
      if (!classes.has(el.attrs.class?.trim()) || picked.has(el)) continue;
      if (contains(top, el) || contains(el, top) || linkDensity(totals, el) > 0.3) continue;
      picked.add(el);
    }
  }
  return picked;
}

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'dl', 'aside', 'center']);

/**
 * Readability's conditional clean inside the chosen content: containers that read as link
 * lists, widgets or forms (by class weight, link density, lists outnumbering paragraphs, short
 * text with no prose) are dropped. Returns the elements to leave out.
 */
export function conditionalRemovals(
  picked: ReadonlySet<El>,
  blocks: readonly Block[],
  totals: Totals,
  scores: Scores,
): Set<El> {
  // Paragraph and list-item counts per element, from the blocks they hold.
  const pCount = new Map<El, number>();
  const liCount = new Map<El, number>();
  const commas = new Map<El, number>();
  for (const b of blocks) {
    const isP = b.el.tag === 'p' || (b.el.tag === 'div' && b.text.length > 80);
    const isLi = b.el.tag === 'li';
    const c = (b.text.match(/,/g) ?? []).length;
    for (let e: El | undefined = b.el; e; e = e.parent) {
      if (isP) pCount.set(e, (pCount.get(e) ?? 0) + 1);
      if (isLi) liCount.set(e, (liCount.get(e) ?? 0) + 1);
      if (c) commas.set(e, (commas.get(e) ?? 0) + c);
    }
  }
  const removed = new Set<El>();
  const check = (el: El) => {
    if (!CONDITIONAL.has(el.tag)) return false;
    const weight = classWeight(el);
    // A negative class is outweighed by the prose scored inside (`widget-container` holding the story).
    if (weight + (scores.get(el) ?? 0) < 0) return true;
    if ((commas.get(el) ?? 0) >= 10) return false;
    const len = totals.text.get(el) ?? 0;
    if (len === 0) return false;
    const ld = linkDensity(totals, el);
    const p = pCount.get(el) ?? 0;
    const li = liCount.get(el) ?? 0;
    const isList = el.tag === 'ul' || el.tag === 'ol';
    // Lists inside articles often carry a link or two (sources, products); only link lists go.
    if (isList) return isLinkList(el, totals);
    if (li > p + 1 && ld > 0.1) return true;
    if (weight < 25 && ld > 0.33) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return isTeaserGrid(el, totals);
  };
  // The first text of each element, to read the heading before a list.
  const firstText = new Map<El, string>();
  for (const b of blocks) if (!firstText.has(b.el)) firstText.set(b.el, b.text);
  for (const root of picked) {
    for (const el of descendants(root)) {
      const heading = introducedAsRelated(el, firstText);
      if (heading) {
        removed.add(el);
        removed.add(heading);
        continue;
      }
      // Under a removed element everything goes; descendants() runs parents first.
      if (removed.has(el.parent!) || check(el)) removed.add(el);
    }
  }
  return removed;
}

// A short line with a copyright mark is a page footer wherever it sits.
const COPYRIGHT = /©|\(c\) ?\d{4}|all rights reserved|все права защищены/i;

/** The heading element before a list or grid when it reads "Related", "More stories", …. */
function introducedAsRelated(el: El, firstText: ReadonlyMap<El, string>): El | undefined {
  if (!CONDITIONAL.has(el.tag) || !el.parent) return undefined;
  const sibs = el.parent.children;
  for (let i = sibs.indexOf(el) - 1; i >= 0; i--) {
    const s = sibs[i]!;
    if (typeof s === 'string') {
      if (s.trim() !== '') return undefined;
      continue;
    }
    if (s.tag === 'hr' || s.tag === 'br') continue;
    const text = firstText.get(s);
    return text !== undefined && text.length < 60 && RELATED_HEADING.test(text) ? s : undefined;
  }
  return undefined;
}

const CARD_TAGS = new Set(['div', 'li', 'article', 'section']);

/**
 * A grid of teaser cards ("Most popular", "More stories"): three or more child containers,
 * nearly all short and holding a link. Prose paragraphs are never cards.
 */
function isTeaserGrid(el: El, totals: Totals): boolean {
  let cards = 0;
  let others = 0;
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const len = totals.text.get(c) ?? 0;
    if (len === 0) continue;
    const link = totals.link.get(c) ?? 0;
    if (CARD_TAGS.has(c.tag) && len <= 250 && link >= len * 0.1) cards++;
    else others++;
  }
  return cards >= 3 && cards >= 3 * others;
}

/** A list whose items are mostly links ("More stories": headlines, perhaps with a blurb). */
function isLinkList(el: El, totals: Totals): boolean {
  let items = 0;
  let linkItems = 0;
  for (const c of el.children) {
    if (typeof c === 'string' || c.tag !== 'li') continue;
    const len = totals.text.get(c) ?? 0;
    if (len === 0) continue;
    items++;
    if ((totals.link.get(c) ?? 0) >= len * 0.6) linkItems++;
  }
  return linkItems >= 2 && linkItems * 2 >= items;
}

/** True for a block that is page furniture on its own: "Advertisement", a link line, a credit. */
export function isBoilerBlock(b: Block): boolean {
  if (b.text.length < 120 && (BOILER_TEXT.test(b.text) || COPYRIGHT.test(b.text))) return true;
  // A paragraph that is one link is a teaser or a call to action; a list item that is one link
  // is usually content (a product, a source) — link lists as a whole go in the conditional clean.
  return b.el.tag !== 'li' && b.text.length < 200 && b.linkLen / b.text.length > 0.6;
}
