import { describe, expect, it } from 'vitest';
import { hashString } from '../../models/features.js';
import { encodeClassTable, FormClasses, type FormClassFile, suffixHash } from './lexicon.js';

/** A lexicon of two suffix rules and two listed forms. */
function lexicon(): FormClasses {
  const classes = ['NOUN', 'VERB', 'ADJF|NOUN', 'ADVB'];
  const suffixes = encodeClassTable([
    [suffixHash(''), 0],
    [suffixHash('ать'), 1],
    [suffixHash('ый'), 2],
  ]);
  const forms = encodeClassTable([
    [hashString('печать'), 0],
    [hashString('быстро'), 3],
  ]);
  const file: FormClassFile = {
    source: 'test',
    classes,
    maxSuffix: 4,
    suffixes: suffixes.keys,
    suffixClasses: suffixes.values,
    forms: forms.keys,
    formClasses: forms.values,
  };
  return new FormClasses(file);
}

describe('FormClasses (the syntax model lexicon)', () => {
  const lex = lexicon();

  it('gives a listed form its own class before the suffix rules', () => {
    expect(lex.classOf('печать')).toBe('NOUN');
    expect(lex.classOf('быстро')).toBe('ADVB');
  });

  it('guesses other Cyrillic forms by their longest suffix with a rule', () => {
    expect(lex.classOf('читать')).toBe('VERB');
    expect(lex.classOf('новый')).toBe('ADJF|NOUN');
    // No rule for any suffix but the empty one.
    expect(lex.classOf('дом')).toBe('NOUN');
  });

  it('reads hashtags and mentions through their body, and marks pictographs', () => {
    expect(lex.classOf('#печать')).toBe('#NOUN');
    expect(lex.classOf('@читать')).toBe('@VERB');
    expect(lex.classOf('#gopro')).toBe('#?');
    expect(lex.classOf('👍🏻')).toBe('emoji');
    expect(lex.classOf('❤️')).toBe('emoji');
  });

  it('has no class for other forms without Cyrillic letters', () => {
    expect(lex.classOf('news')).toBeUndefined();
    expect(lex.classOf('2026')).toBeUndefined();
    expect(lex.classOf(',')).toBeUndefined();
    expect(lex.classOf('#')).toBeUndefined();
  });

  it('refuses a table whose keys and classes differ in number', () => {
    const t = encodeClassTable([[1, 0]]);
    expect(
      () =>
        new FormClasses({
          source: '',
          classes: ['NOUN'],
          maxSuffix: 1,
          suffixes: t.keys,
          suffixClasses: '',
          forms: '',
          formClasses: '',
        }),
    ).toThrow(/differ in number/);
  });
});
