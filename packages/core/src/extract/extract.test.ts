import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';

const para = (n: number) =>
  `Paragraph ${n} of the story says something, with commas, clauses and enough words to count as prose for the scorer.`;
const body = [1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('');

describe('extractArticle', () => {
  it.each([
    ['empty string', '', []],
    ['plain text', 'just some words', []],
    ['unclosed comment', `<body><p>${para(1)}</p><p>${para(2)}</p><!-- never closed <p>${para(3)}`, [1, 2]],
    ['unclosed tags', `<div><div><p>${para(1)}<p>${para(2)}<span><b>`, [1, 2]],
    ['stray closing tags', `</div></p></body><body><p>${para(1)}</p><p>${para(2)}</p></html></html>`, [1, 2]],
    ['NUL bytes and junk', `<body>\u0000\u0001<<>><p>${para(1)}</p><p>${para(2)}</p>\u0000`, [1, 2]],
    ['deep nesting', `${'<div>'.repeat(2000)}<p>${para(1)}</p>${'</div>'.repeat(10)}`, [1]],
    [
      'broken JSON-LD',
      `<script type="application/ld+json">{"@type": "NewsArticle",</script><body>${body}`,
      [1, 2, 3, 4],
    ],
  ])('survives %s and keeps the paragraphs it can', (_name, html, kept) => {
    const a = extractArticle(html as string);
    const paras = a.text.split('\n\n').filter((p) => p.startsWith('Paragraph'));
    expect(paras).toEqual((kept as number[]).map(para));
    // Nothing kept is said so; a page with a body has no diagnostic.
    expect(a.diagnostics.map((d) => d.code)).toEqual((kept as number[]).length ? [] : ['W_NO_ARTICLE']);
  });

  it('takes the headline from the only <h1> when the page has no title metadata', () => {
    const a = extractArticle(
      `<html><body><article><h1>Dam Talks  Stall Again</h1>${body}</article></body></html>`,
    );
    expect(a.title).toBe('Dam Talks Stall Again');
    expect(a.text.split('\n\n')).toEqual([1, 2, 3, 4].map(para));
  });

  it('keeps paragraphs split by <br><br> apart and decodes entities', () => {
    const a = extractArticle(
      `<div class="story">${para(1)}<br><br>${para(2)} &amp; more<br><br>${para(3)}</div>`,
    );
    expect(a.text.split('\n\n')).toEqual([para(1), `${para(2)} & more`, para(3)]);
  });

  it('drops scripts, styles, hidden elements and the repeated headline', () => {
    const html = `<html><head><title>Big news</title></head><body><article><h2>Big news</h2>
      <script>var x = "script text";</script><style>p{}</style>
      <div style="display: none">hidden text</div><div hidden>also hidden</div>${body}</article></body></html>`;
    const a = extractArticle(html);
    expect(a.text.split('\n\n')).toEqual([1, 2, 3, 4].map(para));
  });

  it('reads JSON-LD from an array, preferring it over OpenGraph', () => {
    const ld = JSON.stringify([
      { '@type': 'Organization', name: 'Org' },
      {
        '@type': ['NewsArticle'],
        headline: 'LD headline',
        author: { '@type': 'Person', name: 'A. Writer' },
        datePublished: '2024-01-02',
        inLanguage: 'de-DE',
      },
    ]);
    const html = `<html><head><meta property="og:title" content="OG title"><meta property="og:site_name" content="Site">
      <script type="application/ld+json">${ld}</script></head><body>${body}</body></html>`;
    const a = extractArticle(html, { url: 'https://x.example/a' });
    expect([a.title, a.byline, a.published, a.site, a.url, a.lang]).toEqual([
      'LD headline',
      'A. Writer',
      '2024-01-02',
      'Site',
      'https://x.example/a',
      'de',
    ]);
  });

  it('cleans metadata: escaped entities, site suffix, "By", placeholder dates, URL site names', () => {
    const html = `<html><head><meta property="og:title" content="Bike &amp;amp; Style &amp;#8211; a review | Moto Weekly">
      <meta property="og:site_name" content="Moto Weekly"><meta name="author" content="By JANE ROE">
      <meta property="article:published_time" content="0001-01-01T00:00:00Z"></head>
      <body><time datetime="2020-05-06">6 May</time>${body}</body></html>`;
    const a = extractArticle(html);
    expect([a.title, a.site, a.byline, a.published]).toEqual([
      'Bike & Style – a review',
      'Moto Weekly',
      'JANE ROE',
      '2020-05-06',
    ]);
    const b = extractArticle(`<meta property="og:site_name" content="https://x.example">${body}`);
    expect(b.site).toBeUndefined();
  });

  it('falls back to the JSON-LD articleBody when the markup holds no body', () => {
    const text =
      'First paragraph of the body from structured data.\nSecond paragraph, also from structured data.';
    const html = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: text.repeat(4) })}</script><div id="app"></div>`;
    const a = extractArticle(html);
    expect(a.text.startsWith('First paragraph of the body')).toBe(true);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['I_BODY_FROM_JSON_LD']);
  });

  it.each([
    ['More Great Stories', 'en'],
    ['Читайте также:', 'ru'],
    ['Related', 'en'],
  ])('drops a list introduced by "%s" with its heading', (heading) => {
    const html = `<article>${body}<h3>${heading}</h3><ul><li>The first other story, <a href="/1">told at length</a></li>
      <li>The second other story, <a href="/2">also told at length</a></li></ul><p>${para(5)}</p></article>`;
    const a = extractArticle(html);
    expect(a.text).not.toContain(heading);
    expect(a.text).not.toContain('other story');
    expect(a.text).toContain('Paragraph 5');
  });

  it('drops timestamp and gallery lines but keeps live-blog clock times', () => {
    const html = `<article><p>Nov. 18th 2019 12:12 pm PT</p><p>Image 1 of / 23</p><p>5 сентября 2023 г., 12:00</p>
      ${body}<p>4:14 p.m.</p><p>${para(5)}</p><p>Updated: Sat 8:31 PM, Feb 17, 2018</p></article>`;
    const paras = extractArticle(html).text.split('\n\n');
    expect(paras).toEqual([...[1, 2, 3, 4].map(para), '4:14 p.m.', para(5)]);
  });

  it('keeps a list of short items with a link in the body', () => {
    const html = `<article>${body}<ul><li>cabbage</li><li>peas</li><li>tomatoes</li><li>a <a href="/x">low-fat sour cream</a></li></ul></article>`;
    expect(extractArticle(html).text).toContain('cabbage\n\npeas\n\ntomatoes\n\na low-fat sour cream');
  });

  it('reads markup and character references in a JSON-LD articleBody', () => {
    const ld = {
      '@type': 'NewsArticle',
      articleBody: `<p>${para(1)} &amp; more</p><p>${para(2)}</p>`.repeat(2),
    };
    const a = extractArticle(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script><div id="app"></div>`,
    );
    expect(a.text.split('\n\n')).toEqual([`${para(1)} & more`, para(2), `${para(1)} & more`, para(2)]);
  });

  it('leaves out link lists and comment sections inside the article', () => {
    const html = `<article>${body}<ul><li><a href="/1">Another story one</a></li><li><a href="/2">Another story two</a></li></ul>
      <div class="comments"><p>${para(9)}</p></div></article>`;
    const a = extractArticle(html);
    expect(a.text).not.toContain('Another story');
    expect(a.text).not.toContain('Paragraph 9');
    expect(a.text).toContain('Paragraph 4');
  });
});
