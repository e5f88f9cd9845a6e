import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { conceptBag } from './concepts.js';
import { StoryIndex } from './stories.js';
import { comparisonView, storyComparison } from './story-comparison.js';
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
