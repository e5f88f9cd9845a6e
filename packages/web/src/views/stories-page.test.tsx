import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { StoriesPage } from './stories-page.js';

useJsdom();

const root = useRoot();

afterEach(() => vi.unstubAllGlobals());

/** A stand-in API answering with one story of two articles; `documents` as the server gives it. */
function answer(documents?: Record<string, { title?: string; outlet?: string }>) {
  vi.stubGlobal('fetch', async () => {
    const body = {
      total: 1,
      stories: [
        {
          id: 'story-1',
          label: { text: 'Ferry, Portree', entities: [], places: [], dates: [] },
          members: [
            { id: 'wire-0112', outlet: 'Island Post', published: '2024-01-12', lang: 'en', similarity: 1 },
            { id: 'daily-0112', outlet: 'Coast Times', published: '2024-01-13', lang: 'en', similarity: 0.8 },
          ],
          first: { id: 'wire-0112', published: '2024-01-12' },
          comparison: {
            sources: { 'wire-0112': ['Angus MacLeod'], 'daily-0112': ['Angus MacLeod', 'CalMac'] },
            speakers: [
              {
                name: 'Angus MacLeod',
                type: 'person',
                members: ['wire-0112', 'daily-0112'],
                attributions: 3,
              },
              { name: 'CalMac', type: 'organization', members: ['daily-0112'], attributions: 1 },
            ],
            names: {},
            techniques: {},
            frames: {},
            claims: [],
          },
        },
      ],
      ...(documents ? { documents } : {}),
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
}

const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
const links = () => [...root().querySelectorAll('.story a')].map((a) => a.textContent);

describe('the stories page', () => {
  it('names each article by its title, linking to it by id', async () => {
    answer({ 'wire-0112': { title: 'Ferry sailings to resume' }, 'daily-0112': { title: '' } });
    act(() => render(<StoriesPage params={new URLSearchParams()} />, root()));
    await settle();
    // The first member's link, then the table's rows; an empty title falls back to the id.
    expect(links()).toEqual(['Ferry sailings to resume', 'Ferry sailings to resume', 'daily-0112']);
    expect(root().querySelector('tr[data-member="wire-0112"] a')!.getAttribute('href')).toBe(
      '#/doc/wire-0112',
    );
  });

  it('says how big the story is and who speaks in how many of its articles', async () => {
    answer();
    act(() => render(<StoriesPage params={new URLSearchParams()} />, root()));
    await settle();
    expect(root().querySelector('.story p.muted')!.textContent).toMatch(
      /^2 articles from 2 outlets · first:/,
    );
    expect(root().querySelector('.story-speakers')!.textContent).toBe(
      'Speakers (×N: quoted in N of the articles): Angus MacLeod ×2, CalMac',
    );
  });

  it('shows ids when the server sends no titles', async () => {
    answer();
    act(() => render(<StoriesPage params={new URLSearchParams()} />, root()));
    await settle();
    expect(links()).toEqual(['wire-0112', 'wire-0112', 'daily-0112']);
  });
});
