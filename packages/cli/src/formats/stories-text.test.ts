import type { Story } from '@newsprism/core';
import { describe, expect, it } from 'vitest';
import { renderStoriesText } from './stories-text.js';

const empty = { sources: {}, names: {}, techniques: {}, frames: {}, claims: [] };

describe('the stories text report', () => {
  it('says "(outlet not known)" for a member without an outlet, as the reuse report and the web UI do', () => {
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
    expect(text).toContain('\n  a  (outlet not known)  no date  en  — Floods close roads\n');
    expect(text).toContain('\n  b  Danube News  2024-06-02  en\n');
  });
});
