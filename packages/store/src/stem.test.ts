import { describe, expect, it } from 'vitest';
import { stemText, stemWord } from './stem.js';

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
    });
  });
});
