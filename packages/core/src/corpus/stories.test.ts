import { describe, expect, it } from 'vitest';
import type { SpeakerType } from '../layers/quotes/types.js';
import { createPipeline } from '../pipeline.js';
import { conceptBag } from './concepts.js';
import type { ReuseDocument } from './reuse-types.js';
import { StoryIndex } from './stories.js';
import { comparisonView, storyComparison, storySpeakers } from './story-comparison.js';
import { PARTIAL, REPUBLISHED, REWRITE, TRANSLATION, UNRELATED, WIRE } from './testing/fixtures.js';
import { FrequencyTable } from './vectors.js';

const pipeline = await createPipeline({
  layers: ['paragraphs', 'naming', 'sources', 'claims', 'techniques', 'frames'],
});
const doc = (id: string, text: string, outlet: string, published: string) =>
  pipeline.run({ id, text, meta: { outlet, published } });

const index = new StoryIndex();
const placed = [
  index.add(doc('wire', WIRE, 'Wirepress', '2023-03-07T08:00:00Z')),
  index.add(doc('tram', UNRELATED[0]!, 'City Herald', '2023-03-06T10:00:00Z')),
  index.add(doc('daily', REPUBLISHED, 'Danube Daily', '2023-03-07T09:30:00Z')),
  index.add(doc('ru', TRANSLATION, 'Вести', '2023-03-07T07:45:00Z')),
  index.add(doc('rewrite', REWRITE, 'Port Review', '2023-03-08T12:00:00Z')),
];
const stories = index.stories();
const grain = stories[0]!;

describe('StoryIndex', () => {
  it('groups the articles about one event across outlets and languages', () => {
    expect(placed).toEqual(['story-1', 'story-2', 'story-1', 'story-1', 'story-1']);
    expect(grain.members.map((m) => [m.id, m.outlet, m.lang])).toEqual([
      ['wire', 'Wirepress', 'en'],
      ['daily', 'Danube Daily', 'en'],
      ['ru', 'Вести', 'ru'],
      ['rewrite', 'Port Review', 'en'],
    ]);
  });

  it('labels a story with its places and dates and finds who published first', () => {
    expect(grain.label.places).toContain('Odesa');
    expect(grain.label.dates).toContain('March');
    expect(grain.label.text).toMatch(/^Odesa.* — .*March/);
    expect(grain.first).toEqual({ id: 'ru', published: '2023-03-07T07:45:00Z' });
  });

  it('labels a story with what most members share, not what one member says most', () => {
    const kherson = new StoryIndex();
    const texts = [
      'Floodwater reached Kherson on Tuesday after the dam at Nova Kakhovka was breached in June 2023. Residents of Kherson were evacuated by boat as the Dnipro River rose. Officials said the flood would peak on Wednesday.',
      // Only this member names Kharkiv (four times) and 1986: the old label led with both.
      'The Dnipro River flooded parts of Kherson after the Nova Kakhovka dam burst in June 2023, officials said. Rescuers in Kherson moved residents by boat. The governor recalled that Kharkiv, Kharkiv volunteers and Kharkiv buses had helped in 1986, when Kharkiv sent aid. The flood is expected to peak on Wednesday.',
      'Kherson residents fled rising water on Tuesday as the Dnipro River swelled below the breached Nova Kakhovka dam. Boats carried residents of Kherson to safety; the flood should peak on Wednesday, officials said, in June 2023.',
    ];
    for (const [i, text] of texts.entries()) kherson.add({ id: `k${i}`, text, meta: { lang: 'en' } });
    const [story, ...rest] = kherson.stories();
    expect(rest).toEqual([]);
    expect(story!.label).toEqual({
      text: 'Kherson, Dnipro, Nova Kakhovka — June 2023',
      places: ['Kherson', 'Dnipro', 'Nova Kakhovka'],
      entities: [],
      dates: ['June', '2023'],
    });
  });

  it('names a story by the names its members share, as written, and never by a weekday', () => {
    const talks = new StoryIndex();
    for (const [i, text] of [
      'Finance minister Alikhan Smailov met bankers in Astana on Monday. Smailov said the talks went well.',
      'On Monday Alikhan Smailov told bankers in Astana that rates would stay. The president was not there.',
    ].entries())
      talks.add({ id: `t${i}`, text, meta: { lang: 'en' } });
    const [story] = talks.stories();
    expect(story!.members).toHaveLength(2);
    expect(story!.label.text).toBe('Astana, Alikhan Smailov');
  });

  it('labels a story without places or people by the words of its text, not their stems', () => {
    const votes = new StoryIndex();
    const text =
      'The council voted on Tuesday to close the library. Councillors said the vote on the library was close.';
    votes.add({ id: 'v', text });
    const [story] = votes.stories();
    expect(story!.label.places).toEqual([]);
    expect(story!.label.entities).toEqual([]);
    // Each word of the label is a word of the text (lower-cased), never a stem such as `vot`.
    const words = new Set(text.toLowerCase().match(/[a-z]+/g));
    const label = story!.label.text.split(', ');
    expect(label).toHaveLength(3);
    for (const w of label) expect(words.has(w), w).toBe(true);
  });

  it('compares the members side by side', () => {
    const c = grain.comparison;
    expect(c.names.wire).toContainEqual({ entity: 'kyiv', form: 'Kiev', provenance: 'ru-derived' });
    expect(c.names.daily).toContainEqual({ entity: 'kyiv', form: 'Kyiv', provenance: 'uk-derived' });
    expect(c.sources.wire).toContain('Ivan Petrenko');
    expect(Object.keys(c.frames)).toEqual(['wire', 'daily', 'ru', 'rewrite']);
    const shared = c.claims.find((x) => x.includedBy.includes('wire') && x.includedBy.includes('daily'));
    expect(shared).toBeDefined();
    for (const x of c.claims)
      expect([...x.includedBy, ...x.omittedBy].sort()).toEqual(['daily', 'rewrite', 'ru', 'wire']);
  });

  it('adds new articles without moving earlier ones', () => {
    const before = JSON.stringify(index.stories().map((s) => [s.id, s.members.map((m) => m.id)]));
    expect(index.add(doc('insure', PARTIAL, 'Lloyd Weekly', '2023-03-09T08:00:00Z'))).toBe('story-1');
    expect(index.add(doc('snow', UNRELATED[1]!, 'Alpine Post', '2023-03-09T09:00:00Z'))).toBe('story-3');
    const after = index.stories().map((s) => [s.id, s.members.map((m) => m.id)]);
    expect(after).toEqual([
      ['story-1', ['wire', 'daily', 'ru', 'rewrite', 'insure']],
      ['story-2', ['tram']],
      ['story-3', ['snow']],
    ]);
    expect(before).toBe(
      JSON.stringify([
        ['story-1', ['wire', 'daily', 'ru', 'rewrite']],
        ['story-2', ['tram']],
      ]),
    );
  });
});

