import { describe, expect, it } from 'vitest';
import { longLines, nearDuplicateGroups } from './near-duplicates.js';

const L1 = 'The council voted on Monday to close the old bridge for repairs next spring.';
const L2 = 'Residents said the detour would add twenty minutes to their daily drive home.';
const L3 = 'The mayor promised that the work would be finished before the school year starts.';

describe('longLines', () => {
  it('keeps lines of enough words, lower-cased with whitespace collapsed', () => {
    const lines = longLines(`Short line.\r\n${L1.toUpperCase()}\n  ${L2.replace(/ /g, '   ')}  \n`);
    expect([...lines]).toEqual([L1.toLowerCase(), L2.toLowerCase()]);
  });
});

describe('nearDuplicateGroups', () => {
  it('links texts that share two long lines, transitively, and leaves the others alone', () => {
    const texts = [
      `${L1}\n${L2}\nA.`, // 0
      `Other.\n${L1}\n${L2}\n${L3}`, // 1: shares L1, L2 with 0
      `${L2}\n${L3}`, // 2: shares L2, L3 with 1, so joins 0 through 1
      `${L1}\nNothing else here.`, // 3: one shared line only
      'Unrelated short text.', // 4
    ];
    expect(nearDuplicateGroups(texts)).toEqual([0, 0, 0, 3, 4]);
    expect(nearDuplicateGroups(texts, { minShared: 1 })).toEqual([0, 0, 0, 0, 4]);
    expect(nearDuplicateGroups(texts, { minShared: 3 })).toEqual([0, 1, 2, 3, 4]);
  });
});
