import { describe, expect, it } from 'vitest';
import { monthOf, parseMonthDay, parseNewsDate } from './dates.js';

describe('monthOf', () => {
  it.each([
    ['Dec', 12],
    ['December', 12],
    ['Sept', 9],
    ['sep', 9],
    ['May', 5],
    ['MARCH', 3],
    ['декабря', 12],
    ['дек', 12],
    ['февр', 2],
    ['мая', 5],
    ['мае', 5],
    ['май', 5],
    ['марта', 3],
    ['Июнь', 6],
    ['июле', 7],
    ['ноябрём', 11],
  ])('%s is month %i', (w, m) => expect(monthOf(w)).toBe(m));

  // Words that begin like a month name none (the first three letters used to be enough).
  it.each([
    'Mayor',
    'Marching',
    'Junior',
    'Augusta',
    'Octopus',
    'Decade',
    'майор',
    'декабрист',
    'марш',
    'июлем2',
  ])('%s is no month', (w) => expect(monthOf(w)).toBeUndefined());
});

describe('dates with words that begin like a month', () => {
  it.each([
    ['Mayor 22, 2018', undefined],
    ['22 Marching 2018', undefined],
    ['Sept. 3, 2022', '2022-09-03'],
    ['3 февр. 2022', '2022-02-03'],
  ])('parseNewsDate(%s)', (s, iso) => expect(parseNewsDate(s)).toBe(iso));

  it.each([
    ['Junior 5', undefined],
    ['21 июн', { month: 6, day: 21 }],
  ])('parseMonthDay(%s)', (s, md) => expect(parseMonthDay(s)).toEqual(md));
});
