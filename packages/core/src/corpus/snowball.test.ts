import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { fastSnowball } from './snowball.js';

describe('fastSnowball', () => {
  // Forms made from a few roots and many of each language's endings, so that most of the
  // stemmers' suffix tables are reached.
  const english = [
    'nation',
    'connect',
    'happy',
    'run',
    'generous',
    'sky',
    'dye',
    'agree',
    'hop',
    'fluff',
    'communi',
    'arsen',
    'y',
  ];
  const englishEnds = [
    '',
    's',
    'es',
    'ed',
    'ing',
    'ly',
    'ness',
    'ful',
    'ment',
    'ational',
    'ization',
    'iveness',
    'ousli',
    'ably',
    'ic',
    'ical',
    'ative',
    'ize',
    'er',
    'est',
    "'s",
    'ies',
    'ied',
    'ss',
    'eed',
    'edly',
    'ingly',
    'ence',
    'ance',
    'able',
    'ible',
    'ant',
    'ent',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'e',
    'l',
    'll',
    'y',
    'ion',
    'tion',
    'al',
    'ality',
  ];
  const russian = [
    'украин',
    'санкци',
    'киев',
    'переговор',
    'ёлк',
    'говор',
    'красив',
    'быстр',
    'сказ',
    'москв',
    'о',
    'нов',
  ];
  const russianEnds = [
    '',
    'а',
    'ы',
    'е',
    'у',
    'ой',
    'ою',
    'ам',
    'ами',
    'ах',
    'ов',
    'ев',
    'ей',
    'ий',
    'ия',
    'ие',
    'ию',
    'иям',
    'ями',
    'ость',
    'ости',
    'ейший',
    'ейшая',
    'нн',
    'ного',
    'ому',
    'ыми',
    'ивший',
    'ывшись',
    'ающий',
    'ющая',
    'ться',
    'тся',
    'ла',
    'ли',
    'ло',
    'ешь',
    'ете',
    'ует',
    'уйте',
    'ить',
    'ировать',
    'ировал',
    'ировались',
    'ь',
    'ья',
    'ьё',
    'ьем',
    'ёв',
  ];
  const forms = (roots: string[], ends: string[]) => roots.flatMap((r) => ends.map((e) => r + e));

  it('is the package with its field accessors rewritten, not the package as it is', () => {
    expect(fastSnowball()).not.toBe(snowball);
  });

  it('gives the same stems as snowball-stemmers itself', () => {
    const fast = fastSnowball();
    for (const [lang, words] of [
      ['english', forms(english, englishEnds)],
      ['russian', forms(russian, russianEnds)],
    ] as const) {
      const a = fast.newStemmer(lang);
      const b = snowball.newStemmer(lang);
      expect(words.map((w) => a.stem(w))).toEqual(words.map((w) => b.stem(w)));
    }
  });

  it('gives the same stems in every language it has (its buffer calls made direct in all)', () => {
    const fast = fastSnowball();
    const words = [...forms(english.slice(0, 4), englishEnds), ...forms(russian.slice(0, 3), russianEnds)];
    for (const lang of snowball.algorithms()) {
      const a = fast.newStemmer(lang);
      const b = snowball.newStemmer(lang);
      expect(
        words.map((w) => a.stem(w)),
        lang,
      ).toEqual(words.map((w) => b.stem(w)));
    }
  });
});
