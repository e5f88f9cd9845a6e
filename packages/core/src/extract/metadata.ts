import { descendants, type El, type ParsedPage } from './dom.js';

/** An article's metadata as the page states it; fields it does not state are `undefined`. */
export interface ArticleMeta {
  /** Headline, without a trailing or leading site name. */
  title?: string;
  /** Author names, comma-separated. */
  byline?: string;
  /** Publication date as the page gives it (usually ISO 8601). */
  published?: string;
  /** The site or publisher name. */
  site?: string;
  /** The page's canonical address. */
  url?: string;
  /** ISO 639-1 code from `<html lang>`, JSON-LD or meta tags. */
  lang?: string;
}

/** Page metadata found in JSON-LD, OpenGraph and meta tags, `<time>` and `<html lang>`. */
export interface PageMeta extends ArticleMeta {
  /** `articleBody` of a JSON-LD article, when the page carries one (a fallback for the body). */
  ldBody?: string;
}

const ARTICLE_TYPES =
  /^(News|Reportage|Analysis|Opinion|Review|Background)?Article$|^(BlogPosting|Report|LiveBlogPosting|WebPage)$/;

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
};

function names(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  const out = list
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? str((x as Json).name) : undefined))
    .filter((x): x is string => !!x);
  return out.length ? [...new Set(out)].join(', ') : undefined;
}

/** All JSON-LD objects in a block, flattening arrays and `@graph`. */
function ldObjects(raw: string): Json[] {
  let data: unknown;
  try {
    data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return [];
  }
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if (Array.isArray((v as Json)['@graph'])) visit((v as Json)['@graph']);
    }
  };
  visit(data);
  return out;
}

function fromJsonLd(blocks: string[]): PageMeta {
  const objs = blocks.flatMap(ldObjects);
  const typeOf = (o: Json) => [o['@type']].flat().map(String);
  // Prefer a real article type over a generic WebPage.
  const article =
    objs.find((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ??
    objs.find((o) => typeOf(o).includes('WebPage'));
  if (!article) return {};
  const publisher = article.publisher as Json | undefined;
  return {
    title: str(article.headline) ?? str(article.name),
    byline: names(article.author),
    published: str(article.datePublished) ?? str(article.dateCreated),
    site: publisher && typeof publisher === 'object' ? str(publisher.name) : undefined,
    url: str(article.url) ?? str((article.mainEntityOfPage as Json | undefined)?.['@id']),
    lang: str(article.inLanguage),
    ldBody: str(article.articleBody),
  };
}

/** Reads the page's metadata; JSON-LD wins over OpenGraph, which wins over plain meta tags. */
export function readMetadata(page: ParsedPage): PageMeta {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  let time: string | undefined;
  let lang = page.root.children.find((c): c is El => typeof c !== 'string' && c.tag === 'html')?.attrs.lang;
  for (const el of descendants(page.root)) {
    if (el.tag === 'meta') {
      const key = (el.attrs.property ?? el.attrs.name ?? el.attrs.itemprop ?? '').toLowerCase();
      const content = el.attrs.content?.trim();
      if (key && content && !meta.has(key)) meta.set(key, content);
      if (el.attrs['http-equiv']?.toLowerCase() === 'content-language' && content) lang ??= content;
    } else if (el.tag === 'link' && /\bcanonical\b/i.test(el.attrs.rel ?? '')) canonical ??= el.attrs.href;
    else if (el.tag === 'time' && el.attrs.datetime) time ??= el.attrs.datetime;
    else if (el.tag === 'html' && el.attrs.lang) lang ??= el.attrs.lang;
  }
  const ld = fromJsonLd(page.jsonLd);
  const m = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v);
  const author = m('author', 'article:author', 'parsely-author', 'byl', 'dc.creator', 'sailthru.author');
  const site = clean(m('og:site_name', 'application-name') ?? ld.site);
  const byline = ld.byline ?? author;
  const published = [
    ld.published,
    m('article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'og:pubdate'),
    time,
  ].find(plausibleDate);
  return {
    title: stripSite(
      clean(ld.title ?? m('og:title', 'twitter:title', 'headline', 'dc.title') ?? page.title),
      site,
    ),
    // A byline that is a profile URL (article:author on Facebook) tells a reader nothing.
    byline: byline && !/^https?:/.test(byline) ? clean(byline.replace(/^by\s+/i, '')) : undefined,
    published,
    // Some pages put their address in og:site_name; that is not a name.
    site: site && !/^https?:/.test(site) ? site : undefined,
    url: m('og:url') ?? canonical ?? ld.url,
    lang: normLang(lang ?? ld.lang ?? m('og:locale', 'language', 'content-language')),
    ldBody: ld.ldBody,
  };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes character references left in metadata (CMSs often escape twice, so `&#8217;` or
 * `&amp;` survive the parser) and collapses white space.
 */
function clean(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const out = v
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? all;
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return out || undefined;
}

/** Drops the site name from a title: `Headline | Site`, `Headline - Site`, `Site | Headline`. */
function stripSite(title: string | undefined, site: string | undefined): string | undefined {
  if (!title || !site) return title;
  const t = title.toLowerCase();
  const s = site.toLowerCase();
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
    if (t.endsWith(sep + s)) return title.slice(0, title.length - sep.length - s.length).trim() || title;
    if (t.startsWith(s + sep)) return title.slice(s.length + sep.length).trim() || title;
  }
  return title;
}

/** Placeholder dates (`0001-01-01`) and empty values are not publication dates. */
function plausibleDate(v: string | undefined): v is string {
  if (!v) return false;
  const year = /\b(\d{4})\b/.exec(v)?.[1];
  return year === undefined || (Number(year) >= 1900 && Number(year) <= 2200);
}

/** `en-US` → `en`; `ru_RU` → `ru`; anything else that is not a language code → undefined. */
function normLang(v: string | undefined): string | undefined {
  const m = v ? /^([a-z]{2,3})(?:[-_]|$)/i.exec(v.trim()) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}
