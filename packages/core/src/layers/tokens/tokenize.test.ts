import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const surf = (text: string, lang = 'en') =>
  tokenize(text, lang).map((t) => `${text.slice(t.start, t.end)}/${t.kind}`);

describe('tokenize', () => {
  it.each([
    ['en', 'a $2.5 billion package', ['a/word', '$/symbol', '2.5/number', 'billion/word', 'package/word']],
    ['en', 'a 70-kilometer-long line', ['a/word', '70-kilometer-long/word', 'line/word']],
    [
      'en',
      'Germany’s BND isn’t sure',
      ['Germany/word', '’s/word', 'BND/word', 'is/word', 'n’t/word', 'sure/word'],
    ],
    [
      'en',
      'the U.S. said 1,000 troops',
      ['the/word', 'U.S/word', './punct', 'said/word', '1,000/number', 'troops/word'],
    ],
    [
      'en',
      'see https://example.org/a?b=1. Or mail a@b.org',
      ['see/word', 'https://example.org/a?b=1/url', './punct', 'Or/word', 'mail/word', 'a@b.org/email'],
    ],
    [
      'ru',
      '«Вагнер» взял Бахмут — сообщил он',
      ['«/punct', 'Вагнер/word', '»/punct', 'взял/word', 'Бахмут/word', '—/punct', 'сообщил/word', 'он/word'],
    ],
    ['ru', 'т.е. в 2023 г.', ['т.е/word', './punct', 'в/word', '2023/number', 'г/word', './punct']],
    [
      'ru',
      'США.Оперативно и Ph.D. example.com',
      ['США/word', './punct', 'Оперативно/word', 'и/word', 'Ph.D/word', './punct', 'example.com/word'],
    ],
    // A missing space after a full stop before a short capitalised word (issue 18): `Сакс.Как`
    // splits; dotted acronyms (`U.S.A`, `Ph.D`) and domains (`rt.com`, `VDARE.COM`) stay whole.
    [
      'ru',
      'Сакс.Как и U.S.A. rt.com VDARE.COM ЕС.Как',
      [
        'Сакс/word',
        './punct',
        'Как/word',
        'и/word',
        'U.S.A/word',
        './punct',
        'rt.com/word',
        'VDARE.COM/word',
        'ЕС/word',
        './punct',
        'Как/word',
      ],
    ],
  ])('[%s] %s', (lang, text, expected) => {
    expect(surf(text, lang)).toEqual(expected);
  });

  it('tokenizes only inside the given ranges and keeps absolute offsets', () => {
    const text = 'skip this. Keep that.';
    const toks = tokenize(text, 'en', [{ start: 11, end: 21 }]);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Keep', 'that', '.']);
  });

  it('counts UTF-16 code units for astral characters', () => {
    const text = '😀 Kyiv';
    const toks = tokenize(text, 'en');
    expect(text.slice(toks[1]!.start, toks[1]!.end)).toBe('Kyiv');
    expect(toks[1]!.start).toBe(3);
  });
});

describe('tokenize: texts with and without an @', () => {
  // A text with no `@` is read without the e-mail alternative (a long run of hyphens was n²):
  // every other kind must come out as when the text holds an address.
  const body =
    'Visit https://example.org/a-b, #Bakhmut and 22.05.2023: US-supplied O’Brien’s 1,000 --- “quoted” … ₽5 т.е. 2.5';
  it.each(['en', 'ru'])('gives the same tokens either way (%s)', (lang) => {
    const tail = ' mail a.b-c@x.org';
    const without = tokenize(body, lang);
    const withAt = tokenize(body + tail, lang);
    expect(withAt.slice(0, without.length)).toEqual(without);
    const last = withAt.at(-1)!;
    expect(last.kind).toBe('email');
    expect((body + tail).slice(last.start, last.end)).toBe('a.b-c@x.org');
  });

  it('reads a long run of hyphens as one token a hyphen', () => {
    const t = `a ${'-'.repeat(20000)} b`;
    const toks = tokenize(t, 'en');
    expect(toks.length).toBe(20002);
    expect(toks.filter((x) => x.kind === 'punct').length).toBe(20000);
  });
});
