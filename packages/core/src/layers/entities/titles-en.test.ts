import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import { titleKind } from './titles-en.js';

const pipeline = await createPipeline({ layers: ['entities'] });
const TITLE = 'River levels rise across the region\n\n';

/** The mentions of `body` (after a plain title line) as `TYPE[surface]`, in text order. */
function mentions(body: string): string[] {
  const text = TITLE + body;
  const doc = pipeline.run({ id: 't', text, meta: { lang: 'en', format: 'text' } });
  return doc
    .entities!.flatMap((e) => e.mentions.map((m) => ({ ...m, type: m.type ?? e.type })))
    .filter((m) => m.start >= TITLE.length)
    .sort((a, b) => a.start - b.start)
    .map((m) => `${m.type}[${text.slice(m.start, m.end)}]`);
}

describe('English person rules (titles-en.ts)', () => {
  it.each([
    [
      'an occupation opening a sentence is not part of the name',
      'Hydrologist Lea Holm said the river was rising faster than expected on Monday.',
      ['PER[Lea Holm]'],
    ],
    [
      'a name right after an occupation is a person',
      'The river is rising, hydrologist Lea Holm said on Monday.',
      ['PER[Lea Holm]'],
    ],
    [
      'an office opening a name the tagger typed otherwise makes it a person',
      'Prof Michel Chossudovsky wrote the report.',
      ['PER[Michel Chossudovsky]'],
    ],
    [
      'a country followed by a first name is a place and a person',
      'Now, President (of France Emmanuel) Macron also speaks of organizing workshops close to the front.',
      ['LOC[France]', 'PER[Emmanuel]', 'PER[Macron]'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(mentions(body)).toEqual(expected);
  });

  it('leaves offices and honorifics in a name the tagger calls a person, as its data does', () => {
    expect(mentions('Councillor Ohid Ahmed said the motion passed.')).toEqual(['PER[Councillor Ohid Ahmed]']);
  });

  it('keeps a surname after a determiner as the tagger has it (`a Trump presidency`)', () => {
    const ms = mentions('Many feared a Macron presidency would change little in Paris.');
    expect(ms).not.toContain('PER[Macron]');
  });

  it('does not make a person of a title opening another kind of name', () => {
    // `Captain` is no person-only title; `General Motors` stays whatever the tagger says.
    for (const m of mentions('Shares of General Motors fell as Captain America opened in cinemas.'))
      expect(m.startsWith('PER[')).toBe(false);
  });

  it('knows titles by list and by ending', () => {
    expect(titleKind('Hydrologist')).toBe('occupation');
    expect(titleKind('politician')).toBe('occupation');
    expect(titleKind('Senator')).toBe('title');
    expect(titleKind('Holm')).toBeUndefined();
    expect(titleKind('Musician')).toBe('occupation');
    expect(titleKind('Patrician')).toBeUndefined();
  });
});

describe('English names ending in a link word (joinDangling)', () => {
  it.each([
    ['He also got the House of Lords to pass his bill.', 'ORG[House of Lords]'],
    ['Funding sources included the Bank of China, in the wake of the deal.', 'ORG[Bank of China]'],
  ])('%s', (body, expected) => {
    expect(mentions(body)).toContain(expected);
  });

  it('drops a link word with no name after it', () => {
    for (const m of mentions('He was back to the Trump of the Republican primaries.'))
      expect(m.endsWith(' of]')).toBe(false);
  });
});
