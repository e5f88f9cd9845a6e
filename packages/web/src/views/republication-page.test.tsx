import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { RepublicationPage } from './republication-page.js';

useJsdom();

const root = useRoot();

afterEach(() => vi.unstubAllGlobals());

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

describe('the republication page’s table', () => {
  it('links the source outlet as it links the reusing one, the outlet not known too', async () => {
    const links = [
      { source: 'Sputnik', reuser: 'UrduPoint', kind: 'copy', directed: true, pairs: 3, score: 0.9 },
      { source: null, reuser: 'RT', kind: 'rewrite', directed: true, pairs: 1, score: 0.6 },
    ];
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ links }), { headers: { 'content-type': 'application/json' } }),
    );
    act(() => render(<RepublicationPage params={new URLSearchParams()} />, root()));
    await settle();
    const rows = [...root().querySelectorAll('table.republication tbody tr')];
    const cells = rows.map((r) =>
      [...r.querySelectorAll('td')]
        .slice(0, 3)
        .map((td) => td.querySelector('a')?.getAttribute('href') ?? null),
    );
    expect(cells).toEqual([
      ['#/search?outlet=Sputnik', null, '#/search?outlet=UrduPoint'],
      ['#/search?outlet=%28outlet+not+known%29', null, '#/search?outlet=RT'],
    ]);
  });
});
