import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { reuseChanges } from './changes.js';

const pipeline = await createPipeline({ layers: ['paragraphs', 'sentences', 'naming', 'quotes'] });
const run = (id: string, text: string) => pipeline.run({ id, text, meta: { lang: 'en' } });
const TITLE = 'Port reopens after repairs\n\n';
const one = [{ a: 1, b: 1, similarity: 0.9 }];

describe('reuseChanges attributions', () => {
  it.each([
    [
      'dropped: the claim becomes the outlet’s own voice',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      'The terminal will reopen next month.',
      [['dropped', 'Ivan Petrenko', undefined]],
    ],
    [
      'added',
      'The terminal will reopen next month.',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      [['added', undefined, 'Ivan Petrenko']],
    ],
    [
      're-attributed',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      'The terminal will reopen next month, Deputy Minister Olga Stefanishyna said on Tuesday.',
      [['re-attributed', 'Ivan Petrenko', 'Olga Stefanishyna']],
    ],
    // A copy that names the speaker by the surname alone (or the full name) names the same person.
    [
      'the surname of the same speaker',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      'The terminal will reopen next month, Petrenko said on Tuesday.',
      [],
    ],
    [
      'the full name of the same speaker',
      'The terminal will reopen next month, Petrenko said on Tuesday.',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      [],
    ],
    [
      'another person of another surname',
      'The terminal will reopen next month, Petrenko said on Tuesday.',
      'The terminal will reopen next month, Olga Stefanishyna said on Tuesday.',
      [['re-attributed', 'Petrenko', 'Olga Stefanishyna']],
    ],
    // A role noun is no surname: the vice president is not the president.
    [
      'a role noun that ends another role',
      'The terminal will reopen next month, the president said on Tuesday.',
      'The terminal will reopen next month, the vice president said on Tuesday.',
      [['re-attributed', 'president', 'vice president']],
    ],
    // The surname refers to the person of that surname its own document names in full: Donald
    // Trump is not Eric Trump.
    [
      'another person of the same surname',
      'Donald Trump visited the port. The terminal will reopen next month, Trump said on Tuesday.',
      'Donald Trump visited the port. The terminal will reopen next month, Eric Trump said on Tuesday.',
      [['re-attributed', 'Trump', 'Eric Trump']],
    ],
    [
      'unchanged',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      'The terminal will reopen next month, port director Ivan Petrenko said on Tuesday.',
      [],
    ],
  ])('%s', (_, from, to, expected) => {
    const c = reuseChanges(run('s', TITLE + from), run('t', TITLE + to), one, true);
    expect(c.attributions.map((x) => [x.change, x.from, x.to])).toEqual(expected);
  });

  it('keeps a Russian surname the full name it refers to (`Евсеев` → `Владимир Евсеев`)', () => {
    const ru = (id: string, body: string) => pipeline.run({ id, text: TITLE + body, meta: { lang: 'ru' } });
    const c = reuseChanges(
      ru('s', 'Порт откроется в следующем месяце, заявил Евсеев во вторник.'),
      ru('t', 'Порт откроется в следующем месяце, заявил эксперт Владимир Евсеев во вторник.'),
      one,
      true,
    );
    expect(c.attributions).toEqual([]);
  });
});

describe('reuseChanges numbers and hedges', () => {
  it.each([
    [
      'Twelve ships carried 410,000 tonnes.',
      'Twelve ships carried 450,000 tonnes.',
      [['410000', '450000']],
      [],
    ],
    ['The attack killed 3 people.', 'The attack allegedly killed 3 people.', [], [['added', 'allegedly']]],
    ['The so-called referendum was held.', 'The referendum was held.', [], [['removed', 'so-called']]],
    ['Prices rose by 2.5 percent.', 'Prices rose by 2,5 percent.', [], []],
  ])('%s → %s', (from, to, numbers, hedges) => {
    const c = reuseChanges(run('s', TITLE + from), run('t', TITLE + to), one, true);
    expect(c.numbers.map((n) => [n.from, n.to])).toEqual(numbers);
    expect(c.hedges.map((h) => [h.change, h.cue])).toEqual(hedges);
  });

  it('reports paragraphs left unpaired as added and dropped, with their roles', () => {
    const s = run('s', `${TITLE}First paragraph of the story.\nSecond paragraph of the story.`);
    const t = run('t', `${TITLE}First paragraph of the story.\nA new closing paragraph.`);
    const c = reuseChanges(
      s,
      t,
      [
        { a: 0, b: 0, similarity: 1 },
        { a: 1, b: 1, similarity: 1 },
      ],
      true,
    );
    expect(c.paragraphsDropped.map((p) => [s.text.slice(p.start, p.end), p.role])).toEqual([
      ['Second paragraph of the story.', 'body'],
    ]);
    expect(c.paragraphsAdded.map((p) => t.text.slice(p.start, p.end))).toEqual(['A new closing paragraph.']);
  });

  it('reports techniques added and removed when both documents have the layer', () => {
    const s = {
      id: 's',
      text: 'x',
      techniques: {
        spans: [],
        paragraphs: [{ paragraph: 0, techniques: [{ technique: 'Doubt' as const, score: 1 }] }],
      },
    };
    const t = {
      id: 't',
      text: 'x',
      techniques: {
        spans: [],
        paragraphs: [{ paragraph: 0, techniques: [{ technique: 'Loaded_Language' as const, score: 1 }] }],
      },
    };
    const c = reuseChanges(s, t, [], true);
    expect([c.techniquesAdded, c.techniquesRemoved]).toEqual([['Loaded_Language'], ['Doubt']]);
  });
});
