import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useJsdom, useRoot } from '../testing/dom.js';
import { fixtureDoc } from '../testing/fixture-doc.js';
import { ArticleView } from './article-view.js';

useJsdom();

const root = useRoot();

const marks = (sel = '') => [...root().querySelectorAll<HTMLElement>(`mark[data-layer]${sel}`)];

describe('ArticleView', () => {
  it('renders every highlight piece with offsets that slice to its own text', () => {
    const doc = fixtureDoc();
    act(() => render(<ArticleView doc={doc} />, root()));
    const all = marks();
    expect(all.length).toBeGreaterThan(10);
    for (const el of all) {
      const start = Number(el.dataset.start);
      const end = Number(el.dataset.end);
      expect(el.textContent).toBe(doc.text.slice(start, end));
    }
    const layers = new Set(all.map((e) => e.dataset.layer));
    expect([...layers].sort()).toEqual([
      'claims',
      'entities',
      'layout',
      'quotes',
      'signals',
      'subjectivity',
      'techniques',
    ]);
  });

  it('shows hostile text as text: no script, image or link is created from it', () => {
    const doc = fixtureDoc();
    act(() => render(<ArticleView doc={doc} />, root()));
    expect(root().querySelector('script, img, iframe, [onerror]')).toBeNull();
    expect(root().textContent).toContain('<script>alert(1)</script>');
    expect(root().textContent).toContain('<img src=x onerror=alert(2)>');
    expect(root().querySelector('a[href^="javascript"]')).toBeNull();
    expect(root().querySelector('h1')!.textContent).toBe(doc.meta.title);
  });

  it('heads an article without a title as untitled: the stored id, never the pasted text’s `request`', () => {
    const base = fixtureDoc();
    const { title: _, ...meta } = base.meta;
    act(() => render(<ArticleView doc={{ ...base, id: 'request', meta }} />, root()));
    expect(root().querySelector('h1')!.textContent).toBe('Untitled article');
    expect(root().querySelector('h1')!.className).toBe('untitled');
    act(() => render(<ArticleView doc={{ ...base, id: '004_7dfa2c21016ad19b', meta }} />, root()));
    expect(root().querySelector('h1')!.textContent).toBe('Untitled article (004_7dfa2c21016ad19b)');
  });

  it('marks the contested names and the anonymous source relayed by AFP', () => {
    const doc = fixtureDoc();
    act(() => render(<ArticleView doc={doc} />, root()));
    const contested = marks('[data-label="contested-name"]').map((e) => e.textContent);
    expect(contested).toEqual(['Kiev', 'Artyomovsk']);
    const anon = marks('[data-layer="quotes"][data-label="anonymous"]')
      .map((e) => e.textContent)
      .join('');
    expect(anon).toBe('the army would hold Artyomovsk "for as long as it takes"');
    expect(root().querySelector('.sources')!.textContent).toContain('via AFP');
  });

  it('hides a layer when its toggle is unchecked', () => {
    act(() => render(<ArticleView doc={fixtureDoc()} />, root()));
    expect(marks('[data-layer="techniques"]').length).toBeGreaterThan(0);
    const box = root().querySelector<HTMLInputElement>('.toggle-techniques input')!;
    act(() => box.click());
    expect(marks('[data-layer="techniques"]')).toHaveLength(0);
    expect(marks('[data-layer="quotes"]').length).toBeGreaterThan(0);
  });

  it('emphasises all attributions of a source chosen in the side panel', () => {
    act(() => render(<ArticleView doc={fixtureDoc()} />, root()));
    const button = [...root().querySelectorAll<HTMLButtonElement>('button.source')].find((b) =>
      b.textContent!.includes('Pierre Henrot'),
    )!;
    act(() => button.click());
    const active = marks('.active');
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((e) => e.dataset.layer === 'quotes')).toBe(true);
    expect(active.map((e) => e.textContent).join('|')).toContain('admitted');
    expect(button.getAttribute('aria-pressed')).toBe('true');
  });

  it('describes a focused span in the inspector', () => {
    act(() => render(<ArticleView doc={fixtureDoc()} />, root()));
    const tech = marks('[data-layer="techniques"][data-label="Loaded_Language"]')[0]!;
    act(() => tech.focus());
    const text = root().querySelector('.inspector')!.textContent!;
    expect(text).toContain('Persuasion technique: Loaded Language · 71%');
    expect(text).toContain('"begging"');
  });

  it('lists the techniques nearly found below the findings, jumping to their sentence', () => {
    const doc = fixtureDoc();
    const sentence = doc.text.indexOf('hold Artyomovsk');
    doc.techniques!.nearest = [
      {
        start: sentence,
        end: sentence + 15,
        technique: 'Appeal_to_Fear-Prejudice',
        score: 0.12,
        cut: 0.2,
        paragraph: 1,
        why: [],
      },
    ];
    act(() => render(<ArticleView doc={doc} />, root()));
    const panel = root().querySelector('section[aria-labelledby="tech-h"]')!;
    expect(panel.querySelector('.near-h')!.textContent).toBe('Closest, below the threshold');
    const items = [...panel.querySelectorAll('ul.near li')].map((li) => li.textContent);
    expect(items).toEqual(['¶2: Appeal to Fear-Prejudice 12% (threshold 20%)']);
    // The findings' list does not take it in.
    expect(panel.querySelector('ul.techniques:not(.near)')!.textContent).not.toContain('Fear');
    const without = fixtureDoc();
    render(null, root());
    act(() => render(<ArticleView doc={without} />, root()));
    expect(root().querySelector('.near-h')).toBeNull();
  });
});
