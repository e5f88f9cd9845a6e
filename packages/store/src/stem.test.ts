import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fastSnowball } from '@newsprism/core/node';
import { describe, expect, it } from 'vitest';
import { countWords, firstWords, indexedBody, stemText, stemWord } from './stem.js';

describe('stemWord', () => {
  it.each([
    [['Украина', 'Украины', 'Украине', 'Украину', 'украиной']],
    [['Киев', 'Киева', 'Киеве', 'Киеву']],
    [['санкции', 'санкций', 'санкциями']],
    [['sanction', 'sanctions', 'Sanctions']],
    [['negotiate', 'negotiated', 'negotiating']],
    [['ёлка', 'елка', 'Ёлки']],
  ])('gives the forms %j one stem', (forms) => {
    expect(new Set(forms.map(stemWord)).size).toBe(1);
  });

  it('keeps different words apart', () => {
    expect(stemWord('Киев')).not.toBe(stemWord('Кремль'));
    expect(stemWord('war')).not.toBe(stemWord('ward'));
    expect(stemWord('2023')).toBe('2023');
  });
});

describe('stemText', () => {
  it('stems every word and counts them, punctuation aside', () => {
    expect(stemText('Sanctions hit «Украину», 2023!')).toEqual({
      stems: 'sanction hit украин 2023 ',
      words: 4,
      plain: true,
    });
  });

  it('adds weighted counts by stem, text after text, and says when a stem is not one plain token', () => {
    const counts = new Map<string, number>();
    stemText('Sanctions and sanction', counts, 2);
    expect(stemText('sanctions, sanctions', counts).plain).toBe(true);
    expect([...counts]).toEqual([
      ['sanction', 6],
      ['and', 2],
    ]);
    // Lower-casing İ gives i and a combining dot, which FTS5 reads as a separator.
    expect(stemText('İstanbul talks').plain).toBe(false);
  });
});

describe('stemText words', () => {
  // The words are runs of letters and numbers ([\p{L}\p{N}]+), read code unit by code unit.
  it.each([
    ['', ''],
    ['  ,. ', ''],
    ['a', 'a '],
    ['Sanctions', 'sanction '],
    // Letters above U+FFFF are one word with their neighbours; an emoji is a separator.
    ['x\u{1d400}1 \u{1f600} a\u{1f600}b', 'x\u{1d400}1 a b '],
    // Lone surrogates and a combining mark split words, as the expression does.
    ['ab\ud800cd \udc00ef gh\ud83d', 'ab cd ef gh '],
    ['a\u0301b', 'a b '],
    ['日本語 テキスト', '日本語 テキスト '],
    ['Ёлки 2023 １２３', 'елк 2023 １２３ '],
  ])('%j → %j, the word count of countWords', (text, stems) => {
    const r = stemText(text);
    expect(r.stems).toBe(stems);
    expect(r.words).toBe(countWords(text));
    expect(r.words).toBe(stems.split(' ').filter(Boolean).length);
  });

  it('gives a word the same stem when it is a whole text, a part of one or a query term', () => {
    const text = 'Украины, Украина и украинский: Украины';
    expect(stemText(text).stems).toBe(
      `${['Украины', 'Украина', 'и', 'украинский', 'Украины'].map(stemWord).join(' ')} `,
    );
    expect(stemText('Украины').stems).toBe(`${stemWord('Украины')} `);
  });

  it('stems right after the memo of forms has filled and been emptied', () => {
    const words = Array.from({ length: 200_001 }, (_, i) => `w${i.toString(36)}ings`);
    const stems = stemText(words.join(' ')).stems.split(' ');
    expect(stems.slice(0, 2)).toEqual(['w0ing', 'w1ing']);
    expect(stems[200_000]).toBe(stemWord(words[200_000]!));
    expect(stemText('Running runs').stems).toBe('run run ');
  });
});

describe('the memo of forms', () => {
  it('keeps no document alive through a long new word', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return getHeapStatistics().used_heap_size;
    };
    const filler = 'переговоры '.repeat(100_000);
    const before = heap();
    // Ten texts of 2.2 MB made at run time, each with a new word of 13 letters or more: kept as
    // slices (views of their texts in V8), the memo's words would keep 22 MB of texts alive.
    for (let i = 0; i < 10; i++) {
      const text = [`${'abcdefghij'[i]}Unprecedentedly`, filler].join(' ');
      stemText(text);
      // And stemWord given a slice of a text (a new form: a Unprecedent), as snippets.ts passes
      // its matches.
      stemWord(text.slice(0, 14));
    }
    const grown = heap() - before;
    expect(grown).toBeLessThan(5e6);
    expect(stemWord('aUnprecedentedly')).toBe(stemText('aUnprecedentedly').stems.trim());
  });
});

