import { describe, expect, it } from 'vitest';
import { termWords, termWritten, variantVoices } from './term-words.js';

const at = (text: string, ...words: string[]) => {
  let from = 0;
  return words.map((w) => {
    const start = text.indexOf(w, from);
    from = start + w.length;
    return { start, end: start + w.length };
  });
};

describe('termWords: what the text writes for a term shown by its form', () => {
  it('gives the words of mentions that are not the form, most written first', () => {
    const text = 'Ukrainian troops and the Ukrainian army. Ukrainian forces left; Ukrainian  troops stayed.';
    const mentions = at(text, 'Ukrainian troops', 'Ukrainian army', 'Ukrainian forces', 'Ukrainian  troops');
    expect(termWords('Ukrainian forces', mentions, text)).toEqual([
      { words: 'Ukrainian troops', count: 2 },
      { words: 'Ukrainian army', count: 1 },
    ]);
  });

  it('is empty when the text writes the form (any case)', () => {
    const text = 'The referendum and the Referendum.';
    expect(termWords('referendum', at(text, 'referendum', 'Referendum'), text)).toEqual([]);
  });

  it('takes a declined form for the form (Russian cases, English plurals)', () => {
    const text = 'конфликта на Украине; киевских властей; Kiev regimes';
    expect(termWords('конфликт на Украине', at(text, 'конфликта на Украине'), text)).toEqual([]);
    expect(termWords('киевские власти', at(text, 'киевских властей'), text)).toEqual([]);
    expect(termWords('Kiev regime', at(text, 'Kiev regimes'), text)).toEqual([]);
    expect(termWords('киевский режим', at(text, 'киевских властей'), text)).toEqual([
      { words: 'киевских властей', count: 1 },
    ]);
  });

  it('takes no English derivation for the form, nor another Russian word of the same start', () => {
    const text = 'annexed Crimea; liberated; occupied; Туркменистан; государствами';
    expect(termWords('annexation', at(text, 'annexed'), text)).toEqual([{ words: 'annexed', count: 1 }]);
    expect(termWords('liberation', at(text, 'liberated'), text)).toEqual([{ words: 'liberated', count: 1 }]);
    expect(termWords('occupation', at(text, 'occupied'), text)).toEqual([{ words: 'occupied', count: 1 }]);
    expect(termWords('Туркмения', at(text, 'Туркменистан'), text)).toEqual([
      { words: 'Туркменистан', count: 1 },
    ]);
    expect(termWords('государство', at(text, 'государствами'), text)).toEqual([]);
  });

  it('names an abbreviation written out', () => {
    const text = 'the Donetsk People’s Republic, which joined Russia';
    expect(termWords('DPR', at(text, 'Donetsk People’s Republic'), text)).toEqual([
      { words: 'Donetsk People’s Republic', count: 1 },
    ]);
  });
});

describe('termWritten: the note after a term', () => {
  it('lists at most three written forms, with their counts, and nothing for the form itself', () => {
    const text = 'a b a c d e';
    const m = (w: string, from = 0) => ({ start: text.indexOf(w, from), end: text.indexOf(w, from) + 1 });
    const mentions = [m('a'), m('b'), m('a', 2), m('c'), m('d'), m('e')];
    expect(termWritten({ form: 'e', mentions }, text)).toBe('; written “a” ×2, “b”, “c”, …');
    expect(termWritten({ form: 'e', mentions: mentions.slice(0, 3) }, text, '× ')).toBe(
      '; written “a” × 2, “b”',
    );
    expect(termWritten({ form: 'a', mentions: [m('a')] }, text)).toBe('');
    expect(termWritten({ form: 'a', mentions }, undefined)).toBe('');
  });
});

describe('variantVoices', () => {
  it('says how many of a name’s mentions are quoted or named as another side’s name', () => {
    expect(variantVoices({ quoted: 0, distanced: 0 })).toBe('');
    expect(variantVoices({})).toBe('');
    expect(variantVoices({ quoted: 1, distanced: 0 })).toBe('; 1 in a quotation');
    expect(variantVoices({ quoted: 2, distanced: 1 })).toBe(
      "; 2 in quotations, 1 named as another side's name",
    );
    expect(variantVoices({ quoted: 0, distanced: 3 })).toBe("; 3 named as another side's name");
  });
});

describe('variantVoices with the article’s terms', () => {
  const text =
    'Идёт конфликт на Украине. «Конфликт на Украине затянулся», — сказал он. Власти на Украине молчат.';
  const span = (words: string, from = 0) => {
    const start = text.indexOf(words, from);
    return { start, end: start + words.length };
  };
  const first = span('конфликт на Украине');
  const quotedTerm = span('Конфликт на Украине');
  const inFirst = span('на Украине');
  const inQuoted = span('на Украине', quotedTerm.start);
  const own = span('на Украине', quotedTerm.end);
  const terms = [
    { voice: 'outlet', mentions: [first] },
    { voice: 'quoted', mentions: [quotedTerm] },
  ];
  it('counts a mention inside a term once, as the term, and not again as quoted', () => {
    expect([inFirst, inQuoted, own].map((m) => text.slice(m.start, m.end))).toEqual(
      Array(3).fill('на Украине'),
    );
    const v = { quoted: 1, distanced: 0, mentions: [inFirst, inQuoted, own] };
    expect(variantVoices(v, terms)).toBe('; 2 inside terms');
    expect(variantVoices({ ...v, mentions: [inFirst, own], quoted: 0 }, terms)).toBe('; 1 inside a term');
    expect(
      variantVoices({ quoted: 0, distanced: 1, mentions: [{ ...inFirst, rule: 'mention' }] }, terms),
    ).toBe('; 1 inside a term');
    expect(variantVoices(v)).toBe('; 1 in a quotation');
  });
  it('judges each quoted mention on its own span when the layer marks it (naming@23)', () => {
    // Quoted name inside a term kept at a distance: inside the term, not again as quoted.
    const distancedTerm = [{ voice: 'distanced', mentions: [first] }];
    const quotedIn = { quoted: 1, distanced: 0, mentions: [{ ...inFirst, rule: 'quotation' }] };
    expect(variantVoices(quotedIn, distancedTerm)).toBe('; 1 inside a term');
    // A quoted name outside any term while an unquoted one sits inside a quoted term.
    const v = { quoted: 1, distanced: 0, mentions: [inQuoted, { ...own, rule: 'quotation' }] };
    expect(variantVoices(v, terms)).toBe('; 1 inside a term, 1 in a quotation');
  });
});
