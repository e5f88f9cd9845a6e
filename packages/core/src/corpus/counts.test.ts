import { describe, expect, it } from 'vitest';
import { countEach, speakerList, storySize, timesN } from './counts.js';
import type { StoryMember } from './stories.js';
import type { StorySpeaker } from './story-comparison.js';

const member = (id: string, lang: string, outlet?: string): StoryMember => ({
  id,
  lang,
  similarity: 1,
  ...(outlet ? { outlet } : {}),
});
const speaker = (name: string, members: string[]): StorySpeaker => ({
  name,
  type: 'person',
  members,
  attributions: members.length,
});

describe('counts shared by the CLI and the web UI', () => {
  it('writes ×N only when an item came more than once', () => {
    expect(timesN('Ford', 1)).toBe('Ford');
    expect(timesN('Ford', 3)).toBe('Ford ×3');
    expect(countEach(['added unnamed source', 'dropped Ford', 'added unnamed source'])).toEqual([
      'added unnamed source ×2',
      'dropped Ford',
    ]);
    expect(countEach([])).toEqual([]);
  });

  it('sizes a story by articles, known outlets and languages', () => {
    expect(storySize({ members: [member('a', 'en')] })).toBe('1 article');
    expect(
      storySize({ members: [member('a', 'en', 'TASS'), member('b', 'ru', 'TASS'), member('c', 'en')] }),
    ).toBe('3 articles from 1 outlet in 2 languages');
    expect(storySize({ members: [member('a', 'en', 'A'), member('b', 'en', 'B')] })).toBe(
      '2 articles from 2 outlets',
    );
  });

  it('lists a story’s speakers with how many members quote each, cut at `top`', () => {
    const comparison = {
      speakers: [speaker('Ford', ['a', 'b', 'c']), speaker('FBI', ['a']), speaker('Grassley', ['b'])],
    } as never;
    expect(speakerList({ comparison })).toBe('Ford ×3, FBI, Grassley');
    expect(speakerList({ comparison }, 2)).toBe('Ford ×3, FBI, … (3 in all)');
    // A story saved before speakers were listed.
    expect(speakerList({ comparison: {} as never })).toBe('');
  });
});
