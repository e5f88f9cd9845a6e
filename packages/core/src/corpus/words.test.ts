import { describe, expect, it } from 'vitest';
import { alignPassages, coverage, sharedWords } from './align.js';
import { nameSkeleton } from './translit.js';
import { fnv1a, lightStem, wordHashes, wordUnits } from './words.js';

describe('lightStem of Russian words (Snowball)', () => {
  it.each([
    ['наступление', 'наступлен'],
    ['наступления', 'наступлен'],
    ['городе', 'город'],
    ['красивейшими', 'красив'],
    ['заявили', 'заяв'],
    ['обстрелы', 'обстрел'],
    // The hand-written stemmer this replaced cut these to стра / да (the Snowball regions).
    ['страны', 'стран'],
    ['данные', 'дан'],
  ])('%s → %s', (word, stem) => expect(lightStem(word)).toBe(stem));
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

describe('wordHashes', () => {
  it.each([
    ['plain English', 'Russian forces shelled the city of Kharkiv on Tuesday.'],
    ['ё folded, capitals', 'Её ЁЛКА стоит в Киеве, 2023'],
    ['a two-unit lower case (İ) takes the slow way', 'İstanbul and Ankara'],
    ['final sigma', 'ΟΔΟΣ Αθηνών'],
    ['letters outside the BMP, combining marks', '𝐀𝐁𝐂 test café naïve 北京市 abc'],
    ['no words', ' — … ,'],
  ])('%s: the hashes of wordUnits words', (_, text) => {
    expect([...wordHashes(text)]).toEqual(wordUnits(text).words.map((w) => fnv1a(w)));
  });
});

describe('sharedWords', () => {
  const a = wordUnits('One two three four five six seven eight nine ten eleven twelve. Other words here.');
  it.each([
    ['a copy', 'One two three four five six seven eight nine ten eleven twelve.', 12],
    ['an edited word inside', 'One two three four five SIX seven eight nine ten eleven twelve.', 12],
    ['only seven shared words (under a passage)', 'Zero one two three four five six seven.', 0],
  ])('%s', (_, b, n) => {
    const wb = wordUnits(b);
    const hashes = (w: typeof a) => Uint32Array.from(w.words, (x) => fnv1a(x));
    const words = alignPassages(a, wb).reduce((s, p) => s + p.words, 0);
    expect(words).toBe(n);
    expect(sharedWords(hashes(a), hashes(wb))).toBe(n);
  });
});
