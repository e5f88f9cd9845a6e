import type { Story } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderStoriesText } from './stories-text.js';

const empty = { sources: {}, names: {}, techniques: {}, frames: {}, claims: [] };

describe('the stories text report', () => {
  it('says "(outlet not known)" and "(date not known)" for a member without them, as the reuse report and the web UI do', () => {
    const story: Story = {
      id: 'story-1',
      label: { text: 'Passau', entities: [], places: ['Passau'], dates: [] },
      members: [
        { id: 'a', lang: 'en', similarity: 1 },
        { id: 'b', outlet: 'Danube News', published: '2024-06-02', lang: 'en', similarity: 0.5 },
      ],
      comparison: empty,
    };
    const text = renderStoriesText([story], new Map([['a', 'Floods close roads']]));
    expect(text).toContain('\n  a  (outlet not known)  (date not known)  en  — Floods close roads\n');
    expect(text).toContain('\n  b  Danube News  2024-06-02  en\n');
  });

  it('heads a story with its size and its speakers, each with how many members quote it', () => {
    const story: Story = {
      id: 'story-2',
      label: { text: 'Kherson — June 2023', entities: [], places: ['Kherson'], dates: ['June', '2023'] },
      members: [
        { id: 'a', outlet: 'Wire', lang: 'en', similarity: 1 },
        { id: 'b', outlet: 'Вести', lang: 'ru', similarity: 0.4 },
        { id: 'c', outlet: 'Wire', lang: 'en', similarity: 0.3 },
      ],
      comparison: {
        ...empty,
        sources: { a: ['Ivan Petrenko'], b: ['Ivan Petrenko', 'unnamed sources'], c: [] },
        speakers: [
          { name: 'Ivan Petrenko', type: 'person', members: ['a', 'b'], attributions: 3 },
          { name: 'unnamed sources', type: 'anonymous', members: ['b'], attributions: 1 },
        ],
      },
    };
    const text = renderStoriesText([story]);
    expect(text).toContain('\nstory-2: Kherson — June 2023 — 3 articles from 2 outlets in 2 languages\n');
    expect(text).toContain('\n  speakers: Ivan Petrenko ×2, unnamed sources\n');
    expect(text).toContain('\n    sources: Ivan Petrenko, unnamed sources\n');
  });
});
