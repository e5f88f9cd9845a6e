import { describe, expect, it } from 'vitest';
import { alignPassages, coverage } from './align.js';
import { stemRussian } from './stem-ru.js';
import { nameSkeleton } from './translit.js';
import { lightStem, wordUnits } from './words.js';

describe('stemRussian', () => {
  it.each([
    ['наступление', 'наступлен'],
    ['наступления', 'наступлен'],
    ['городе', 'город'],
    ['красивейшими', 'красив'],
    ['заявили', 'заяв'],
    ['обстрелы', 'обстрел'],
  ])('%s → %s', (word, stem) => expect(stemRussian(word)).toBe(stem));
});

describe('lightStem', () => {
  it.each([
    ['invaded', 'invad'],
    ['invades', 'invad'],
    ['cities', 'city'],
    ['shelling', 'shell'],
    ['bus', 'bus'],
  ])('%s → %s', (word, stem) => expect(lightStem(word)).toBe(stem));
});

describe('nameSkeleton', () => {
  it.each([
    ['пригожин', 'prigozhin'],
    ['зеленск', 'zelensk'],
    ['петренко', 'petrenko'],
  ])('%s and %s share a skeleton', (ru, en) => {
    expect(nameSkeleton(ru)).toBe(nameSkeleton(en));
    expect(nameSkeleton(ru)).not.toBe('');
  });
  it('gives nothing for a word of fewer than three consonants', () => expect(nameSkeleton('aia')).toBe(''));
});

describe('alignPassages', () => {
  const a =
    'One two three four five six seven eight nine ten. Alpha beta gamma delta epsilon zeta eta theta.';
  it.each([
    [
      'a verbatim copy with other punctuation',
      'One two three four five six seven eight nine ten Alpha beta gamma delta epsilon zeta eta theta',
      1,
      [1, 1],
    ],
    [
      'an edited word inside one passage',
      'One two three four five SIX seven eight nine ten. Alpha beta gamma delta epsilon zeta eta theta.',
      1,
      [1, 1],
    ],
    [
      'reordered sentences',
      'Alpha beta gamma delta epsilon zeta eta theta. One two three four five six seven eight nine ten.',
      2,
      [1, 1],
    ],
    ['nothing shared', 'Completely different words that never match the other text at all here.', 0, [0, 0]],
  ])('%s', (_, b, passages, cover) => {
    const wa = wordUnits(a);
    const wb = wordUnits(b);
    const found = alignPassages(wa, wb);
    expect(found.length).toBe(passages);
    for (const p of found)
      expect(a.slice(p.a.start, p.a.end).split(/\W+/)[0]).toBe(b.slice(p.b.start, p.b.end).split(/\W+/)[0]);
    expect([
      coverage(
        found.map((p) => p.aWords),
        wa.words.length,
      ),
      coverage(
        found.map((p) => p.bWords),
        wb.words.length,
      ),
    ]).toEqual(cover);
  });
});
