import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../paragraphs/paragraphs.js';
import { segmentSentences } from './segment.js';

const sentencesOf = (text: string, lang = 'en') =>
  segmentSentences(text, splitParagraphs(text), lang).map((s) => text.slice(s.start, s.end));

describe('segmentSentences', () => {
  const cases: [string, string, string[]][] = [
    [
      'en',
      'Mr. Smith went to Washington. He met Dr. J. K. Rowling there.',
      ['Mr. Smith went to Washington.', 'He met Dr. J. K. Rowling there.'],
    ],
    [
      'en',
      'The U.S. approved a $2.5 billion package. It includes tanks.',
      ['The U.S. approved a $2.5 billion package.', 'It includes tanks.'],
    ],
    [
      'en',
      'Aid flows from the U.S. Department of Defense. More is due.',
      ['Aid flows from the U.S. Department of Defense.', 'More is due.'],
    ],
    ['en', '"Is it over?" he asked. "No," she said.', ['"Is it over?" he asked.', '"No," she said.']],
    ['en', 'He said: "We will win." The crowd cheered.', ['He said: "We will win."', 'The crowd cheered.']],
    ['en', 'Wait... What happened? Nobody knows!', ['Wait...', 'What happened?', 'Nobody knows!']],
    [
      'ru',
      'В. В. Путин прибыл в Москву. Об этом сообщает ТАСС.',
      ['В. В. Путин прибыл в Москву.', 'Об этом сообщает ТАСС.'],
    ],
    [
      'ru',
      '«Мы победим!» — заявил он. Зал встретил это аплодисментами.',
      ['«Мы победим!» — заявил он.', 'Зал встретил это аплодисментами.'],
    ],
    ['ru', '— Вы уверены? — Да. Абсолютно.', ['— Вы уверены?', '— Да.', 'Абсолютно.']],
    ['de', 'Das ist z.B. ein Test. Dr. Müller kommt.', ['Das ist z.B. ein Test.', 'Dr. Müller kommt.']],
    // No space after a full stop (issue 18): a word ending in a small letter (or an acronym) and a
    // capitalised word split; initials, dotted acronyms, abbreviations, numbers and domains do not.
    [
      'ru',
      'Так считает Джеффри Сакс.Как отметил эксперт, удары по США.Оперативно ответили.',
      ['Так считает Джеффри Сакс.', 'Как отметил эксперт, удары по США.', 'Оперативно ответили.'],
    ],
    // An acronym of two capitals before it (`ЕС.Как`), but not one capital (an initial).
    [
      'ru',
      'Об этом сообщил представитель ЕС.Как отметил А.Иванов, решение принято.',
      ['Об этом сообщил представитель ЕС.', 'Как отметил А.Иванов, решение принято.'],
    ],
    [
      'ru',
      'Д.Медведев пишет на ул.Ленина, т.е.Тверской, 3.5 раза: см. rt.com и Ria.ru сегодня.',
      ['Д.Медведев пишет на ул.Ленина, т.е.Тверской, 3.5 раза: см. rt.com и Ria.ru сегодня.'],
    ],
    [
      'en',
      'Fun with Franciscans…What fun! Yahoo!News wrote.',
      ['Fun with Franciscans…', 'What fun!', 'Yahoo!News wrote.'],
    ],
    [
      'en',
      'The U.S.Department said so at www.Example.com today.It was late.',
      ['The U.S.Department said so at www.Example.com today.', 'It was late.'],
    ],
  ];
  it.each(cases)('[%s] %s', (lang, text, expected) => {
    expect(sentencesOf(text, lang)).toEqual(expected);
  });

  it('keeps sentences inside paragraphs and offsets verbatim with \\r\\n', () => {
    const text = 'Title line\r\n\r\nFirst one. Second one.\r\nThird';
    const paras = splitParagraphs(text);
    const s = segmentSentences(text, paras, 'en');
    expect(s.map((x) => [text.slice(x.start, x.end), x.paragraph])).toEqual([
      ['Title line', 0],
      ['First one.', 1],
      ['Second one.', 1],
      ['Third', 2],
    ]);
  });
});
