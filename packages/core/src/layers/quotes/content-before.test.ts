import { describe, it } from 'vitest';
import { type AttributionCase, expectAttributions, runQuotes } from './run.fixture.js';

const run = (text: string) => runQuotes(text, 'en');

/**
 * Attributions around a sentence's lead: whether the words before `, X said` are its content (a
 * short clause, not an adverbial or a question put to the source), what may follow the cue
 * without being a content of its own, and `according to` leads. One rule per case.
 */
const cases: AttributionCase[] = [
  {
    name: 'a short lead with a finite verb is a clause: its content',
    text: 'Harbour\n\nThe harbour will reopen, a ministry spokesman said.',
    want: [{ content: 'The harbour will reopen', cue: 'said', source: 'a ministry spokesman' }],
  },
  {
    name: 'a short lead with a copula is a clause (`Sales were great, she said.`)',
    text: 'Harbour\n\nSales were great, she said.',
    want: [{ content: 'Sales were great', cue: 'said', source: 'she' }],
  },
  {
    name: 'a short lead with no finite verb stays an adverbial',
    text: 'Harbour\n\nAll these years later, the mayor said.',
    want: [],
  },
  {
    name: 'a short adverbial lead before a cue with its own content is no content',
    text: 'Harbour\n\nAfter all, the mayor said the ferry was late.',
    want: [{ content: 'the ferry was late', cue: 'said', source: 'the mayor' }],
  },
  {
    name: 'a day and place after the cue are the speech event: the content is before',
    text: 'Harbour\n\nThe ferry tolls are far too high, Holt said Tuesday in Dover, noting the night rates.',
    want: [
      { content: 'The ferry tolls are far too high', cue: 'said', source: 'Holt' },
      { content: 'the night rates', cue: 'noting', source: 'Holt' },
    ],
  },
  {
    name: 'an event adjunct closing the sentence is no content',
    text: 'Harbour\n\nThe harbour will reopen, he said on Monday.',
    want: [{ content: 'The harbour will reopen', cue: 'said', source: 'he' }],
  },
  {
    name: 'a time after the addressee of `told` is no content',
    text: 'Harbour\n\nThe harbour will reopen, the minister told reporters last week.',
    want: [{ content: 'The harbour will reopen', cue: 'told', source: 'the minister' }],
  },
  {
    name: 'a determiner after the addressee of `told` opens the content unless a time follows',
    text: 'Harbour\n\nWhile the council debated, Holt told reporters this was the last ferry. Reed told reporters this week that it was not.',
    want: [
      { content: 'this was the last ferry', cue: 'told', source: 'Holt' },
      { content: 'that it was not', cue: 'told', source: 'Reed' },
    ],
  },
  {
    name: 'a content interrupted by `, X say,` resumes at a determiner that opens no adverbial',
    text: 'Harbour\n\nIn the long run, many pilots say, this toll could close the ferry.',
    want: [
      {
        content: 'In the long run, many pilots say, this toll could close the ferry',
        cue: 'say',
        source: 'many pilots',
        parts: ['In the long run', 'this toll could close the ferry'],
      },
    ],
  },
  {
    name: 'a content resumed after `, he says,` may be two words',
    text: 'Harbour\n\nThis ferry, he says, is different.',
    want: [{ content: 'This ferry, he says, is different', parts: ['This ferry', 'is different'] }],
  },
  {
    name: 'a name after the cue is its object, not an adjunct',
    text: 'Harbour\n\nAt the rally in Dover, the union endorsed Ann Holt, a ferry captain.',
    want: [{ content: 'Ann Holt', cue: 'endorsed', source: 'the union' }],
  },
  {
    name: 'a question put to the source is no content; the answer, one word or more, is',
    text: 'Harbour\n\nAsked whether the ferry would run, the mayor said no.',
    want: [
      { content: 'whether the ferry would run', cue: 'Asked' },
      { content: 'no', cue: 'said', source: 'the mayor' },
    ],
  },
  {
    name: 'after `When asked …,` a quotation after the cue is the content',
    text: 'Harbour\n\nWhen asked about the tolls, Holt said, “We will cut them.”',
    want: [
      { content: 'the tolls', cue: 'asked' },
      { content: '“We will cut them.”', cue: 'said', source: 'Holt' },
    ],
  },
  {
    name: '`According to X, …` opens a lead after a parenthesis',
    text: 'Harbour\n\n(According to the port authority, the ferry carried more cars than ever.)',
    want: [
      {
        content: 'the ferry carried more cars than ever',
        cue: 'According to',
        source: 'the port authority',
      },
    ],
  },
  {
    name: '`According to X, …` opens a lead after a colon',
    text: 'Harbour\n\nThe town has noticed: According to recent polls, most residents back the ferry.',
    want: [{ content: 'most residents back the ferry', cue: 'According to', source: 'recent polls' }],
  },
  {
    name: 'a noun-or-verb cue form before `, according to` is the noun',
    text: 'Harbour\n\nThe line will stop in four Gulf states, according to shipping records.',
    want: [
      {
        content: 'The line will stop in four Gulf states',
        cue: 'according to',
        source: 'shipping records',
      },
    ],
  },
];

describe('quotes: content before the cue', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expectAttributions(
      text,
      run(text).filter((q) => q.kind !== 'scare'),
      want,
    );
  });
});
