import type { Diagnostic } from '../schema.js';
import { type Block, collectBlocks, sumTotals } from './blocks.js';
import { descendants, type El, parseHtml } from './dom.js';
import { FURNITURE_TAGS, isDateLine, isUnlikely } from './hints.js';
import { type ArticleMeta, readMetadata } from './metadata.js';
import { pickTop, scoreBlocks } from './score.js';
import { conditionalRemovals, isBoilerBlock, withSiblings } from './select.js';

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /** The page's address, when known; used when the page does not state its own. */
  url?: string;
}

/** The main article of a web page. Fields the page does not state are `undefined`. */
export interface ExtractedArticle extends ArticleMeta {
  /**
   * The article body without the title: one paragraph per block, paragraphs separated by a
   * blank line (`\n\n`), white space inside a paragraph collapsed to single spaces. Empty when
   * no article was found (with a `W_NO_ARTICLE` diagnostic).
   */
  text: string;
  diagnostics: Diagnostic[];
}

// Bodies shorter than this after the strict pass are retried without removing "unlikely" containers.
const RETRY_BELOW = 250;

function bodyBlocks(root: El, strict: boolean): Block[] {
  const removed = new Set<El>();
  for (const el of descendants(root)) {
    if (FURNITURE_TAGS.has(el.tag) || (strict && isUnlikely(el))) removed.add(el);
  }
  const blocks = collectBlocks(root, removed);
  const totals = sumTotals(blocks, root);
  const scores = scoreBlocks(blocks, root);
  const top = pickTop(scores, totals, root);
  if (!top) return [];
  const picked = withSiblings(top, scores, totals, blocks);
  const dropped = conditionalRemovals(picked, blocks, totals, scores);
  const inPicked = (el: El) => {
    for (let e: El | undefined = el; e; e = e.parent) {
      if (dropped.has(e)) return false;
      if (picked.has(e)) return true;
    }
    return false;
  };
  return blocks.filter((b) => inPicked(b.el) && !isBoilerBlock(b));
}

const textOf = (blocks: readonly Block[]) => blocks.map((b) => b.text).join('\n\n');

/**
 * Extracts the main article of a news page: body text and metadata (JSON-LD, OpenGraph and
 * meta tags, `<time>`, `<html lang>`). Content is found by scoring containers on their text
 * density, commas, link density and class/id hints, after boilerplate (navigation, footers,
 * comments, share bars, related links, captions) is removed. Broken HTML never throws.
 *
 * @example
 * const a = extractArticle(html, { url: 'https://example.org/news/1' });
 * a.title;                 // from JSON-LD or og:title
 * a.text.split('\n\n');    // body paragraphs
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const page = parseHtml(html);
  const meta = readMetadata(page);
  let blocks = bodyBlocks(page.root, true);
  if (textOf(blocks).length < RETRY_BELOW) {
    const relaxed = bodyBlocks(page.root, false);
    if (textOf(relaxed).length > textOf(blocks).length) blocks = relaxed;
  }
  // A page with no <title>, og:title or JSON-LD headline still shows its headline in <h1>.
  const title = meta.title ?? leadingH1(blocks);
  let text = textOf(trimEdges(blocks, title));
  const diagnostics: Diagnostic[] = [];
  // A JSON-LD articleBody much longer than what the markup gave means the markup hid the body.
  if (meta.ldBody && meta.ldBody.length > Math.max(text.length * 2, RETRY_BELOW)) {
    text = ldParagraphs(meta.ldBody).join('\n\n');
    diagnostics.push({
      code: 'I_BODY_FROM_JSON_LD',
      severity: 'info',
      message: 'the article body was taken from the JSON-LD articleBody: the page markup held little text',
      source: 'extract',
    });
  }
  if (text === '') {
    diagnostics.push({
      code: 'W_NO_ARTICLE',
      severity: 'warning',
      message: 'no article body found in the page (navigation, listings or an empty page)',
      source: 'extract',
    });
  }
  return {
    title,
    byline: meta.byline,
    published: meta.published,
    site: meta.site,
    url: meta.url ?? opts.url,
    lang: meta.lang,
    text,
    diagnostics,
  };
}

/**
 * Paragraphs of a JSON-LD `articleBody`: lines of plain text, or blocks when a CMS put markup
 * (and character references) in it.
 */
function ldParagraphs(body: string): string[] {
  if (/<\/?(p|br|div|h[1-6]|li)\b[^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(body)) {
    const withBreaks = body.replace(/\n/g, '<br>');
    return collectBlocks(parseHtml(withBreaks).root, new Set()).map((b) => b.text);
  }
  return body
    .split(/\s*\n\s*/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The text of an `<h1>` before the first paragraph of prose: the headline trimEdges drops. */
function leadingH1(blocks: Block[]): string | undefined {
  for (const b of blocks) {
    if (b.text.length >= 100) return undefined;
    if (b.el.tag === 'h1' && b.text.trim() !== '') return b.text.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * Trims the body: the headline (an `<h1>` before the first paragraph of prose, or a leading
 * block that repeats the title) and timestamp lines. Later `<h1>`s are section heads; bare clock
 * times inside the body (live-blog entries) stay.
 */
function trimEdges(blocks: Block[], title: string | undefined): Block[] {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const t = title ? key(title) : '';
  const prose = (b: Block) => b.text.length >= 100;
  const first = blocks.findIndex(prose);
  const last = blocks.findLastIndex(prose);
  return blocks.filter((b, i) => {
    const head = first < 0 || i < first;
    // Mid-body, only dated lines go: a bare clock time there heads a live-blog entry.
    if (isDateLine(b.text) && (head || i > last || /\d{4}/.test(b.text))) return false;
    if (!head) return true;
    if (b.el.tag === 'h1') return false;
    return !(i < 3 && t !== '' && key(b.text) === t);
  });
}
