import type { El } from './dom.js';

/** A paragraph-like run of inline text between block boundaries, with its link text share. */
export interface Block {
  /** Text with white space collapsed to single spaces, trimmed. */
  text: string;
  /** The nearest block-level element holding the text. */
  el: El;
  /** Characters of the text inside links. */
  linkLen: number;
}

/** Elements that start a new block of text (everything else is inline). */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Splits the tree under `root` into blocks of text in document order, leaving out the
 * subtrees in `removed`. `<br>` ends a block, so `<br><br>`-separated paragraphs come apart.
 */
export function collectBlocks(root: El, removed: ReadonlySet<El>): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linkBuf = 0;
  let owner = root;
  let inLink = 0;
  const flush = () => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) {
      // Link text counted with the same collapsing is close enough: it only feeds ratios.
      out.push({ text, el: owner, linkLen: Math.min(linkBuf, text.length) });
    }
    buf = '';
    linkBuf = 0;
  };
  // An explicit stack instead of recursion: deeply nested broken pages must not overflow.
  const stack: { el: El; blockEl: El; i: number }[] = [{ el: root, blockEl: root, i: 0 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.i >= f.el.children.length) {
      stack.pop();
      if (f.el.tag === 'a') inLink--;
      if (f.el !== root && BLOCK_TAGS.has(f.el.tag)) flush();
      continue;
    }
    const c = f.el.children[f.i++]!;
    if (typeof c === 'string') {
      if (buf === '') owner = f.blockEl;
      buf += c;
      if (inLink > 0) linkBuf += c.replace(/\s+/g, ' ').length;
      continue;
    }
    if (removed.has(c)) continue;
    const isBlock = BLOCK_TAGS.has(c.tag);
    if (isBlock) flush();
    if (c.tag === 'a') inLink++;
    stack.push({ el: c, blockEl: isBlock ? c : f.blockEl, i: 0 });
  }
  flush();
  return out;
}

/** Text and link-text lengths summed over every element that holds blocks (not just the owner). */
export interface Totals {
  text: Map<El, number>;
  link: Map<El, number>;
}

/** Sums block lengths into each ancestor of the block's element, up to `root`. */
export function sumTotals(blocks: readonly Block[], root: El): Totals {
  const text = new Map<El, number>();
  const link = new Map<El, number>();
  for (const b of blocks) {
    for (let e: El | undefined = b.el; e; e = e === root ? undefined : e.parent) {
      text.set(e, (text.get(e) ?? 0) + b.text.length);
      if (b.linkLen) link.set(e, (link.get(e) ?? 0) + b.linkLen);
    }
  }
  return { text, link };
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkDensity(t: Totals, el: El): number {
  const n = t.text.get(el) ?? 0;
  return n === 0 ? 0 : (t.link.get(el) ?? 0) / n;
}
