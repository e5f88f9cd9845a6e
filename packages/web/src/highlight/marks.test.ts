// The findings the article view highlights, from a document written out here: one of each
// kind, with the ids, lanes, labels, texts and notes the view shows.
import type { NewsDocument } from '@newsprism/core';
import { beforeAll, expect, describe as group, it } from 'vitest';
import { describe, type Finding, findings, HIGHLIGHT_LAYERS } from './marks.js';

const TEXT = 'Kiev said: "we will win", experts said. Corrupt liars. Prices rose 5%. I feel sad.';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(s);
  return { start, end: start + s.length };
};

const DOC = {
  id: 'm',
  text: TEXT,
  quotes: [
    {
      ...at('"we will win"'),
      kind: 'direct',
      cue: at('said'),
      source: at('Kiev'),
      speaker: { name: 'Kiev', type: 'government', role: 'capital' },
      via: { name: 'AFP', type: 'media' },
      cueLemma: 'say',
      signals: [
        { ...at('experts'), type: 'hedge', label: 'h1' },
        { ...at('said', 30), type: 'evaluative', label: 'e1' },
        { ...at('Corrupt'), type: 'distancing', label: 'd1' },
      ],
      rule: 'r1',
    },
    {
      ...at('liars'),
      kind: 'scare',
      parts: [at('Corrupt'), at('liars')],
      signals: [{ ...at('liars'), type: 'hedge', label: 'h2' }],
      rule: 'r2',
    },
    { ...at('Prices'), kind: 'indirect', speaker: { name: 'X', type: 'person' }, signals: [], rule: 'r3' },
    { ...at('feel'), kind: 'indirect', signals: [], rule: 'r4' },
  ],
  techniques: {
    spans: [
      {
        ...at('Corrupt liars.'),
        technique: 'Name_Calling-Labeling',
        score: 0.876,
        paragraph: 0,
        why: ['w1'],
      },
    ],
    paragraphs: [],
  },
  entities: [
    { id: 'kyiv', type: 'place', name: 'Kyiv', aliases: [], mentions: [{ ...at('Kiev'), type: 'city' }] },
    {
      id: 'p',
      type: 'person',
      name: 'Expert',
      aliases: [],
      mentions: [at('experts'), { start: 200, end: 205 }],
    },
  ],
  naming: {
    entities: [
      {
        entity: 'kyiv',
        name: 'Kyiv',
        variants: [
          {
            form: 'Kiev',
            provenance: 'ru-derived',
            pole: 'ru',
            count: 1,
            quoted: 0,
            distanced: 0,
            mentions: [at('Kiev')],
          },
        ],
      },
    ],
    terms: [],
  },
  claims: [
    {
      ...at('Prices rose 5%.'),
      label: 'statistic',
      score: 0.9,
      attrs: { checkworthy: true, voice: 'outlet', cue: 'number' },
    },
    { ...at('I feel sad.'), label: 'other', score: 0.1, attrs: { checkworthy: false, voice: 'outlet' } },
    {
      ...at('Corrupt liars.'),
      label: 'other',
      score: 0.6,
      attrs: { checkworthy: true, voice: 'reported', speaker: 'X' },
    },
  ],
  subjectivity: {
    sentences: [
      { ...at('I feel sad.'), subjective: true, score: 0.81, voice: 'outlet' },
      { ...at('Prices rose 5%.'), subjective: false, score: 0.1, voice: 'outlet' },
    ],
  },
} as unknown as NewsDocument;

