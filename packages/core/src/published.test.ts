import { describe, expect, it } from 'vitest';
import { readPublished } from './published.js';

describe('readPublished', () => {
  it.each([
    ['2023-05-22', '2023-05-22', '2023-05'],
    ['2023-05-22T10:00:00Z', '2023-05-22', '2023-05'],
    [' 2024-02-29 ', '2024-02-29', '2024-02'],
    ['2023-05', null, '2023-05'],
    ['2023', null, null],
    ['2023-13', null, null],
    ['2023-02-30', null, null],
    ['2023-05-221', null, null],
    ['2023-05x', null, null],
    ['Mon, 22 May 2023 10:00:00 GMT', null, null],
    ['', null, null],
  ])('%j → day %j, month %j', (published, day, month) => {
    expect(readPublished(published)).toEqual({ day, month });
  });

  it('reads nothing from a document without a date', () => {
    expect(readPublished(undefined)).toEqual({ day: null, month: null });
    expect(readPublished(null)).toEqual({ day: null, month: null });
  });
});
