import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { SearchPage } from './search-page.js';

useJsdom();

const root = useRoot();

const asked: string[] = [];
afterEach(() => {
  asked.length = 0;
  vi.unstubAllGlobals();
});

/** A stand-in API answering every search with one hit and the expansions of `all_names`. */
function answer() {
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    const all = new URLSearchParams(path.split('?')[1]).get('all_names') === 'true';
    const body = {
      total: 1,
      hits: [
        {
          id: 'a1',
          title: 'Assault on Artyomovsk',
          snippets: [],
          ...(all ? { titleHighlights: [{ start: 11, end: 21 }] } : {}),
        },
      ],
      ...(all
        ? {
            expansions: [
              { matched: 'Bakhmut', entity: 'bakhmut', name: 'Bakhmut', names: ['Bakhmut', 'Artyomovsk'] },
            ],
          }
        : {}),
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
}

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

describe('the search page’s all-names box', () => {
  it('is off by default; ticked, it searches with all_names and shows what was expanded', async () => {
    answer();
    act(() => render(<SearchPage params={new URLSearchParams('q=Bakhmut&outlet=RT')} />, root()));
    await settle();
    expect(asked).toEqual(['api/search?q=Bakhmut&outlet=RT&facets=true']);
    expect(root().querySelector('.hit-title mark')).toBeNull();
    const box = root().querySelector<HTMLInputElement>('input[name="all_names"]')!;
    expect(box.checked).toBe(false);
    act(() => box.click());
    expect(location.hash).toBe('#/search?q=Bakhmut&outlet=RT&all_names=true');
    // The router renders the page for the new address.
    act(() => render(<SearchPage params={new URLSearchParams(location.hash.split('?')[1])} />, root()));
    await settle();
    expect(asked[1]).toBe('api/search?q=Bakhmut&outlet=RT&all_names=true&facets=true');
    expect(root().querySelector<HTMLInputElement>('input[name="all_names"]')!.checked).toBe(true);
    expect(root().querySelector('.expansions')!.textContent).toBe('All names: Bakhmut → Bakhmut, Artyomovsk');
    // The title's match is marked (the title read whole).
    const title = root().querySelector('.hit-title')!;
    expect(title.textContent).toBe('Assault on Artyomovsk');
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Artyomovsk']);
  });
});

describe('the search page when the server refuses a filter', () => {
  it('says why and keeps the filters in force, each removable', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            status: 400,
            code: 'E_BAD_FILTER',
            detail: '--genre takes reporting, opinion, satire (got "news")',
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    act(() => render(<SearchPage params={new URLSearchParams('q=Trump&genre=news')} />, root()));
    await settle();
    expect(root().querySelector('.error')!.textContent).toBe(
      'E_BAD_FILTER: --genre takes reporting, opinion, satire (got "news")',
    );
    const chip = root().querySelector<HTMLAnchorElement>('.active-filters a.chip')!;
    expect(chip.textContent).toBe('Genre: news ×');
    expect(chip.getAttribute('href')).toBe('#/search?q=Trump');
  });
});
