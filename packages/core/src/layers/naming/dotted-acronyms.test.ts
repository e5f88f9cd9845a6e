import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokens/tokenize.js';
import { namingOf, termRows } from './direct.fixture.js';
import { undotted } from './dotted-acronyms.js';

const tokens = (text: string) => tokenize(text, 'en');

describe('dotted acronyms', () => {
  it('leaves a text without them, and two-letter ones (`U.S.`), alone', () => {
    for (const text of ['The DPR said so.', 'The U.S. and the U.K. said so.', 'J. R. R. Tolkien'])
      expect(undotted(text, tokens(text))).toBeNull();
  });

  it('closes up the letters, keeps every other offset and widens a span ending on the letters', () => {
    const text = 'the D.P.R. and A.F.U. militants.';
    const u = undotted(text, tokens(text))!;
    expect(u.text).toBe('the DPR    and AFU    militants.');
    expect(u.text.length).toBe(text.length);
    expect(u.tokens.map((t) => u.text.slice(t.start, t.end))).toEqual([
      'the',
      'DPR',
      'and',
      'AFU',
      'militants',
      '.',
    ]);
    expect(u.widen({ start: 4, end: 7 })).toEqual({ start: 4, end: 10 });
    expect(u.widen({ start: 15, end: 31 })).toEqual({ start: 15, end: 31 });
  });

  it('finds the terms with spans on the text as written', () => {
    const en = 'Ukraine: the D.P.R. said A.F.U. militants shelled Donetsk.';
    expect(termRows(en, namingOf(en, 'en'))).toEqual([
      'D.P.R. | separatist-republics | DPR | ru | outlet',
      'A.F.U. militants | ukrainian-forces | Ukrainian militants | ru | outlet',
    ]);
    const ru = 'В ходе С.В.О. так называемая «Д.Н.Р.» заявила о потерях.';
    expect(termRows(ru, namingOf(ru, 'ru'))).toEqual([
      'С.В.О. | war | СВО | ru | outlet',
      'так называемая «Д.Н.Р. | separatist-republics | так называемые ДНР/ЛНР | ua | outlet',
    ]);
  });
});
