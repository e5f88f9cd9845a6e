import { NewsprismError } from '../errors.js';
import type { ExtractedArticle } from '../extract/extract.js';
import type { Diagnostic, DocumentInput, DocumentMeta } from '../schema.js';

/**
 * Extracts the article of an HTML page, or throws `E_NO_ARTICLE` when the page has no body
 * text (a listing, a login wall, an empty shell), so batch commands skip it with a clear code.
 *
 * The extractor (htmlparser2 and its entity tables) is imported on the first page, so reading
 * text or JSONL inputs does not load it.
 *
 * @param source the input's name for the error message
 */
export async function extractOrFail(html: string, source: string, url?: string): Promise<ExtractedArticle> {
  const { extractArticle } = await import('../extract/extract.js');
  const article = extractArticle(html, { url });
  if (article.text === '') {
    throw new NewsprismError(
      'E_NO_ARTICLE',
      `${source}: no article body found in the page (a listing, navigation or an empty page); pass an article's own page, or its text as plain text`,
    );
  }
  return article;
}

const CLOSE = [
  ['id', 'ms'],
  ['no', 'nb', 'nn', 'da'],
  ['hr', 'sr', 'bs'],
  ['cs', 'sk'],
  ['uk', 'be'],
  ['es', 'gl', 'ca'],
];

/**
 * The page's declared language, unless the extracted text plainly reads as another one:
 * templates often keep `<html lang="en">` on pages in other languages, and a declared
 * language makes the pipeline skip detection. The detector is imported only here, when a page
 * declares a language: its n-gram tables cost 140 MB and 0.3 s to load.
 */
async function trustedLang(article: ExtractedArticle): Promise<string | undefined> {
  const declared = article.lang;
  if (!declared) return undefined;
  const { detectLanguage } = await import('../layers/language/detect.js');
  const detected = detectLanguage(article.text, { sample: 1500, minConfidence: 0.05 });
  if (detected.code === 'und' || detected.confidence < 0.5 || detected.code === declared) return declared;
  // Close relatives the detector confuses: the page's own word is better evidence.
  return CLOSE.some((set) => set.includes(detected.code) && set.includes(declared)) ? declared : undefined;
}

/**
 * Turns an HTML page into a document input: the extracted article body becomes `text`, the
 * page's title, byline, date, site and language go to `meta`. Throws `E_NO_ARTICLE` for a page
 * with no body.
 */
export async function htmlToInput(
  html: string,
  id: string,
  source: string,
  url?: string,
): Promise<DocumentInput> {
  const a = await extractOrFail(html, source, url);
  const meta: DocumentMeta = { source, format: 'html' };
  if (a.title) meta.title = a.title;
  if (a.site) meta.outlet = a.site;
  if (a.url) meta.url = a.url;
  if (a.published) meta.published = a.published;
  if (a.byline) meta.byline = a.byline;
  const lang = await trustedLang(a);
  if (lang) meta.lang = lang;
  const diagnostics: Diagnostic[] = [...a.diagnostics];
  if (a.lang && !lang) {
    diagnostics.push({
      code: 'I_PAGE_LANG_IGNORED',
      severity: 'info',
      message: `the page declares lang="${a.lang}" but its text reads as another language; detected instead`,
      source: 'extract',
    });
  }
  return { id, text: a.text, meta, diagnostics };
}
