import { Parser } from 'htmlparser2';

/** A parsed element: a lean tree built for extraction (no DOM API, no layout). */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | undefined;
}

/** A tree node: an element or a run of text (entities decoded, white space as in the source). */
export type Node = El | string;

/** What the parser collects besides the tree: JSON-LD blocks and the page title. */
export interface ParsedPage {
  root: El;
  /** Raw contents of `<script type="application/ld+json">` blocks. */
  jsonLd: string[];
  /** Text of the `<title>` element. */
  title: string;
}

// Subtrees that never hold article text; dropped while parsing so later passes never see them.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'option',
  'button',
  'textarea',
  'input',
  'dialog',
  'picture',
  'map',
]);

/** True for attributes that hide an element from readers (hidden, display:none, aria-hidden). */
function isHidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const style = attrs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Parses HTML into a lean element tree with htmlparser2. Never throws on broken markup: the
 * parser closes what is left open and implied end tags (`<p>`, `<li>`) follow HTML rules.
 * Scripts, styles, forms controls, media and hidden elements are dropped while parsing.
 */
export function parseHtml(html: string): ParsedPage {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: undefined };
  const jsonLd: string[] = [];
  let title = '';
  let cur = root;
  // Depth inside a skipped subtree; 0 when building normally.
  let skip = 0;
  let skipTag = '';
  let captureLd = false;
  let inTitle = false;
  let ldBuf = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0) {
          if (name === skipTag) skip++;
          return;
        }
        if (name === 'title') inTitle = true;
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          captureLd = true;
          ldBuf = '';
        }
        if (SKIP.has(name) || isHidden(attrs)) {
          skip = 1;
          skipTag = name;
          return;
        }
        // <head> gets no element: its <meta> and <link> tags stay in the tree for metadata.
        if (name === 'head') return;
        const el: El = { tag: name, attrs, children: [], parent: cur };
        cur.children.push(el);
        cur = el;
      },
      ontext(text) {
        if (captureLd) ldBuf += text;
        else if (inTitle) title += text;
        if (skip > 0 || inTitle) return;
        cur.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && captureLd) {
          captureLd = false;
          jsonLd.push(ldBuf);
        }
        if (skip > 0) {
          if (name === skipTag) skip--;
          return;
        }
        // Close up to the matching element; htmlparser2 reports implied closes itself.
        for (let e: El | undefined = cur; e && e !== root; e = e.parent) {
          if (e.tag === name) {
            cur = e.parent ?? root;
            break;
          }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { root, jsonLd, title: title.trim() };
}

/**
 * The elements under `el` in document order (not `el` itself). Iterative, so a page of
 * thousands of nested elements costs linear time and no stack.
 */
export function descendants(el: El): El[] {
  const out: El[] = [];
  const stack: El[] = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e !== el) out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

/** Class and id of an element joined, lowercased, for hint matching. */
export function classId(el: El): string {
  const c = el.attrs.class;
  const i = el.attrs.id;
  if (c === undefined && i === undefined) return '';
  return `${c ?? ''} ${i ?? ''}`.toLowerCase();
}
