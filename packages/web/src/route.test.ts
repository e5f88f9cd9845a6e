import { describe, expect, it } from 'vitest';
import { docHref, href, parseRoute } from './route.js';

describe('hash routes', () => {
  it.each([
    ['', 'analyze', undefined, ''],
    ['#', 'analyze', undefined, ''],
    ['#/', 'analyze', undefined, ''],
    ['#/analyze', 'analyze', undefined, ''],
    ['#/analyze?text=a', 'analyze', undefined, 'text=a'],
    ['#/search?q=kiev&outlet=RT', 'search', undefined, 'q=kiev&outlet=RT'],
    ['#/search', 'search', undefined, ''],
    ['#/outlets?from=2023-05', 'outlets', undefined, 'from=2023-05'],
    ['#/stories?id=rt-1', 'stories', undefined, 'id=rt-1'],
    ['#/republication?kind=copy', 'republication', undefined, 'kind=copy'],
    ['#/doc/a%2Fb%20c?hl=quotes', 'doc', 'a/b c', 'hl=quotes'],
    ['#/doc/rt/2023/x', 'doc', 'rt/2023/x', ''],
    ['#/doc', 'missing', undefined, ''],
    ['#/doc/', 'missing', undefined, ''],
    ['#/nowhere?q=1', 'missing', undefined, 'q=1'],
    ['#/nowhere/else', 'missing', undefined, ''],
    ['#?text=a', 'analyze', undefined, 'text=a'],
    ['/search?q=x', 'search', undefined, 'q=x'],
    // Only the leading `#` is the hash's: another is part of the state.
    ['/search?q=a#b', 'search', undefined, 'q=a%23b'],
    ['#/search?q=a#b', 'search', undefined, 'q=a%23b'],
  ])('%s → %s %s ?%s', (hash, page, id, query) => {
    const r = parseRoute(hash);
    expect({ page: r.page, id: r.id, query: r.params.toString() }).toEqual({ page, id, query });
  });

  it('writes a page with its state, leaving out empty parameters', () => {
    expect(href('search')).toBe('#/search');
    expect(href('search', {})).toBe('#/search');
    expect(href('search', { q: 'kiev war', outlet: undefined, from: '' })).toBe('#/search?q=kiev+war');
    expect(href('outlets', { from: '2023-05', to: '2023-06' })).toBe('#/outlets?from=2023-05&to=2023-06');
    expect(href('search', new URLSearchParams('q=a&q=b&x='))).toBe('#/search?q=a&q=b');
    expect(docHref('a/b c?')).toBe('#/doc/a%2Fb%20c%3F');
    // What href writes, parseRoute reads back.
    const back = parseRoute(href('search', { q: 'Украина & NATO' }));
    expect([back.page, back.params.get('q')]).toEqual(['search', 'Украина & NATO']);
    expect(parseRoute(docHref('rt/1 2')).id).toBe('rt/1 2');
  });
});
