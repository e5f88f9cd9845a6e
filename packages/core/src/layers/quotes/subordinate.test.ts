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
  {
    name: 'a list (`Dover, Calais and Ostend`) inside the clause does not end it',
    text: 'Harbour\n\nWhen the captain said that Dover, Calais and Ostend had agreed, the ferries sailed.',
    want: [{ content: 'that Dover, Calais and Ostend had agreed', cue: 'said', source: 'the captain' }],
  },
  {
    // A compound subject of the main clause (`X and Y <verb>`) is no list inside the clause.
    name: "the main clause's compound subject (`, unions and employers welcomed`) ends it",
    text: 'Harbour\n\nAlthough the minister said taxes would rise, unions and employers welcomed the budget on Tuesday.',
    // `welcomed` is a reporting verb of its own: the main clause's cue, once the content ends.
    want: [
      { content: 'taxes would rise', cue: 'said', source: 'the minister' },
      { content: 'the budget', cue: 'welcomed' },
    ],
  },
  {
    name: "the main clause's compound subject of names (`, Jones and Brown walked out`) ends it",
    text: 'Harbour\n\nWhen Smith said the plan was fair, Jones and Brown walked out of the meeting.',
    want: [{ content: 'the plan was fair', cue: 'said', source: 'Smith' }],
  },
  {
    name: 'a main-clause list subject (`, Paris, London and Berlin kept`) ends it',
    text: 'Harbour\n\nAlthough the minister said the deal was dead, Paris, London and Berlin kept talking.',
    want: [{ content: 'the deal was dead', cue: 'said', source: 'the minister' }],
  },
  {
    name: 'an apposition closed by a second comma (`the deal, signed in May, was`) does not end it',
    text: 'Harbour\n\nWhile the mayor said the deal, signed in May, was dead, the council kept it.',
    want: [{ content: 'the deal, signed in May, was dead', cue: 'said', source: 'the mayor' }],
  },
  {
    name: '`after` with its subject right after it (`After Holt said`) opens a clause',
    text: 'Harbour\n\nAfter Holt said the ferry was late, the council met.',
    want: [{ content: 'the ferry was late', cue: 'said', source: 'Holt' }],
  },
  {
    // The main clause after the cut was inside the content before it: the learned-cue model does
    // not look there (it found junk such as `his brother investigating: other suspects to charge`).
    name: 'no learned cue in the main clause after the cut (`critics balked at`)',
    text: 'Harbour\n\nAlthough the mayor conceded the fares were high, critics balked at the plan to raise them.',
    want: [{ content: 'the fares were high', cue: 'conceded', rule: 'source-cue-content' }],
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
    name: '`after` as a preposition (`After weeks of talks the union said`) opens no clause',
    text: 'Harbour\n\nAfter weeks of talks the union said that fares, fees and harbour dues had been agreed.',
    want: [{ content: 'that fares, fees and harbour dues had been agreed', cue: 'said' }],
  },
  {
    name: '`once` as an adverb (`Once again the mayor said`) opens no clause',
    text: 'Harbour\n\nOnce again the mayor said that the ferry, the pier and the fares were safe.',
    want: [{ content: 'that the ferry, the pier and the fares were safe', cue: 'said' }],
  },
  {
    name: '`until` before an adverb (`Until recently the bank had said`) opens no clause',
    text: 'Harbour\n\nUntil recently the harbour board had said that dues, which rose in May, would stay.',
    want: [{ content: 'that dues, which rose in May, would stay', cue: 'said' }],
  },
  {
    // `hundred` ends in `-ed` but is no verb: the list is the content's, not a main-clause subject.
    name: 'a list whose last item holds `hundred` (`cars, vans and two hundred passengers`) stays inside',
    text: 'Harbour\n\nAlthough the captain said the ferry carries cars, vans and two hundred passengers, the port stayed shut.',
    want: [
      {
        content: 'the ferry carries cars, vans and two hundred passengers',
        cue: 'said',
        source: 'the captain',
      },
    ],
  },
  {
    name: 'a list whose last item is `speed` (`power, brakes and top speed`) stays inside',
    text: 'Harbour\n\nWhen the driver said the bus lost power, brakes and top speed, the depot sent a mechanic.',
    want: [{ content: 'the bus lost power, brakes and top speed', cue: 'said', source: 'the driver' }],
  },
];

describe('quotes: content ends at a subordinate clause comma', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expectAttributions(text, run(text), want);
  });
  it.each(kept)('$name', ({ text, want }) => {
    expectAttributions(text, run(text), want);
  });
  /**
   * Guards whose contents run into the main clause (a limit of other scans, not wanted output):
   * they pin only that this rule does not cut them, by comparing with the same sentence with the
   * opener replaced by a word that opens no clause.
   */
  const saidContent = (text: string) => {
    const q = run(text).find((x) => at(text, x.cue) === 'said' || at(text, x.cue) === 'noted');
    return q && at(text, q);
  };
  it('the rule does not cut after `as` (`As X noted …, Y …` is a source lead)', () => {
    const content = saidContent(
      'Harbour\n\nAs the captain noted the ferry was late, the mayor and the council met.',
    );
    expect(content).toContain('the ferry was late, the');
    expect(content).toBe(
      saidContent('Harbour\n\nSo the captain noted the ferry was late, the mayor and the council met.'),
    );
  });
  it('the rule does not look for an opener more than twelve tokens before the cue', () => {
    const tail =
      ' the old harbour master from the northern island of the bay finally and very publicly said the ferry was late, nobody listened.';
    const content = saidContent(`Harbour\n\nWhen${tail}`);
    expect(content).toContain('the ferry was late, nobody');
    expect(content).toBe(saidContent(`Harbour\n\nThen${tail}`));
  });
});
