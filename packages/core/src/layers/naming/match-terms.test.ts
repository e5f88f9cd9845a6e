import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokens/tokenize.js';
import { findTerms } from './match-terms.js';
import type { TermFile, TermForm } from './term-types.js';
import { indexTerms } from './terms.js';

// findTerms on terminology files written here: which match wins at a word (the longest, then
// the earlier entry), which of overlapping matches stays (the leftmost), the quoted part of a
// term, a term after a distancing prefix, a dotted acronym, and an article that makes hundreds
// of patterns live at once. Each case runs with the word-beginning prefilter and without it
// (every pattern at every word), and states the matches themselves: word-keys.test.ts checks
// that the two agree, not that either is right.

const form = (name: string, patterns: string[]): TermForm => ({
  form: name,
  pole: 'neutral',
  provenance: 'n',
  sources: [],
  why: '',
  patterns,
});

const file = (forms: TermForm[], lang = 'en'): TermFile => ({
  format: 'newsprism-terms/1',
  lang,
  provenances: { n: { pole: 'neutral', description: '' } },
  sources: {},
  concepts: [{ id: 'c', description: '', forms }],
});

/** The matches of `forms` in `text` as `text | form | start`, the same with and without the prefilter. */
function found(forms: TermForm[], text: string, lang = 'en'): string[] {
  const idx = indexTerms(file(forms, lang));
  const tokens = tokenize(text, lang);
  const rows = (prefilter: boolean) =>
    findTerms(text, tokens, idx, prefilter).map(
      (m) => `${text.slice(m.start, m.end)} | ${m.pattern.form.form} | ${m.start}`,
    );
  const filtered = rows(true);
  expect(rows(false)).toEqual(filtered);
  return filtered;
}

describe('findTerms', () => {
  it('keeps the longest match at a word, whichever entry comes first', () => {
    const short = form('operation', ['special operation']);
    const long = form('operation forces', ['special operation forces']);
    // Both match at `special`: the longer wins.
    const text = 'The special operation forces went in.';
    expect(found([short, long], text)).toEqual(['special operation forces | operation forces | 4']);
    expect(found([long, short], text)).toEqual(['special operation forces | operation forces | 4']);
    // Where only the shorter one matches, it is found.
    expect(found([long, short], 'The special operation went on.')).toEqual([
      'special operation | operation | 4',
    ]);
  });

  it('keeps the earlier entry of the file when two matches end alike', () => {
    const a = form('first', ['invasion']);
    const b = form('second', ['invasi*']);
    expect(found([a, b], 'An invasion began.')).toEqual(['invasion | first | 3']);
    expect(found([b, a], 'An invasion began.')).toEqual(['invasion | second | 3']);
  });

  it('keeps a match only where the words it excludes or requires after it allow', () => {
    const forms = [form('invasion', ['the invasion !of']), form('liberated', ['liberated &from Kyiv'])];
    expect(found(forms, 'Since the invasion of Iraq, the invasion began.')).toEqual([
      'the invasion | invasion | 28',
    ]);
    expect(found(forms, 'Towns liberated from Kyiv, towns liberated from floods.')).toEqual([
      'liberated | liberated | 6',
    ]);
  });

  it('keeps the leftmost of overlapping matches, and matches that follow it', () => {
    const forms = [
      form('referendums', ['so-called referendums']),
      form('in Kherson', ['referendums in Kherson']),
    ];
    expect(found(forms, 'The so-called referendums in Kherson failed.')).toEqual([
      'so-called referendums | referendums | 4',
    ]);
    // Apart, both are kept, in text order.
    expect(found(forms, 'Referendums in Kherson, then so-called referendums elsewhere.')).toEqual([
      'Referendums in Kherson | in Kherson | 0',
      'so-called referendums | referendums | 29',
    ]);
  });

  it.each([
    ['"', '"'],
    ['“', '”'],
    ['„', '“'],
    ['«', '»'],
  ])('reads a term whose later words are quoted (%s…%s) as the quoted part', (open, close) => {
    const forms = [form('military operation', ['special military operation'])];
    const text = `A special ${open}military operation${close} began.`;
    const start = text.indexOf('military');
    expect(found(forms, text)).toEqual([`military operation | military operation | ${start}`]);
  });

  it('keeps the whole term when the quotation does not close right after it', () => {
    const forms = [form('military operation', ['special military operation'])];
    // Closed later: the term is not the quoted part.
    expect(found(forms, 'A special "military operation in the east" began.')).toEqual([
      'special "military operation | military operation | 2',
    ]);
    // Closed right after, but opened before the term: the whole term is quoted.
    expect(found(forms, 'A "special military operation" began.')).toEqual([
      'special military operation | military operation | 3',
    ]);
  });

  it('finds a term after a distancing prefix, with or without its hyphen, in either case', () => {
    const en = [form('referendum', ['referendum*'])];
    expect(found(en, 'A pseudo-referendum and a Pseudoreferendum.')).toEqual([
      'referendum | referendum | 9',
      'referendum | referendum | 32',
    ]);
    const ru = [form('референдум', ['референдум*'])];
    expect(found(ru, 'Прошёл псевдореферендум, затем Псевдо-референдум.', 'ru')).toEqual([
      'референдум | референдум | 13',
      'референдум | референдум | 38',
    ]);
    // The word itself is tried too (a term may begin with the prefix).
    expect(found([form('pseudo-state', ['pseudo-state*'])], 'A pseudo-state.')).toEqual([
      'pseudo-state | pseudo-state | 2',
    ]);
  });

  it('finds a term written as a dotted acronym, spanning its last dot', () => {
    const forms = [form('DPR', ['DPR'])];
    expect(found(forms, 'Leaders of the D.P.R. met.')).toEqual(['D.P.R. | DPR | 15']);
    expect(found(forms, 'Leaders of the DPR met.')).toEqual(['DPR | DPR | 15']);
    // An acronym matches in capitals only.
    expect(found(forms, 'Leaders of the dpr met.')).toEqual([]);
  });

  it('finds terms whose first word is too short to be prefiltered by its letters', () => {
    const forms = [form('to war', ['go to war'])];
    expect(found(forms, 'They did go to war.')).toEqual(['go to war | to war | 9']);
  });

  it('finds every term of an article that makes hundreds of patterns live at once', () => {
    // 400 forms of one made-up word each: more first-word bits than the matcher's first buffer.
    const words = Array.from({ length: 400 }, (_, i) => `zq${i.toString(36).padStart(3, 'a')}x`);
    const forms = words.map((w) => form(w, [w]));
    const text = `${words.join(' ')}.`;
    const rows = found(forms, text);
    expect(rows).toHaveLength(400);
    expect(rows[399]).toBe(`${words[399]} | ${words[399]} | ${text.lastIndexOf(words[399]!)}`);
    // The next article finds only its own terms.
    expect(found(forms, `Only ${words[7]} here.`)).toEqual([`${words[7]} | ${words[7]} | 5`]);
  });
});
