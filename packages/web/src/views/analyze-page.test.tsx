import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { fixtureDoc } from '../testing/fixture-doc.js';
import { AnalyzePage } from './analyze-page.js';

useJsdom();

const root = useRoot();

afterEach(() => vi.unstubAllGlobals());

const submit = () =>
  act(
    () =>
      void root()
        .querySelector('form')!
        .dispatchEvent(new Event('submit', { cancelable: true })),
  );

/** Pastes a short article into the page's text area and submits it. */
function pasteAndSubmit(): void {
  const area = root().querySelector('textarea')!;
  area.value = 'Kiev talks\nThe minister said the talks had failed.';
  act(() => void area.dispatchEvent(new Event('input', { bubbles: true })));
  submit();
}

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

describe('the analyze page', () => {
  it('takes the last article off the page when a file fails, and names the file in the error', async () => {
    // The first request (pasted text) is analysed; the second (a page with no article) refused.
    const answers = [
      new Response(JSON.stringify(fixtureDoc()), { headers: { 'content-type': 'application/json' } }),
      new Response(
        JSON.stringify({ status: 422, code: 'E_NO_ARTICLE', detail: 'no article body found in the page' }),
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    ];
    // The page asks the server's options once (a health without any here).
    vi.stubGlobal('fetch', async (url: string) =>
      url === 'api/health' ? new Response('{"status":"ok"}') : answers.shift(),
    );
    act(() => render(<AnalyzePage />, root()));
    pasteAndSubmit();
    await settle();
    expect(root().querySelector('h1')?.textContent).toContain('begging');
    const input = root().querySelector<HTMLInputElement>('input[type="file"]')!;
    // jsdom's File has no text(): a file as the page reads it.
    const page = '<html><body><div>menu</div></body></html>';
    const file = { name: 'listing.html', size: page.length, text: async () => page } as unknown as File;
    Object.defineProperty(input, 'files', { value: [file] });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toBe(
      'listing.html: E_NO_ARTICLE: no article body found in the page',
    );
    expect(root().querySelector('h1')).toBeNull();
  });

  it('sends the chosen corpus kind as the genre prior and shows the prior the result was decided under', async () => {
    const genre = {
      genre: 'reporting',
      scores: { reporting: 0.9 },
      why: [],
      prior: { reporting: 0.85, opinion: 0.14, satire: 0.01 },
    };
    const doc = {
      ...fixtureDoc(),
      genre,
      producers: {
        ...fixtureDoc().producers,
        genre: { name: 'genre', version: 13, options: { prior: 'news-wire' } },
      },
    };
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      // The server's health: no options of its own.
      if (url === 'api/health')
        return new Response(JSON.stringify({ status: 'ok', analysis: { layers: [], options: {} } }));
      urls.push(url);
      return new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
    });
    act(() => render(<AnalyzePage />, root()));
    await settle();
    const select = root().querySelector<HTMLSelectElement>('#corpus-kind')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'server default: as trained'],
      ['news-wire', 'news wire (mostly reporting)'],
      ['newspaper', 'newspaper (reporting and opinion)'],
    ]);
    const help = root().querySelector(`#${select.getAttribute('aria-describedby')}`);
    expect(help?.textContent).toMatch(/serve --set genre\.prior/);
    select.value = 'news-wire';
    act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    pasteAndSubmit();
    await settle();
    expect(urls).toEqual([`api/analyze?options=${encodeURIComponent('{"genre":{"prior":"news-wire"}}')}`]);
    expect(root().querySelector('.genre-prior')?.textContent).toBe(
      'Prior: news wire (reporting 85% · opinion 14% · satire 1%)',
    );
    // Back to the default: no options sent.
    select.value = '';
    act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    submit();
    await settle();
    expect(urls[1]).toBe('api/analyze');
  });

  it('reads the prior from a 503 health (store out of reach), and names no prior before health answers', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', (url: string) =>
      url === 'api/health' ? new Promise<Response>((r) => (answer = r)) : Promise.reject(new Error(url)),
    );
    act(() => render(<AnalyzePage />, root()));
    await settle();
    const choices = () =>
      [...root().querySelector<HTMLSelectElement>('#corpus-kind')!.options]
        .map((o) => [o.value, o.textContent])
        .slice(0, 2);
    // Unknown yet: the first choice names no prior; "as trained" is offered (right whatever the server has).
    expect(choices()).toEqual([
      ['', 'server default'],
      ['default', 'as trained (no prior)'],
    ]);
    const body = {
      status: 'degraded',
      analysis: { layers: ['genre'], options: { genre: { prior: 'news-wire' } } },
    };
    answer(
      new Response(JSON.stringify(body), { status: 503, headers: { 'content-type': 'application/json' } }),
    );
    await settle();
    await settle();
    expect(choices()).toEqual([
      ['', 'server default: news wire'],
      ['default', 'as trained (no prior)'],
    ]);
  });

  it("names the server's own prior (serve --set) and offers to set it aside with genre.prior=default", async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      const body =
        url === 'api/health'
          ? { status: 'ok', analysis: { layers: ['genre'], options: { genre: { prior: 'news-wire' } } } }
          : fixtureDoc();
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    act(() => render(<AnalyzePage />, root()));
    await settle();
    const select = root().querySelector<HTMLSelectElement>('#corpus-kind')!;
    expect([...select.options].map((o) => [o.value, o.textContent]).slice(0, 2)).toEqual([
      ['', 'server default: news wire'],
      ['default', 'as trained (no prior)'],
    ]);
    select.value = 'default';
    act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    pasteAndSubmit();
    await settle();
    expect(urls).toEqual([
      'api/health',
      `api/analyze?options=${encodeURIComponent('{"genre":{"prior":"default"}}')}`,
    ]);
  });
});
