import type { NewsDocument } from '@newsprism/core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useJsdom } from '../testing/dom.js';
import { NamingPanel } from './doc-panels.js';

useJsdom();

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const term = (concept: string, form: string, pole: string, voice: string, count: number) => ({
  concept,
  form,
  pole,
  provenance: 'x',
  voice,
  count,
  mentions: [],
});
const doc = (naming: unknown) => ({ naming }) as unknown as NewsDocument;
const profile = { poles: { ua: 1, ru: 2, neutral: 0 }, provenances: {}, ruShare: 0.67, lean: 'ru' };

describe('NamingPanel', () => {
  it('lists the contested terms by voice, with concept and pole, even with no contested name', () => {
    const naming = {
      entities: [],
      terms: [
        term('war', 'special military operation', 'ru', 'outlet', 2),
        term('war', 'invasion', 'ua', 'distanced', 1),
        term('kyiv-government', 'Kiev regime', 'ru', 'quoted', 1),
      ],
      profile,
    };
    act(() => render(<NamingPanel doc={doc(naming)} />, root));
    const rows = [...root.querySelectorAll<HTMLElement>('.naming-terms li')].map((li) => [
      li.dataset.voice,
      li.textContent,
    ]);
    expect(rows).toEqual([
      ['outlet', 'Terms in the outlet’s own words: “special military operation” × 2 (war, ru)'],
      ['quoted', 'Terms in quotations: “Kiev regime” × 1 (kyiv-government, ru)'],
      ['distanced', 'Terms kept at a distance: “invasion” × 1 (war, ua)'],
    ]);
    expect(root.textContent).toContain('Lean: ru');
    expect(root.querySelector('.pole-ua')!.textContent).toContain('invasion');
  });

  it('says there is nothing when neither names nor terms were found (or terms are absent, as in old stores)', () => {
    act(() =>
      render(<NamingPanel doc={doc({ entities: [], profile: { ...profile, ruShare: null } })} />, root),
    );
    expect(root.querySelector('.empty')!.textContent).toBe('No contested names or terms.');
    expect(root.querySelector('.naming-terms')).toBeNull();
  });
});
