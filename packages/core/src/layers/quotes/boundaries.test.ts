import { describe, it } from 'vitest';
import { type AttributionCase, expectAttributions, runQuotes } from './run.fixture.js';

const run = (text: string) => runQuotes(text, 'en');

/** Content boundaries as PolNeAR draws them, one rule per case. */
const cases: AttributionCase[] = [
  {
    name: 'a cue inside reported content is not an attribution of its own',
    text: 'Harbour\n\nThe mayor said the engineers told her the bridge was safe.',
    want: [{ content: 'the engineers told her the bridge was safe', cue: 'said' }],
  },
  {
    name: 'content resumes after `, he noted,` even at a determiner',
    text: 'Harbour\n\nUnless the council acts soon, he noted, the port will lose its ferry service.',
    want: [
      {
        content: 'Unless the council acts soon, he noted, the port will lose its ferry service',
        cue: 'noted',
        parts: ['Unless the council acts soon', 'the port will lose its ferry service'],
      },
    ],
  },
  {
    name: 'a quotation after the speaker description (with Mr.) continues the quote',
    text: 'Harbour\n\n“We were never asked,” said Ann Holt, a ferry captain who sailed with Mr. Reed for years. “Nobody from the council came down to the docks.”\n\nThe vote is on Monday.',
    want: [
      {
        content:
          '“We were never asked,” said Ann Holt, a ferry captain who sailed with Mr. Reed for years. “Nobody from the council came down to the docks.”',
        cue: 'said',
        parts: ['“We were never asked,”', '“Nobody from the council came down to the docks.”'],
      },
    ],
  },
  {
    // Session 17: the participle's attribution (`referring to …`) came between the quotation and
    // its continuation, which went to the nearest speaker as a quotation of its own.
    name: "an attribution in the cue sentence's trailing clause (`, referring to …`) does not stop the continuation",
    text: 'Harbour\n\n“We were never asked,” Holt said, referring to the harbour board. “Nobody came down to the docks.”',
    want: [
      {
        content:
          '“We were never asked,” Holt said, referring to the harbour board. “Nobody came down to the docks.”',
        cue: 'said',
        parts: ['“We were never asked,”', '“Nobody came down to the docks.”'],
      },
      { content: 'to the harbour board', cue: 'referring' },
    ],
  },
  {
    // The review of session 17: another speaker's attribution in the same sentence is no
    // participle of the first: the next quotation is not the first speaker's.
    name: 'another speaker in the cue sentence’s trailing clause (`, while Mayor Lee said …`) stops the continuation',
    text: 'Harbour\n\n“We will not back down,” Ramos said, while Mayor Lee said the strike was illegal. “The union is breaking the law and must stop.”',
    want: [
      { content: '“We will not back down,”', cue: 'said' },
      { content: 'the strike was illegal', cue: 'said' },
      { content: '“The union is breaking the law and must stop.”' },
    ],
  },
  {
    name: 'a party-state label and `p.m.` in the cue sentence do not end it: the next quotation continues',
    text: 'Harbour\n\n“We will win this vote,” Holt told reporters at 4 p.m. beside Rep. Ann Reed (D-Calif.). “We will keep the ferry.”',
    want: [
      {
        content:
          '“We will win this vote,” Holt told reporters at 4 p.m. beside Rep. Ann Reed (D-Calif.). “We will keep the ferry.”',
        cue: 'told',
        parts: ['“We will win this vote,”', '“We will keep the ferry.”'],
      },
    ],
  },
  {
    name: 'a quotation resumed after `said late last month,` is one attribution',
    text: 'Harbour\n\n“That does not mean no response,” one council aide said late last month, “but a muted one.”',
    want: [
      {
        content:
          '“That does not mean no response,” one council aide said late last month, “but a muted one.”',
        cue: 'said',
        parts: ['“That does not mean no response,”', '“but a muted one.”'],
      },
    ],
  },
  {
    name: 'after `said on Sunday,` only a quotation resumes a quotation',
    text: 'Harbour\n\n“We stay,” the captain said on Sunday, and the crowd cheered.',
    want: [{ content: '“We stay,”', cue: 'said' }],
  },
  {
    name: 'a short lead before a mid-sentence `according to X,` goes on after it',
    text: 'Harbour\n\nAbout 10 p.m., according to a port log, the ferry left the harbour. The fees had doubled, according to the captain.',
    want: [
      {
        content: 'About 10 p.m., according to a port log, the ferry left the harbour',
        cue: 'according to',
        parts: ['About 10 p.m.', 'the ferry left the harbour'],
      },
      { content: 'The fees had doubled', cue: 'according to' },
    ],
  },
  {
    name: '`According to X, who …,`: the relative clause on the source is not content',
    text: 'Harbour\n\nAccording to Reed, who was speaking to the dockers on Monday, the ferry will stop in May.',
    want: [{ content: 'the ferry will stop in May', cue: 'According to' }],
  },
  {
    name: 'a trailing apposition after a comma is the outlet’s gloss',
    text: 'Harbour\n\nThe captain complained that the port fees had doubled, a rise of forty percent in a year.',
    want: [{ content: 'that the port fees had doubled', cue: 'complained' }],
  },
  {
    name: 'an endorsement’s content is its object, without time or place',
    text: 'Harbour\n\nThe dockers’ union endorsed Ann Holt last week in a vote of its members.',
    want: [{ content: 'Ann Holt', cue: 'endorsed' }],
  },
  {
    name: 'opposing: the object up to the comma',
    text: 'Harbour\n\nMost residents oppose the new terminal, though the mayor backs it.',
    want: [{ content: 'the new terminal', cue: 'oppose' }],
  },
  {
    name: 'a participle after `, he said,` does not resume the content',
    text: 'Harbour\n\nBusiness at the market was slow all week, the fisherman said, wiping the salt from his hands.',
    want: [{ content: 'Business at the market was slow all week', cue: 'said' }],
  },
  {
    name: 'a cue inside parentheses, content up to the closing one',
    text: 'Harbour\n\nThe ferry stops in May. (On Monday the mayor said she would fight the plan.) Rates rose (the council said they had to) after the storm.',
    want: [
      { content: 'she would fight the plan', cue: 'said' },
      { content: 'they had to', cue: 'said' },
    ],
  },
  {
    name: 'after an adverbial, a subject pronoun opens the content',
    text: 'Harbour\n\nThe ferry company said in a statement on Thursday night it would cut two crossings.',
    want: [{ content: 'it would cut two crossings', cue: 'said' }],
  },
  {
    name: 'a complement `that` clause after a stance word no cue list knows',
    text: 'Harbour\n\nThe harbour master remains confident that the ferry will sail in May, despite the storm.',
    want: [{ content: 'that the ferry will sail in May', cue: 'confident' }],
  },
  {
    name: 'no attribution for an impersonal or relative `that`',
    text: 'Harbour\n\nDespite the fact that the port is busy, the ships that dock here are small.',
    want: [],
  },
  {
    name: 'no attribution for an impersonal head before a linking verb (`The fact remains that`)',
    text: 'Harbour\n\nThe fact remains that the official story of the ferry was false.',
    want: [],
  },
  {
    name: 'a stance head before a linking verb keeps its clause (`The mayor is confident that`)',
    text: 'Harbour\n\nThe mayor is certain that the official story of the ferry was false.',
    want: [
      { content: 'that the official story of the ferry was false', cue: 'certain', source: 'The mayor' },
    ],
  },
  {
    name: 'a `whether` clause after a stance word',
    text: 'Harbour\n\nThe captains are still debating whether the ferry should sail at night.',
    want: [{ content: 'whether the ferry should sail at night', cue: 'debating' }],
  },
  {
    name: 'decided to: the infinitive up to the clause end',
    text: 'Harbour\n\nThe council decided to close the ferry line, which angered the captains.',
    want: [{ content: 'to close the ferry line', cue: 'decided' }],
  },
  {
    name: 'a possessive before an inherited object key (`his constructor`) is no stance noun',
    text: 'Harbour\n\nThe engineer praised his constructor for the fast work on the bridge.',
    want: [{ content: 'his constructor for the fast work on the bridge', cue: 'praised' }],
  },
  {
    name: '`according to` + a source the noun-phrase walk misses; a nested cue is no host for it',
    text: 'Harbour\n\nThe group is now sending letters to voters that oppose the ferry plan, according to council filings.',
    want: [
      {
        content: 'The group is now sending letters to voters that oppose the ferry plan',
        cue: 'according to',
      },
      { content: 'the ferry plan', cue: 'oppose' },
    ],
  },
  {
    name: 'a long `According to …,` lead is the source, up to its comma',
    text: 'Harbour\n\nAccording to early results of a survey conducted for the harbour board, most residents want the ferry back.',
    want: [{ content: 'most residents want the ferry back', cue: 'According to' }],
  },
  {
    name: '`pledged` before a noun is an adjective, before `to` a cue',
    text: 'Harbour\n\nHer lead in pledged delegates will hold. The mayor pledged to reopen the ferry line.',
    want: [{ content: 'to reopen the ferry line', cue: 'pledged' }],
  },
  {
    name: 'a trailing adjunct of the speech event (`in a tweet on Friday`) is left out of the content',
    text: 'Harbour\n\nThe mayor said the vote was lost in a tweet on Friday.',
    want: [{ content: 'the vote was lost', cue: 'said' }],
  },
  {
    name: 'a trailing time of the speech event (`last week`) is left out of an object content',
    text: 'Harbour\n\nThe mayor rejected the ferry plan last week.',
    want: [{ content: 'the ferry plan', cue: 'rejected' }],
  },
  {
    name: 'an infinitive keeps its own time adjunct',
    text: 'Harbour\n\nThe mayor plans to visit the docks on Monday.',
    want: [{ content: 'to visit the docks on Monday', cue: 'plans' }],
  },
  {
    name: 'a place with no time or occasion of speech stays in the content',
    text: 'Harbour\n\nThe mayor said the ferry would stop in Dover and Calais.',
    want: [{ content: 'the ferry would stop in Dover and Calais', cue: 'said' }],
  },
  {
    name: 'a time inside a quotation stays in the content',
    text: 'Harbour\n\nThe mayor said the ferry was “back on Monday night”.',
    want: [{ content: 'the ferry was “back on Monday night”', cue: 'said' }],
  },
  {
    name: 'a passive cue with a `by` agent: the subject is the content, the agent the source',
    text: 'Harbour\n\nThe ferry plan was rejected by the harbour board.',
    want: [{ content: 'The ferry plan', cue: 'rejected', source: 'the harbour board' }],
  },
  {
    name: 'a conjunction before a passive subject is not content',
    text: 'Harbour\n\nBut the toll was criticized by Ann Holt.',
    want: [{ content: 'the toll', cue: 'criticized', source: 'Ann Holt' }],
  },
  {
    name: 'a relative pronoun stands for the passive subject',
    text: 'Harbour\n\nReed is a pilot who was endorsed by the union.',
    want: [{ content: 'who', cue: 'endorsed', source: 'the union' }],
  },
  {
    name: 'the passive of `ask` reports no stance of the agent',
    text: 'Harbour\n\nReed was asked by reporters about the ferry.',
    want: [],
  },
  {
    name: 'examples after a comma (`, especially …`) stay in an object content',
    text: 'Harbour\n\nThe union endorsed three candidates, especially Ann Holt.',
    want: [{ content: 'three candidates, especially Ann Holt', cue: 'endorsed' }],
  },
  {
    name: 'examples after a comma (`, including …`) stay in a learned-cue content',
    text: 'Harbour\n\nRepublicans balked at the plan, including its night tolls.',
    want: [{ content: 'the plan, including its night tolls', cue: 'balked at' }],
  },
  {
    name: 'an apposition after a comma still ends an object content',
    text: 'Harbour\n\nThe union endorsed Ann Holt, a ferry captain.',
    want: [{ content: 'Ann Holt', cue: 'endorsed' }],
  },
];

describe('quotes content boundaries', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expectAttributions(
      text,
      run(text).filter((q) => q.kind !== 'scare'),
      want,
    );
  });
});
