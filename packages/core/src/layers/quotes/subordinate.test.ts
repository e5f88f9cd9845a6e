import { describe, expect, it } from 'vitest';
import { type AttributionCase, at, expectAttributions, runQuotes } from './run.fixture.js';

const run = (text: string) => runQuotes(text, 'en');

/**
 * Content after a cue inside an adverbial clause (`Although X said …, Y …`) ends at the comma
 * that closes the clause (`subordinateEnd`, `content-scan.ts`); each content checked against
 * `text.slice(start, end)`.
 */
const cases: AttributionCase[] = [
  {
    name: '`Although X admitted …,` ends at the clause comma',
    text: 'Harbour\n\nAlthough the mayor admitted the ferry was late, the council kept its budget.',
    want: [{ content: 'the ferry was late', cue: 'admitted', source: 'the mayor' }],
  },
  {
    name: '`, and while X said …,` in mid-sentence',
    text: 'Harbour\n\nThe plan needs the council, and while Holt said she would hold a vote, the council is split.',
    want: [{ content: 'she would hold a vote', cue: 'said', source: 'Holt' }],
  },
  {
    name: '`Even after X criticized …,` past a leading `even`',
    text: 'Harbour\n\nEven after the captain criticized the new timetable, the ferry company kept it.',
    want: [{ content: 'the new timetable', cue: 'criticized', source: 'the captain' }],
  },
  {
    name: 'a comma just inside a closing quotation mark ends the content after the mark',
    text: 'Harbour\n\nThough Reed told reporters that the ferry was “safe for now,” the inspectors closed it.',
    want: [{ content: 'that the ferry was “safe for now,”', cue: 'told' }],
  },
];

/** Contents the rule leaves whole. */
const kept: AttributionCase[] = [
  {
    name: 'a main clause runs on past its commas',
    text: 'Harbour\n\nThe mayor said the ferry was late, the pier was closed and the fares had doubled.',
    want: [{ content: 'the ferry was late, the pier was closed and the fares had doubled', cue: 'said' }],
  },
  {
    name: 'a clause opened by `as` is a source lead, not a subordinate clause',
    text: 'Harbour\n\nAs the captain noted the ferry was late, the mayor and the council met.',
    want: [
      { content: 'the ferry was late, the mayor and the council met', cue: 'noted', source: 'the captain' },
    ],
  },
];

describe('quotes: content ends at a subordinate clause comma', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expectAttributions(text, run(text), want);
  });
  it.each(kept)('$name', ({ text, want }) => {
    expectAttributions(text, run(text), want);
  });
  it('an opener more than twelve tokens before the cue is not looked for', () => {
    const text =
      'Harbour\n\nWhen the old harbour master from the northern island of the bay finally and very publicly said the ferry was late, nobody listened.';
    const q = run(text).find((x) => at(text, x.cue) === 'said');
    expect(q && at(text, q)).toBe('the ferry was late, nobody listened');
  });
});