describe('English stems', () => {
  // stem.ts stems English with porter2 where stores were indexed with snowball-stemmers'
  // English program: both must give every word the same stem (or a query would miss what a
  // stored document holds). Forms of roots and endings that reach most suffix rules, with
  // digits and letters outside a–z, which both read as consonants.
  const roots =
    'nation connect happy run generous sky dye agree hop fluff communi arsen y ski news gently early proceed exceed succeed atlas cosmos bias andes howe idly ugly singly inning outing canning herring earring yay eye caf\u00e9 na\u00efve z\u00fcrich covid19 x\u{1d400}y b2b sanction'.split(
      ' ',
    );
  // The first ending is none at all.
  const ends = [
    '',
    ..."s es ies ied ed eed eedly ing ingly edly ly er est ness ful fulness ment ement ation ational tional ization ize iser ism iveness ousness ousli ably ability ibility ic ical icate iciti ative alize alli entli eli logi li ence ance ent ant sion tion ous ive e ll y ss us sses ator alism fulli lessli 's bb dd ff gg mm nn pp rr tt".split(
      ' ',
    ),
  ];

  it("are snowball-stemmers' English stems", () => {
    const snowball = fastSnowball().newStemmer('english');
    const words = roots.flatMap((r) => ends.map((e) => r + e)).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
    expect(words.length).toBeGreaterThan(2500);
    const differ = words.filter((w) => stemWord(w) !== snowball.stem(w));
    expect(differ).toEqual([]);
  });
});

describe('stemWord by script', () => {
  it.each([
    // A Russian stem under three letters keeps the word's first four (Киев → ки otherwise).
    ['Киев', 'киев'],
    ['Киева', 'киев'],
    ['Азией', 'азие'],
    ['мир', 'мир'],
    ['ёлками', 'елк'],
    // Latin: English stems; other scripts and numbers only lower-cased.
    ['Running', 'run'],
    ['Αθήνες', 'αθήνες'],
    ['１２３', '１２３'],
    ['ÉTATS', 'états'],
    ['x1', 'x1'],
    // Mixed scripts: a Cyrillic letter anywhere makes the word Russian; else a–z first, English.
    ['Xдома', 'xдом'],
    ['1дома', '1дом'],
    ['1runs', '1runs'],
    ['Éruns', 'éruns'],
    // Numbers of other scripts (Roman numerals lower-case to numbers too) only lower-cased.
    ['Ⅻ', 'ⅻ'],
    ['٣٤', '٣٤'],
    ['²', '²'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
    // The second time from the memo, the same.
    expect(stemWord(word)).toBe(stem);
  });
});

describe('firstWords and indexedBody', () => {
  it('keeps the first n stems of a stem string, whole', () => {
    expect(firstWords('a b c d ', 2)).toBe('a b ');
    expect(firstWords('a b c d ', 4)).toBe('a b c d ');
    expect(firstWords('a b c d ', 5)).toBe('a b c d ');
    expect(firstWords('', 3)).toBe('');
    const many = `${Array.from({ length: 150 }, (_, i) => `w${i}`).join(' ')} `;
    expect(firstWords(many).split(' ').filter(Boolean)).toHaveLength(100);
    expect(firstWords(many).endsWith('w99 ')).toBe(true);
  });

  it('cuts a body over 400,000 characters at a stem boundary', () => {
    const short = 'abc '.repeat(1000);
    expect(indexedBody(short)).toBe(short);
    const long = 'abcdefghi '.repeat(40_001);
    const cut = indexedBody(long);
    expect(cut.length).toBeLessThanOrEqual(400_000);
    expect(cut.length).toBeGreaterThan(399_980);
    expect(cut.split(' ').every((w) => w === 'abcdefghi')).toBe(true);
    expect(indexedBody('abcdefghi '.repeat(40_000))).toHaveLength(400_000);
  });
});
