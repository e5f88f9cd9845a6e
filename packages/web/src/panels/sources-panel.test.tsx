import type { NewsDocument } from '@newsprism/core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { fixtureDoc } from '../testing/fixture-doc.js';
import { SourcesPanel, wholePercents } from './sources-panel.js';

useJsdom();

const root = useRoot();

type Sources = NonNullable<NewsDocument['sources']>;
const withSources = (sources: Sources | undefined): NewsDocument => ({ ...fixtureDoc(), sources });
const show = (doc: NewsDocument, active?: string) => {
  const chosen: (string | undefined)[] = [];
  act(() => render(<SourcesPanel doc={doc} active={active} onSelect={(n) => chosen.push(n)} />, root()));
  return chosen;
};
const texts = (sel: string) => [...root().querySelectorAll(sel)].map((e) => e.textContent);

describe('SourcesPanel', () => {
  it('shows nothing for a document without the sources layer', () => {
    show(withSources(undefined));
    expect(root().innerHTML).toBe('');
  });

  it('splits the text into own voice, named and anonymous attribution, as a bar and in words', () => {
    // The fixture: 40 % attributed, 60 % of that anonymous → 24 % anonymous, 16 % named.
    show(fixtureDoc());
    expect(root().querySelector('h2')!.textContent).toBe('Who speaks');
    const bar = root().querySelector('.share-bar')!;
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'own voice 60%, attributed, named 16%, attributed, anonymous 24%',
    );
    const parts = [...bar.querySelectorAll<HTMLElement>('span')].map((s) => [s.className, s.style.width]);
    expect(parts).toEqual([
      ['share-part own', '60%'],
      ['share-part named', '16%'],
      ['share-part anon', '24%'],
    ]);
    expect(texts('.share-legend li').map((t) => t!.trim())).toEqual([
      'own voice 60%',
      'attributed, named 16%',
      'attributed, anonymous 24%',
    ]);
    expect([...root().querySelectorAll('.share-legend .swatch')].map((s) => s.className)).toEqual([
      'swatch own',
      'swatch named',
      'swatch anon',
    ]);
  });

  it('lists each source with its type, role (when it is not the name), attributions, share of quoted words and relays', () => {
    show(fixtureDoc());
    const items = [...root().querySelectorAll('ul.sources > li')];
    expect(
      items.map((li) => [
        li.querySelector('.source-name')!.textContent,
        li.querySelector('.source-type')!.textContent,
      ]),
    ).toEqual([
      ['senior official', 'anonymous'],
      ['Pierre Henrot', 'person'],
    ]);
    expect([...root().querySelectorAll('button.source')].map((b) => b.className)).toEqual([
      'source type-anonymous',
      'source type-person',
    ]);
    // Words: 10 and 7 of 17 quoted words.
    expect(texts('.source-facts')).toEqual([
      '1 attribution · 59% of quoted words · via AFP',
      'Belgian military expert · 1 attribution · 41% of quoted words',
    ]);
    expect(root().querySelector('.note')!.textContent).toBe('1 scare quote(s).');
  });

  it('counts attributions in the plural, several relays, and no words as 0 %', () => {
    const doc = fixtureDoc();
    show(
      withSources({
        ...doc.sources!,
        sources: [
          {
            name: 'Kremlin',
            type: 'organization',
            role: '',
            attributions: 2,
            words: 0,
            via: ['TASS', 'RIA'],
          },
          { name: 'Kyiv', type: 'organization', attributions: 3, words: 0, via: [] },
        ],
        scareQuotes: 0,
      } as unknown as Sources),
    );
    expect(texts('.source-facts')).toEqual([
      '2 attributions · 0% of quoted words · via TASS, RIA',
      '3 attributions · 0% of quoted words',
    ]);
    expect(root().querySelector('.note')).toBeNull();
  });

  it('says so when nobody is quoted, and still shows the split', () => {
    show(
      withSources({
        sources: [],
        attributedShare: 0,
        ownVoiceShare: 1,
        anonymousShare: 0,
        scareQuotes: 2,
      }),
    );
    expect(root().querySelector('.empty')!.textContent).toBe('No attributed sources.');
    expect(root().querySelector('ul.sources')).toBeNull();
    expect(root().querySelector('.share-bar')!.getAttribute('aria-label')).toBe(
      'own voice 100%, attributed, named 0%, attributed, anonymous 0%',
    );
    expect(root().querySelector('.note')!.textContent).toBe('2 scare quote(s).');
  });

  it('chooses a source on click, and lets go of the chosen one on a second click', () => {
    const buttons = () => [...root().querySelectorAll<HTMLButtonElement>('button.source')];
    let chosen = show(fixtureDoc());
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false']);
    act(() => buttons()[1]!.click());
    expect(chosen).toEqual(['Pierre Henrot']);
    render(null, root());
    chosen = show(fixtureDoc(), 'Pierre Henrot');
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    act(() => buttons()[1]!.click());
    act(() => buttons()[0]!.click());
    expect(chosen).toEqual([undefined, 'senior official']);
  });
});

describe('wholePercents', () => {
  it('writes shares of one whole as percentages adding up to 100', () => {
    expect(wholePercents([0.4649, 0.5351, 0])).toEqual([46, 54, 0]);
    expect(wholePercents([0.465, 0.535, 0]).reduce((a, b) => a + b)).toBe(100);
    expect(wholePercents([0.333, 0.333, 0.334])).toEqual([33, 33, 34]);
    expect(wholePercents([0.571, 0.2405, 0.1885])).toEqual([57, 24, 19]);
    expect(wholePercents([0.125, 0.125, 0.75])).toEqual([13, 12, 75]);
  });

  it('rounds each share when they are not of one whole', () => {
    expect(wholePercents([0.2, 0.3])).toEqual([20, 30]);
  });
});