describe('comparisonView', () => {
  const docs = [
    doc('wire', WIRE, 'Wirepress', '2023-03-07T08:00:00Z'),
    doc('daily', REPUBLISHED, 'Danube Daily', '2023-03-07T09:30:00Z'),
    doc('ru', TRANSLATION, 'Вести', '2023-03-07T07:45:00Z'),
  ];
  const df = new FrequencyTable();
  for (const d of docs) df.addBag(conceptBag(d.text, undefined, d.language?.code));
  it('compares the members exactly as their whole documents do', () => {
    expect(storyComparison(docs.map(comparisonView), df)).toEqual(storyComparison(docs, df));
  });
  it("keeps a member's six best claims, its selected frames and no technique spans", () => {
    const whole = docs[0]!;
    const view = comparisonView(whole);
    const best = [...whole.claims!].sort((a, b) => b.score - a.score).slice(0, 6);
    expect(whole.claims!.length).toBeGreaterThan(view.claims!.length);
    expect(view.claims).toEqual(best);
    expect(view.frames).toEqual(whole.frames!.filter((f) => f.selected));
    expect(view.techniques?.spans).toEqual([]);
    expect(view.paragraphs).toBeUndefined();
  });
});

describe('storySpeakers', () => {
  const source = (name: string, type: SpeakerType, attributions = 1) => ({
    name,
    type,
    attributions,
    words: 10,
    via: [],
  });
  const member = (id: string, text: string, sources: ReturnType<typeof source>[]): ReuseDocument => ({
    id,
    text,
    meta: { lang: 'en' },
    sources: { sources, attributedShare: 0.5, ownVoiceShare: 0.5, anonymousShare: 0, scareQuotes: 0 },
  });
  const docs = [
    member(
      'a',
      'Christine Blasey Ford said she was afraid. Hypocritically, the senators waited. Later Ford said more, and 65 women signed a letter.',
      [
        source('Christine Blasey Ford', 'person', 3),
        source('Ford', 'person', 2),
        source('Hypocritically', 'person'),
        source('65 women', 'unknown', 4),
        source('person familiar with the matter', 'anonymous'),
      ],
    ),
    member(
      'b',
      'Trump Kept Quiet\n\nMs. Ford spoke. The president kept quiet, Senate Majority Whip John Cornyn said, and the FBI said nothing. Officials said so.',
      [
        source('Ms. Ford', 'person', 2),
        source('Senate Majority Whip John Cornyn', 'person'),
        source('Trump Kept', 'person'),
        source('The FBI', 'government'),
        source('officials', 'anonymous', 2),
        source('letter', 'document'),
      ],
    ),
  ];

  it('lists speakers by name merged across members, without fragments, with who quotes them', () => {
    const { speakers, byMember } = storySpeakers(docs);
    expect(speakers).toEqual([
      { name: 'Christine Blasey Ford', type: 'person', members: ['a', 'b'], attributions: 7 },
      { name: 'unnamed sources', type: 'anonymous', members: ['a', 'b'], attributions: 3 },
      { name: 'FBI', type: 'government', members: ['b'], attributions: 1 },
      { name: 'John Cornyn', type: 'person', members: ['b'], attributions: 1 },
    ]);
    expect(byMember.get('a')).toEqual(['Christine Blasey Ford', 'unnamed sources']);
    // `Trump` of the headline `Trump Kept Quiet` is written nowhere inside a sentence: no name to list.
    expect(byMember.get('b')).toEqual(['Christine Blasey Ford', 'unnamed sources', 'FBI', 'John Cornyn']);
  });

  it('merges a Russian name across its case forms', () => {
    const { speakers } = storySpeakers([
      member('a', 'Как заявил Петр Порошенко, всё решено.', [source('Петр Порошенко', 'person', 2)]),
      member('b', 'По словам Петра Порошенко, всё решено.', [source('Петра Порошенко', 'person')]),
    ]);
    expect(speakers).toEqual([
      { name: 'Петр Порошенко', type: 'person', members: ['a', 'b'], attributions: 3 },
    ]);
  });

  it('keeps a Russian woman and man of one surname apart, merging case forms of one gender', () => {
    const { speakers } = storySpeakers([
      member('a', 'Как заявила Юлия Навальная, всё решено. Алексей Навальный молчал, ушёл и Захаров.', [
        source('Юлия Навальная', 'person', 2),
        source('Алексей Навальный', 'person'),
        source('Захаров', 'person'),
      ]),
      member('b', 'По словам Юлии Навальной и Марии Захаровой, всё решено. Молчал и Песков.', [
        source('Юлии Навальной', 'person'),
        source('Мария Захарова', 'person'),
        source('Песков', 'person'),
      ]),
      member('c', 'По словам Пескова, всё решено. Молчал Песков.', [source('Пескова', 'person')]),
    ]);
    expect(speakers.map((s) => [s.name, s.attributions])).toEqual([
      ['Юлия Навальная', 3],
      ['Песков', 2],
      ['Алексей Навальный', 1],
      ['Захаров', 1],
      ['Мария Захарова', 1],
    ]);
  });

  it('joins a surname alone in the genitive to the full name of its one gender', () => {
    const { speakers } = storySpeakers([
      member('a', 'Как заявил Сергей Лавров, всё решено.', [source('Сергей Лавров', 'person')]),
      member('b', 'По словам Лаврова, всё решено. Лавров молчал.', [source('Лаврова', 'person')]),
    ]);
    expect(speakers.map((s) => [s.name, s.members, s.attributions])).toEqual([
      ['Сергей Лавров', ['a', 'b'], 2],
    ]);
  });

  it('keeps a body and a person of one name apart', () => {
    const { speakers } = storySpeakers([
      member('a', 'Bloomberg reported it. Michael Bloomberg said no. Bloomberg said more.', [
        source('Bloomberg', 'media', 2),
        source('Michael Bloomberg', 'person'),
        source('Bloomberg', 'person'),
      ]),
    ]);
    expect(speakers.map((s) => [s.name, s.type, s.attributions])).toEqual([
      ['Bloomberg', 'media', 2],
      ['Michael Bloomberg', 'person', 2],
    ]);
  });

  it('keeps two people of one surname apart, and a surname that fits both alone', () => {
    const { speakers } = storySpeakers([
      member('a', 'Sarah Sanders said so. Bernie Sanders said no. Sanders left.', [
        source('Sarah Sanders', 'person'),
        source('Bernie Sanders', 'person'),
        source('Sanders', 'person'),
      ]),
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Bernie Sanders', 'Sanders', 'Sarah Sanders']);
  });
});
