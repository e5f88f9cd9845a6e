import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline.js';
import type { Candidate } from './candidates.js';
import { joinDangling } from './recognize-en.js';
import { personRules, titleKind } from './titles-en.js';

const pipeline = await createPipeline({ layers: ['entities'] });
const tokenizer = await createPipeline({ layers: ['tokens'] });
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

  it('drops the title words ending a name right before a person', () => {
    expect(
      mentions('White House Press Secretary Karine Jean-Pierre said on Monday that talks went on.'),
    ).toEqual(['LOC[White House]', 'PER[Karine Jean-Pierre]']);
    expect(mentions('First Rank Captain Anton Kuprin, 44, was killed.')).toEqual(['PER[Anton Kuprin]']);
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

  it('takes capitalised words after a link word up to the next name, never over it', () => {
    const text = 'They met at the Bank of Big Apple Corp today.';
    const tokens = tokenizer.run({ id: 't', text, meta: { lang: 'en' } }).tokens!;
    const words = tokens.map((t) => text.slice(t.start, t.end));
    const at = (w: string) => words.indexOf(w);
    const cand = (i: number, j: number, type: Candidate['type']): Candidate => ({
      i,
      j,
      start: tokens[i]!.start,
      end: tokens[j - 1]!.end,
      type,
      rule: 'model',
    });
    const out = joinDangling(text, tokens, words, [
      cand(at('Bank'), at('of') + 1, 'ORG'),
      cand(at('Corp'), at('Corp') + 1, 'ORG'),
    ]);
    expect(out.map((c) => text.slice(c.start, c.end))).toEqual(['Bank of Big Apple', 'Corp']);
  });

  it('drops a link word with no name after it', () => {
    for (const m of mentions('He was back to the Trump of the Republican primaries.'))
      expect(m.endsWith(' of]')).toBe(false);
  });
});

describe('English subheadings in capitals (subheadings)', () => {
  it('a common noun in capitals alone on its line is no name', () => {
    expect(mentions('The ship was hit.\n\nREDEPLOYMENT\n\nThe troops moved north to Kharkiv.')).toEqual([
      'LOC[Kharkiv]',
    ]);
  });
});

describe('a tagger person ending in an institution head is an organisation (issue 18)', () => {
  it.each([
    ['Senators criticised the Obama Administration again.', 'Obama Administration', 'ORG'],
    ['Donors gave money to the Clinton Foundation again.', 'Clinton Foundation', 'ORG'],
    // A person's name ending in no head word stays a person.
    ['Senators criticised the Barack Obama speech again.', 'Barack Obama', 'PER'],
  ])('%s', (text, name, want) => {
    const doc = tokenizer.run({ id: 't', text, meta: { lang: 'en' } });
    const tokens = doc.tokens!;
    const words = tokens.map((t) => text.slice(t.start, t.end));
    const i = words.indexOf(name.split(' ')[0]!);
    const j = i + name.split(' ').length;
    const c: Candidate = {
      i,
      j,
      start: tokens[i]!.start,
      end: tokens[j - 1]!.end,
      type: 'PER',
      rule: 'model',
    };
    expect(text.slice(c.start, c.end)).toBe(name);
    // biome-ignore lint/suspicious/noExplicitAny: the person branch reads no tagger input
    const out = personRules(text, tokens, words, [c], {} as any, []);
    expect(out.map((x) => [x.type, text.slice(x.start, x.end)])).toEqual([[want, name]]);
  });
});