group('findings', () => {
  // Computed in a hook, not while the tests are collected: a mutation run (Stryker) switches
  // its mutant on in a setup hook, after collection.
  let all: Finding[];
  beforeAll(() => {
    all = findings(DOC);
  });
  const byId = (id: string) => all.find((f) => f.id === id)!;
  const text = (id: string) => TEXT.slice(byId(id).start, byId(id).end);

  it('lists every finding once, layer by layer, dropping ranges outside the text', () => {
    expect(all.map((f) => f.id)).toEqual([
      'q0c0',
      'q0v',
      'q0s',
      'q0g0',
      'q0g1',
      'q0g2',
      'q1c0',
      'q1c1',
      'q1g0',
      'q2c0',
      'q3c0',
      't0',
      'e:kyiv:0',
      'e:p:0',
      'c0',
      'c2',
      's0',
    ]);
    expect(all.map((f) => [f.id, f.layer, f.lane])).toContainEqual([
      'q0g0',
      'signals',
      HIGHLIGHT_LAYERS.indexOf('signals'),
    ]);
    for (const f of all) expect(f.lane).toBe(HIGHLIGHT_LAYERS.indexOf(f.layer as never));
  });

  it('gives a quote its content, reporting verb and source, each with the speaker and notes', () => {
    expect([text('q0c0'), text('q0v'), text('q0s')]).toEqual(['"we will win"', 'said', 'Kiev']);
    expect(byId('q0c0')).toMatchObject({
      layer: 'quotes',
      label: 'government',
      what: 'Quoted or reported content',
      source: 'Kiev',
      why: ['rule r1'],
      notes: ['direct attribution', 'speaker: Kiev (capital), government', 'relayed via AFP', 'cue: say'],
    });
    expect(byId('q0v')).toMatchObject({ label: 'cue', what: 'Reporting verb', source: 'Kiev' });
    expect(byId('q0s')).toMatchObject({ label: 'source', what: 'Source as named' });
    // A scare quote without a speaker, in pieces; an indirect one with a speaker and no role.
    expect([text('q1c0'), text('q1c1')]).toEqual(['Corrupt', 'liars']);
    expect(byId('q1c0')).toMatchObject({ label: 'scare', source: undefined, notes: ['scare attribution'] });
    expect(byId('q2c0')).toMatchObject({
      label: 'person',
      notes: ['indirect attribution', 'speaker: X, person'],
    });
    // Neither a speaker nor a scare quote: of unknown type, with no reporting verb or source.
    expect(byId('q3c0')).toMatchObject({
      label: 'unknown',
      source: undefined,
      notes: ['indirect attribution'],
    });
  });

  it('names signals by type, about the speaker when there is one', () => {
    expect(
      ['q0g0', 'q0g1', 'q0g2', 'q1g0'].map((id) => [
        text(id),
        byId(id).label,
        byId(id).what,
        byId(id).why,
        byId(id).notes,
      ]),
    ).toEqual([
      ['experts', 'hedge', 'Hedge', ['h1'], ['about Kiev']],
      ['said', 'evaluative', 'Evaluative verb', ['e1'], ['about Kiev']],
      ['Corrupt', 'distancing', 'Distancing', ['d1'], ['about Kiev']],
      ['liars', 'hedge', 'Hedge', ['h2'], []],
    ]);
  });

  it('gives techniques their label, score and reasons', () => {
    expect(byId('t0')).toMatchObject({
      layer: 'techniques',
      label: 'Name_Calling-Labeling',
      what: 'Persuasion technique',
      score: 0.876,
      why: ['w1'],
      notes: [],
    });
    expect(text('t0')).toBe('Corrupt liars.');
  });

  it('marks contested names, other entities by their mention type or else the entity’s', () => {
    expect(byId('e:kyiv:0')).toMatchObject({
      label: 'contested-name',
      what: 'Contested name',
      notes: ['Kyiv (city)', 'Kiev → Kyiv: ru-derived form (ru usage)'],
    });
    expect(byId('e:p:0')).toMatchObject({
      label: 'person',
      what: 'Named entity',
      why: [],
      notes: ['Expert (person)'],
    });
    expect(text('e:p:0')).toBe('experts');
  });

  it('says a contested name mentioned as a name is not the outlet’s usage', () => {
    const variant = DOC.naming!.entities[0]!.variants[0]!;
    const doc = {
      ...DOC,
      naming: {
        ...DOC.naming,
        entities: [
          {
            ...DOC.naming!.entities[0]!,
            variants: [{ ...variant, distanced: 1, mentions: [{ ...at('Kiev'), rule: 'mention' }] }],
          },
        ],
      },
    } as unknown as NewsDocument;
    expect(findings(doc).find((f) => f.id === 'e:kyiv:0')!.notes).toEqual([
      'Kyiv (city)',
      "Kiev → Kyiv: ru-derived form, named as a name (not the outlet's usage)",
    ]);
  });

  it('takes check-worthy claims and subjective sentences only', () => {
    expect(byId('c0')).toMatchObject({
      label: 'statistic',
      what: 'Check-worthy claim',
      rank: 0.9,
      why: ['cue "number"'],
      notes: ['voice: outlet'],
    });
    expect(byId('c2')).toMatchObject({ why: [], notes: ['voice: reported', 'speaker: X'] });
    expect(byId('s0')).toMatchObject({
      layer: 'subjectivity',
      label: 'subjective',
      what: 'Subjective sentence',
      score: 0.81,
      why: [],
      notes: ['voice: outlet'],
    });
    expect(text('s0')).toBe('I feel sad.');
  });

  it("shows the cue fallback's subjectivity (languages without a model) as a rank score, not a percentage", () => {
    const cues = { ...DOC, subjectivity: { ...DOC.subjectivity!, method: 'cues' } } as NewsDocument;
    const s0 = findings(cues).find((f) => f.id === 's0')!;
    expect(s0.score).toBeUndefined();
    expect(describe(s0)).toBe('Subjective sentence: subjective · rank score 0.81');
    const model = findings({
      ...DOC,
      subjectivity: { ...DOC.subjectivity!, method: 'model' },
    } as NewsDocument);
    expect(describe(model.find((f) => f.id === 's0')!)).toBe('Subjective sentence: subjective · 81%');
  });

  it('drops empty ranges and ranges that start before or end after the text', () => {
    const doc = {
      id: 'x',
      text: 'abc',
      techniques: {
        spans: [
          { start: 0, end: 3, technique: 'Doubt', score: 1, paragraph: 0, why: [] },
          { start: 1, end: 1, technique: 'Doubt', score: 1, paragraph: 0, why: [] },
          { start: -1, end: 2, technique: 'Doubt', score: 1, paragraph: 0, why: [] },
          { start: 2, end: 4, technique: 'Doubt', score: 1, paragraph: 0, why: [] },
        ],
      },
    } as unknown as NewsDocument;
    expect(findings(doc).map((f) => [f.start, f.end])).toEqual([[0, 3]]);
    expect(findings({ id: 'e', text: '' } as NewsDocument)).toEqual([]);
  });
});

group('describe', () => {
  it('says what a finding is, its label in words, a probability as a percentage and a ranking score as a number', () => {
    const all = findings(DOC);
    expect(describe(all.find((f) => f.id === 't0')!)).toBe(
      'Persuasion technique: Name Calling-Labeling · 88%',
    );
    expect(describe(all.find((f) => f.id === 'q0v')!)).toBe('Reporting verb: cue');
    // A claim's score ranks; it is not a probability, so no percent sign.
    expect(all.find((f) => f.id === 'c0')!.score).toBeUndefined();
    expect(describe(all.find((f) => f.id === 'c0')!)).toBe('Check-worthy claim: statistic · rank score 0.90');
  });
});
